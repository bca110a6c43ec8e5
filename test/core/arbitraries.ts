/**
 * fast-check generators for canonical deals and the Dataverse snapshots that hold them.
 */
import fc from "fast-check";
import {
  AssistanceRequestCode,
  type DataverseChanges,
  type DealFields,
  type HelpCode,
  type OpportunitySnapshot,
  ReferralSalesStage,
  iso3166Alpha2Codes,
  iso4217CurrencyCodes,
  sortHelpCodes,
  normalizeSolutionIds,
} from "../../core";

const text = fc
  .string({ minLength: 1, maxLength: 40 })
  .map((value) => value.trim())
  .filter((value) => value !== "");
const optionalText = fc.option(text, { nil: null });
const helpCodes = Object.values(AssistanceRequestCode).filter((code): code is HelpCode => code !== "Unknown");

export const dealArbitrary = (outcomes: readonly DealFields["outcome"][] = ["Open", "Won", "Lost", null]) =>
  fc.record<DealFields>({
    name: optionalText,
    notes: optionalText,
    dealValue: fc.option(
      fc.integer({ min: 0, max: 10_000_000_000 }).map((cents) => cents / 100),
      { nil: null },
    ),
    currency: fc.option(fc.constantFrom(...iso4217CurrencyCodes), { nil: null }),
    closeDate: fc.option(
      fc
        .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
      { nil: null },
    ),
    outcome: fc.constantFrom(...outcomes),
    salesStage: fc.option(fc.constantFrom(...Object.values(ReferralSalesStage)), { nil: null }),
    helpRequested: fc.subarray(helpCodes).map((codes) => sortHelpCodes(codes)),
    sharedWithMicrosoft: fc.boolean(),
    solutions: fc
      .uniqueArray(fc.stringMatching(/^SOL-\d{5}-[A-Z]{3}$/), { maxLength: 4 })
      .map((ids) => normalizeSolutionIds(ids)),
    customerName: optionalText,
    customerAddressLine1: optionalText,
    customerAddressLine2: optionalText,
    customerCity: optionalText,
    customerState: optionalText,
    customerPostalCode: optionalText,
    customerCountry: fc.option(fc.constantFrom(...iso3166Alpha2Codes), { nil: null }),
    contactFirstName: optionalText,
    contactLastName: optionalText,
    contactEmail: optionalText,
    contactPhone: optionalText,
    contactTitle: optionalText,
    microsoftCrmId: optionalText,
  });

/** The snapshot Dataverse would return after applying these writes to an empty opportunity. */
export function snapshotOf(
  changes: DataverseChanges,
  opportunityId = "11111111-2222-3333-4444-555555555555",
): OpportunitySnapshot {
  const state = changes.state ?? { statecode: 0, statuscode: 1 };
  return {
    opportunity: {
      opportunityid: opportunityId,
      ...changes.opportunity,
      statecode: state.statecode,
      statuscode: state.statuscode,
    },
    account: Object.keys(changes.account).length > 0 ? changes.account : null,
    contact: Object.keys(changes.contact).length > 0 ? changes.contact : null,
    currencyCode: changes.currencyCode ?? null,
  };
}
