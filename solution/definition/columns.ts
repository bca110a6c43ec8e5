/**
 * The columns the solution adds to the opportunity table (shared/DESIGN.md "Dataverse schema"). Logical names come
 * from core/dataverse/schema.ts; types and lengths are the ones the Dataverse emulator's co-sell schema uses
 * (emulators/dataverse/model/metadata/cosellSchema.ts), so an imported organization matches a seeded one.
 */
import { SyncStatus } from "../../core/dataverse/options";
import { opportunityTable } from "../../core/dataverse/schema";
import { microsoftHelpChoice, syncStatusChoice } from "./choices";
import type { ColumnCommon, ColumnDefinition, ColumnKind } from "./model";

/**
 * A column whose schema name is its logical name in published casing. Checked here because Dataverse derives the
 * logical name from the schema name: a typo would create a column the rest of the project can't find.
 */
export function column<Kind extends ColumnKind>(
  logicalName: string,
  schemaName: string,
  labels: { displayName: string; description: string },
  kind: Kind,
): ColumnCommon & Kind {
  if (schemaName.toLowerCase() !== logicalName) {
    throw new Error(`The schema name ${schemaName} must be the logical name ${logicalName} in other casing.`);
  }
  return { logicalName, schemaName, ...labels, ...kind };
}

const cosell = opportunityTable.cosellColumns;

/** The system table the columns, form, view and command bar go on, with its names as Dataverse exports write them. */
export const extendedTable = {
  logicalName: opportunityTable.logicalName,
  schemaName: "Opportunity",
  displayName: "Opportunity",
} as const;

/** The opportunity columns, in the order a maker would see them. */
export const opportunityColumns: readonly ColumnDefinition[] = [
  column(
    cosell.syncWithPartnerCenter,
    "csb_SyncWithPartnerCenter",
    {
      displayName: "Sync with Partner Center",
      description: "Yes makes this opportunity a co-sell referral in Partner Center and keeps the two in step.",
    },
    { kind: "yesNo", defaultValue: false },
  ),
  column(
    cosell.microsoftHelp,
    "csb_MicrosoftHelp",
    { displayName: "How can Microsoft help?", description: microsoftHelpChoice.description },
    { kind: "multiChoice", choice: microsoftHelpChoice },
  ),
  column(
    cosell.shareWithMicrosoft,
    "csb_ShareWithMicrosoft",
    {
      displayName: "Visible to Microsoft sellers",
      description: "Shares the referral with Microsoft sellers. Once shared it can't be unshared.",
    },
    { kind: "yesNo", defaultValue: false },
  ),
  column(
    cosell.products,
    "csb_Products",
    {
      displayName: "Products",
      description: "The partner's co-sell solution ids (SOL-…), chosen from the Partner Center solutions.",
    },
    { kind: "memo", maxLength: 4_000 },
  ),
  column(
    cosell.referralId,
    "csb_ReferralId",
    { displayName: "Referral Identifier", description: "The Partner Center referral of this opportunity." },
    { kind: "text", maxLength: 100, format: "text" },
  ),
  column(
    cosell.referralLink,
    "csb_ReferralLink",
    { displayName: "Referral Link", description: "Opens the referral in Partner Center." },
    { kind: "text", maxLength: 500, format: "url" },
  ),
  column(
    cosell.microsoftCrmId,
    "csb_MicrosoftCrmId",
    { displayName: "Microsoft CRM Identifier", description: "The id of the deal in Microsoft's own CRM." },
    { kind: "text", maxLength: 100, format: "text" },
  ),
  column(
    cosell.syncStatus,
    "csb_SyncStatus",
    { displayName: "Sync Status", description: syncStatusChoice.description },
    { kind: "choice", choice: syncStatusChoice, defaultValue: SyncStatus.NotSynced },
  ),
  column(
    cosell.lastSyncedOn,
    "csb_LastSyncedOn",
    {
      displayName: "Last Synced On",
      description: "When the service last brought Partner Center and Dynamics in step.",
    },
    { kind: "dateTime" },
  ),
  column(
    cosell.audit,
    "csb_Audit",
    { displayName: "Audit", description: "What the service did with this opportunity, newest first." },
    { kind: "memo", maxLength: 100_000 },
  ),
];
