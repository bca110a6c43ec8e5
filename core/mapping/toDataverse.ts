/**
 * Turns field changes from Partner Center into Dataverse writes: column values per table, the currency as an ISO
 * code (the caller binds it to its transactioncurrency row) and a state change, which Dataverse only takes through
 * the WinOpportunity and LoseOpportunity actions (shared/reference/dataverse.md §4.2), never through a PATCH.
 */
import { opportunityTable } from "../dataverse/schema";
import type { FieldChange } from "../diff/diff";
import type { Referral } from "../referral/model";
import { flowsToDataverse, type DataverseTable, type DealFields, type FieldMapping } from "./fields";
import { optionsOfHelpCodes } from "./helpCodes";
import { opportunityStateOfOutcome, optionOfSalesStage, type OpportunityStateChange } from "./outcome";
import { readReferral } from "./readDeal";
import { referralLinkOf } from "./referralValues";
import { columnOfSolutionIds } from "./solutionIds";

export interface DataverseChanges {
  opportunity: Record<string, unknown>;
  account: Record<string, unknown>;
  contact: Record<string, unknown>;
  /** ISO 4217 code of the new transaction currency, when it changes. */
  currencyCode?: string | null;
  /** A new state for the opportunity, when the outcome changes. */
  state?: OpportunityStateChange;
}

export function toDataverseChanges(changes: readonly FieldChange[], mapping: FieldMapping): DataverseChanges {
  const result: DataverseChanges = { opportunity: {}, account: {}, contact: {} };
  for (const change of changes) {
    const entry = mapping[change.field];
    if (!flowsToDataverse(entry)) continue;
    const columns: Record<DataverseTable, Record<string, unknown>> = result;
    switch (entry.kind) {
      case "currencyCode":
        result.currencyCode = change.to as string | null;
        break;
      case "outcome":
        if (change.to !== null)
          result.state = opportunityStateOfOutcome(change.to as NonNullable<DealFields["outcome"]>);
        break;
      case "salesStage":
        columns[entry.table][entry.column] =
          change.to === null ? null : optionOfSalesStage(change.to as NonNullable<DealFields["salesStage"]>);
        break;
      case "helpCodes":
        columns[entry.table][entry.column] = optionsOfHelpCodes(change.to as DealFields["helpRequested"]);
        break;
      case "solutionIds":
        columns[entry.table][entry.column] = columnOfSolutionIds(change.to as DealFields["solutions"]);
        break;
      default:
        columns[entry.table][entry.column] = change.to;
    }
  }
  return result;
}

export interface OpportunityCreateOptions {
  /** Template for the referral link; see referralLinkOf. */
  referralLinkTemplate?: string;
}

/**
 * Everything needed to create an opportunity (and its account and contact) for a referral that arrived from Partner
 * Center: every field that flows to Dataverse and has a value, plus the referral's id and link, and Sync = Yes.
 */
export function toOpportunityCreate(
  referral: Referral,
  mapping: FieldMapping,
  options: OpportunityCreateOptions = {},
): DataverseChanges {
  const fields = readReferral(referral, mapping);
  const changes = Object.values(mapping)
    .map((entry) => ({ field: entry.field, from: null, to: fields[entry.field] }))
    .filter((change) => change.to !== null && !(Array.isArray(change.to) && change.to.length === 0));
  const result = toDataverseChanges(changes, mapping);
  const cosell = opportunityTable.cosellColumns;
  result.opportunity[cosell.referralId] = referral.id;
  result.opportunity[cosell.referralLink] = referralLinkOf(referral.id, options.referralLinkTemplate);
  result.opportunity[cosell.syncWithPartnerCenter] = true;
  return result;
}
