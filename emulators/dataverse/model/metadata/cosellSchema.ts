/**
 * The CoSellBridge solution's own schema (shared/DESIGN.md "Dataverse schema"; names and option values from core):
 * the csb_ columns on opportunity, their global choices and the csb_partnercentersolution table. Solution import adds
 * the same through the metadata API; this helper is for tests and the demo that don't import a solution.
 */
import {
  MicrosoftHelpOption,
  opportunityTable,
  partnerCenterSolutionTable,
  solutionIdentity,
  SyncStatus,
} from "../../../../core";
import type { MetadataCatalog } from "./catalog";
import { column } from "./columns";
import type { ChoiceDefinition, ColumnSpec, TableSpec } from "./types";

const custom = { isCustom: true } as const;
const columns = opportunityTable.cosellColumns;

/** Global choice behind csb_microsofthelp: one option per Referrals API help code. */
export const microsoftHelpChoice: ChoiceDefinition = {
  name: "csb_microsofthelp",
  displayName: "How can Microsoft help?",
  options: Object.entries(MicrosoftHelpOption).map(([code, value]) => ({ value, label: sentenceOf(code) })),
};

/** Global choice behind csb_syncstatus. */
export const syncStatusChoice: ChoiceDefinition = {
  name: "csb_syncstatus",
  displayName: "Sync Status",
  options: [
    { value: SyncStatus.NotSynced, label: "Not synced" },
    { value: SyncStatus.Pending, label: "Pending" },
    { value: SyncStatus.Synced, label: "Synced" },
    { value: SyncStatus.Error, label: "Error" },
  ],
};

/** The csb_ columns on opportunity, with the types the design gives them. */
export const cosellOpportunityColumns: readonly ColumnSpec[] = [
  column.boolean(columns.syncWithPartnerCenter, { ...custom, displayName: "Sync with Partner Center" }),
  column.multiChoice(
    columns.microsoftHelp,
    { global: microsoftHelpChoice.name },
    { ...custom, displayName: "How can Microsoft help?" },
  ),
  column.boolean(columns.shareWithMicrosoft, { ...custom, displayName: "Visible to Microsoft sellers" }),
  column.memo(columns.products, { ...custom, maxLength: 4000, displayName: "Products" }),
  column.string(columns.referralId, { ...custom, maxLength: 100, displayName: "Referral Identifier" }),
  column.string(columns.referralLink, { ...custom, maxLength: 500, format: "Url", displayName: "Referral Link" }),
  column.string(columns.microsoftCrmId, { ...custom, maxLength: 100, displayName: "Microsoft CRM Identifier" }),
  column.choice(
    columns.syncStatus,
    { global: syncStatusChoice.name },
    { ...custom, displayName: "Sync Status", defaultValue: SyncStatus.NotSynced },
  ),
  column.dateTime(columns.lastSyncedOn, { ...custom, displayName: "Last Synced On" }),
  column.memo(columns.audit, { ...custom, maxLength: 100_000, displayName: "Audit" }),
];

/** The partner's co-sell solution catalogue, filled from Partner Center by the sync service. */
export const partnerCenterSolutionTableSpec: TableSpec = {
  logicalName: partnerCenterSolutionTable.logicalName,
  entitySetName: partnerCenterSolutionTable.entitySet,
  primaryIdAttribute: partnerCenterSolutionTable.primaryKey,
  primaryNameAttribute: partnerCenterSolutionTable.columns.name,
  displayName: "Partner Center Solution",
  ownershipType: "OrganizationOwned",
  isCustomEntity: true,
  solution: solutionIdentity.uniqueName,
  columns: [
    column.string(partnerCenterSolutionTable.columns.name, { ...custom, maxLength: 200, displayName: "Name" }),
    column.string(partnerCenterSolutionTable.columns.solutionId, {
      ...custom,
      maxLength: 50,
      displayName: "Solution Id",
    }),
  ],
};

/**
 * Adds whatever part of the co-sell schema is missing (so calling it twice, or after a partial solution import, is
 * harmless) and returns its argument.
 */
export function withCoSellSchema<T extends { readonly metadata: MetadataCatalog }>(organization: T): T {
  const { metadata } = organization;
  for (const choice of [microsoftHelpChoice, syncStatusChoice]) {
    if (metadata.choice(choice.name) === undefined) metadata.addChoice(choice);
  }
  for (const spec of cosellOpportunityColumns) {
    if (metadata.column(opportunityTable.logicalName, spec.logicalName) === undefined) {
      metadata.addColumn(opportunityTable.logicalName, spec);
    }
  }
  if (metadata.findTable(partnerCenterSolutionTableSpec.logicalName) === undefined) {
    metadata.addTable(partnerCenterSolutionTableSpec);
  }
  return organization;
}

/** "ProofOfConceptOrDemo" → "Proof of concept or demo". */
function sentenceOf(pascalCase: string): string {
  const words = pascalCase.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
