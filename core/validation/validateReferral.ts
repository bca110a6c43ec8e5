/**
 * Pre-submit validation of a referral to create: everything Partner Center (or the original connector, see
 * shared/reference/original-connector.md, "Known complaints") would refuse, said once per problem in words a seller
 * understands, with what to do about it. The rules are findProblems.ts; this module words them in English.
 */
import type { MappedField } from "../mapping/fields";
import type { ReferralCreateRequest } from "../referral/model";
import { type FoundProblem, type ValidationCode, type ValidationContext, findReferralProblems } from "./findProblems";

export type { ValidationCode, ValidationContext } from "./findProblems";

export interface ValidationProblem {
  code: ValidationCode;
  /** The mapped field to point the seller at. */
  field: MappedField;
  message: string;
}

/** Each problem in English; `value` is what FoundProblem.value names ("" when it names nothing). */
const MESSAGES: Readonly<Record<ValidationCode, (value: string) => string>> = {
  nameMissing: () => "Give the opportunity a name (Topic).",
  customerNameMissing: () => "Choose the customer account; Partner Center needs the customer's name.",
  solutionMissing: () =>
    "Pick at least one of your co-sell solutions in Products: Microsoft needs it when you ask for help or share the deal.",
  helpNeedsSharing: () =>
    "To ask Microsoft for help, also make the deal visible to Microsoft sellers, or clear How can Microsoft help.",
  countryMissing: () => "Fill in the customer account's country as a two-letter code such as US.",
  countryInvalid: (country) =>
    `The customer's country '${country}' is not a two-letter ISO 3166 code in capitals; use one such as US, DE or JP.`,
  contactMissing: () =>
    "Add a customer contact with a name and an e-mail address: Microsoft needs someone to talk to when you ask for help.",
  dealValueNotPositive: () => "Enter an estimated revenue above 0; Partner Center refuses empty deals.",
  closeDateMissing: () => "Enter an estimated close date.",
  closeDateInPast: (closeDate) => `The estimated close date ${closeDate} is in the past; pick today or later.`,
  currencyInvalid: (currency) =>
    `The currency '${currency}' is not an ISO 4217 code Partner Center takes; choose one such as USD or EUR.`,
  wonTooSoon: (hours) =>
    `Partner Center needs ${hours} hours between creating a deal and marking it Won. ` +
    "Sync the deal while it is open and close it as Won later.",
  closedAtCreation: () => "Only open opportunities can be shared with Partner Center; reopen it first.",
};

function worded({ code, field, value }: FoundProblem): ValidationProblem {
  return { code, field, message: MESSAGES[code](value ?? "") };
}

export function validateReferralForCreate(
  referral: ReferralCreateRequest,
  context: ValidationContext,
): ValidationProblem[] {
  return findReferralProblems(referral, context).map(worded);
}
