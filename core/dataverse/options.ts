/**
 * Choice (option set) values on the Dataverse side.
 * Standard values: shared/reference/dataverse.md §4.2 (opportunity state, status reason and sales stage).
 */
import { solutionIdentity } from "./schema";
import type { HelpCode } from "../referral/enums";

type ValueOf<T> = T[keyof T];

export const OpportunityState = { Open: 0, Won: 1, Lost: 2 } as const;
export type OpportunityState = ValueOf<typeof OpportunityState>;

export const OpportunityStatus = { InProgress: 1, OnHold: 2, Won: 3, Canceled: 4, OutSold: 5 } as const;
export type OpportunityStatus = ValueOf<typeof OpportunityStatus>;

/** Which status reasons belong to which state: Dataverse refuses any other pair. */
export const opportunityStatusesByState: Readonly<Record<OpportunityState, readonly OpportunityStatus[]>> = {
  0: [OpportunityStatus.InProgress, OpportunityStatus.OnHold],
  1: [OpportunityStatus.Won],
  2: [OpportunityStatus.Canceled, OpportunityStatus.OutSold],
};

export const SalesStage = { Qualify: 0, Develop: 1, Propose: 2, Close: 3 } as const;
export type SalesStage = ValueOf<typeof SalesStage>;

const base = solutionIdentity.optionValuePrefix * 10_000;

/** csb_syncstatus: where the opportunity stands with Partner Center. */
export const SyncStatus = { NotSynced: base, Pending: base + 1, Synced: base + 2, Error: base + 3 } as const;
export type SyncStatus = ValueOf<typeof SyncStatus>;

/** csb_microsofthelp: one option per Referrals API assistanceRequestCode that asks for help. */
export const MicrosoftHelpOption: Readonly<Record<HelpCode, number>> = {
  GeneralOrOther: base,
  CustomerTechnicalArchitecture: base + 1,
  ProofOfConceptOrDemo: base + 2,
  QuotesOrLicensing: base + 3,
  PostSalesCustomerSuccess: base + 4,
  WorkloadSpecificValueProposition: base + 5,
};

/** The help code of a csb_microsofthelp option value, or undefined for a value that is not ours. */
export function helpCodeOfOption(optionValue: number): HelpCode | undefined {
  const match = Object.entries(MicrosoftHelpOption).find(([, value]) => value === optionValue);
  return match?.[0] as HelpCode | undefined;
}
