/**
 * csb_partnercentersolution: the partner's co-sell solutions, which the service copies from Partner Center and sellers
 * pick products from (shared/DESIGN.md). Names from core/dataverse/schema.ts; lengths as the emulator's co-sell schema
 * has them. Organization-owned: every seller sees the same catalogue.
 */
import { partnerCenterSolutionTable as names } from "../../core/dataverse/schema";
import { column } from "./columns";
import type { TableDefinition } from "./model";

const primaryName = column(
  names.columns.name,
  "csb_Name",
  { displayName: "Name", description: "The solution's name in Partner Center." },
  { kind: "text", maxLength: 200, format: "text" },
);

export const partnerCenterSolutionTable: TableDefinition = {
  logicalName: names.logicalName,
  schemaName: "csb_PartnerCenterSolution",
  entitySetName: names.entitySet,
  displayName: "Partner Center Solution",
  pluralName: "Partner Center Solutions",
  description: "The partner's co-sell solutions, copied from Partner Center by the Co-sell Bridge service.",
  ownership: "OrgOwned",
  primaryKey: { schemaName: "csb_PartnerCenterSolutionId", displayName: "Partner Center Solution" },
  primaryName,
  columns: [
    column(
      names.columns.solutionId,
      "csb_SolutionId",
      { displayName: "Solution Id", description: "The Partner Center solution id (SOL-…)." },
      { kind: "text", maxLength: 50, format: "text" },
    ),
  ],
};
