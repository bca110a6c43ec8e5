/**
 * The solution's global choices. Values come from core/dataverse/options.ts (the service and the control compare
 * against the same constants); the labels are the solution's, and the Record types make a missing label a type error.
 */
import { MicrosoftHelpOption, SyncStatus } from "../../core/dataverse/options";
import { opportunityTable } from "../../core/dataverse/schema";
import type { ChoiceDefinition, ChoiceOption } from "./model";

function optionsOf<Key extends string>(
  values: Readonly<Record<Key, number>>,
  labels: Readonly<Record<Key, string>>,
): ChoiceOption[] {
  return (Object.keys(values) as Key[]).map((key) => ({ value: values[key], label: labels[key] }));
}

const syncStatusLabels: Readonly<Record<keyof typeof SyncStatus, string>> = {
  NotSynced: "Not synced",
  Pending: "Pending",
  Synced: "Synced",
  Error: "Error",
};

/** csb_syncstatus: where the opportunity stands with Partner Center (the checkmark). */
export const syncStatusChoice: ChoiceDefinition = {
  name: opportunityTable.cosellColumns.syncStatus,
  displayName: "Sync Status",
  description: "Where the opportunity stands with Partner Center. Written by the Co-sell Bridge service.",
  options: optionsOf(SyncStatus, syncStatusLabels),
};

// The Referrals API's assistanceRequestCode values that ask Microsoft for help, in the seller's words.
const microsoftHelpLabels: Readonly<Record<keyof typeof MicrosoftHelpOption, string>> = {
  GeneralOrOther: "General or other",
  CustomerTechnicalArchitecture: "Customer technical architecture",
  ProofOfConceptOrDemo: "Proof of concept or demo",
  QuotesOrLicensing: "Quotes or licensing",
  PostSalesCustomerSuccess: "Post-sales customer success",
  WorkloadSpecificValueProposition: "Workload-specific value proposition",
};

/** csb_microsofthelp: what the seller asks Microsoft for; none chosen means no co-sell help requested. */
export const microsoftHelpChoice: ChoiceDefinition = {
  name: opportunityTable.cosellColumns.microsoftHelp,
  displayName: "How can Microsoft help?",
  description: "What the seller asks Microsoft for. Leave empty when no co-sell help is needed.",
  options: optionsOf(MicrosoftHelpOption, microsoftHelpLabels),
};

/** Every global choice of the solution. */
export const globalChoices: readonly ChoiceDefinition[] = [syncStatusChoice, microsoftHelpChoice];
