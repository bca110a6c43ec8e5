/**
 * The rules of pre-submit validation, without their wording: which problems Partner Center (or the original connector,
 * see shared/reference/original-connector.md, "Known complaints") would find in a referral to create, each with the
 * field to point the seller at and the value its message names. validateReferral.ts words them in English; the form
 * scripts word them from their own string resources, so they bundle the rules without the English sentences.
 */
import { iso3166Alpha2Codes } from "../reference-data/countries";
import { iso4217CurrencyCodes } from "../reference-data/currencies";
import type { FieldMapping, MappedField } from "../mapping/fields";
import { helpCodesOfInviteContext } from "../mapping/helpCodes";
import type { OpportunitySnapshot } from "../mapping/snapshot";
import { toReferralCreate } from "../mapping/toReferral";
import { toDate, toDecimal, toText } from "../mapping/values";
import type { ReferralCreateRequest } from "../referral/model";
import { minimumHoursBeforeWon } from "../referral/transitions";

export type ValidationCode =
  | "nameMissing"
  | "customerNameMissing"
  | "solutionMissing"
  | "helpNeedsSharing"
  | "countryMissing"
  | "countryInvalid"
  | "contactMissing"
  | "dealValueNotPositive"
  | "closeDateMissing"
  | "closeDateInPast"
  | "currencyInvalid"
  | "wonTooSoon"
  | "closedAtCreation";

export interface FoundProblem {
  code: ValidationCode;
  /** The mapped field to point the seller at. */
  field: MappedField;
  /**
   * What the message names: the offending country, close date or currency ("" for a missing currency), or the hours
   * Won must wait; null for the problems whose message names nothing.
   */
  value: string | null;
}

export interface ValidationContext {
  now: Date;
}

export function findReferralProblems(referral: ReferralCreateRequest, { now }: ValidationContext): FoundProblem[] {
  const problems: FoundProblem[] = [];
  const add = (code: ValidationCode, field: MappedField, value: string | null = null) =>
    problems.push({ code, field, value });
  const helpRequested = helpCodesOfInviteContext(referral.inviteContext).length > 0;
  const shared = referral.consent?.consentToShareReferralWithMicrosoftSellers === true;
  const contact = referral.customerProfile?.team?.[0];
  const address = referral.customerProfile?.address;

  if (toText(referral.name) === null) add("nameMissing", "name");
  if (toText(referral.customerProfile?.name) === null) add("customerNameMissing", "customerName");
  const hasSolution = (referral.details?.requirements?.solutions ?? []).some((tag) => toText(tag.id) !== null);
  if ((helpRequested || shared) && !hasSolution) add("solutionMissing", "solutions");
  if (helpRequested && !shared) add("helpNeedsSharing", "sharedWithMicrosoft");

  const country = toText(address?.country);
  if (country === null) add("countryMissing", "customerCountry");
  else if (!iso3166Alpha2Codes.has(country)) add("countryInvalid", "customerCountry", country);
  const hasContactName = (toText(contact?.firstName) ?? toText(contact?.lastName)) !== null;
  const hasContact = hasContactName && toText(contact?.email) !== null;
  if (helpRequested && !hasContact) add("contactMissing", "contactEmail");

  const dealValue = toDecimal(referral.details?.dealValue);
  if (dealValue === null || dealValue <= 0) add("dealValueNotPositive", "dealValue");
  const closeDate = toDate(referral.details?.closingDateTime);
  const today = now.toISOString().slice(0, 10);
  if (closeDate === null) add("closeDateMissing", "closeDate");
  else if (closeDate < today) add("closeDateInPast", "closeDate", closeDate);
  const currency = toText(referral.details?.currency);
  if (currency === null || !iso4217CurrencyCodes.has(currency)) add("currencyInvalid", "currency", currency ?? "");

  if (referral.status === "Closed") {
    if (referral.substatus === "Won") add("wonTooSoon", "outcome", String(minimumHoursBeforeWon));
    else add("closedAtCreation", "outcome");
  }
  return problems;
}

/** The problems Partner Center would find in the referral this opportunity would become, unworded. */
export function findOpportunityProblems(
  snapshot: OpportunitySnapshot,
  mapping: FieldMapping,
  context: ValidationContext,
): FoundProblem[] {
  return findReferralProblems(toReferralCreate(snapshot, mapping), context);
}
