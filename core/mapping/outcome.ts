/**
 * Deal outcome on both sides. Opportunity statecode 0/1/2 (Open/Won/Lost) against referral status/substatus:
 * New and Active are open, Closed/Won is won, and Closed with Lost, Declined or Expired is lost. The original
 * connector never published its status mapping (shared/reference/original-connector.md), so this is ours.
 */
import { OpportunityState, OpportunityStatus, SalesStage } from "../dataverse/options";
import { ReferralSalesStage, isEnumValue } from "../referral/enums";
import type { ReferralState } from "../referral/transitions";
import type { DealOutcome } from "./fields";

export function outcomeOfStateCode(stateCode: unknown): DealOutcome | null {
  switch (stateCode) {
    case OpportunityState.Open:
      return "Open";
    case OpportunityState.Won:
      return "Won";
    case OpportunityState.Lost:
      return "Lost";
    default:
      return null;
  }
}

export function outcomeOfReferral(state: Partial<ReferralState>): DealOutcome | null {
  if (state.status === "New" || state.status === "Active") return "Open";
  if (state.status !== "Closed") return null;
  return state.substatus === "Won" ? "Won" : "Lost";
}

/** The referral state a Dynamics outcome asks for; an open deal is created as New/Pending (Partner Center accepts it). */
export function referralStateOfOutcome(outcome: DealOutcome): ReferralState {
  switch (outcome) {
    case "Open":
      return { status: "New", substatus: "Pending" };
    case "Won":
      return { status: "Closed", substatus: "Won" };
    case "Lost":
      return { status: "Closed", substatus: "Lost" };
  }
}

export interface OpportunityStateChange {
  outcome: DealOutcome;
  statecode: OpportunityState;
  statuscode: OpportunityStatus;
}

/**
 * The opportunity state and status reason for an outcome. Lost becomes Canceled: Partner Center does not say whether a
 * competitor won (Out-Sold), and Declined and Expired referrals are no competitor's win either.
 */
export function opportunityStateOfOutcome(outcome: DealOutcome): OpportunityStateChange {
  switch (outcome) {
    case "Open":
      return { outcome, statecode: OpportunityState.Open, statuscode: OpportunityStatus.InProgress };
    case "Won":
      return { outcome, statecode: OpportunityState.Won, statuscode: OpportunityStatus.Won };
    case "Lost":
      return { outcome, statecode: OpportunityState.Lost, statuscode: OpportunityStatus.Canceled };
  }
}

const stageLabels = Object.keys(SalesStage) as (keyof typeof SalesStage)[];

/** Referral salesStage label of a Dataverse salesstage value (0 Qualify … 3 Close). */
export function salesStageOfOption(value: unknown): ReferralSalesStage | null {
  return stageLabels.find((label) => SalesStage[label] === value) ?? null;
}

export function optionOfSalesStage(stage: ReferralSalesStage): SalesStage {
  return SalesStage[stage];
}

/** The label, or null for anything else the service sends (it has been seen sending "100"). */
export function salesStageOfReferral(value: unknown): ReferralSalesStage | null {
  return isEnumValue(ReferralSalesStage, value) ? value : null;
}
