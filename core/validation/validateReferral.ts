/**
 * Pre-submit validation of a referral to create: everything Partner Center (or the original connector, see
 * shared/reference/original-connector.md, "Known complaints") would refuse, said once per problem in words a seller
 * understands, with what to do about it.
 */
import { iso3166Alpha2Codes } from "../reference-data/countries";
import { iso4217CurrencyCodes } from "../reference-data/currencies";
import type { MappedField } from "../mapping/fields";
import { helpCodesOfInviteContext } from "../mapping/helpCodes";
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

export interface ValidationProblem {
  code: ValidationCode;
  /** The mapped field to point the seller at. */
  field: MappedField;
  message: string;
}

export interface ValidationContext {
  now: Date;
}

export function validateReferralForCreate(
  referral: ReferralCreateRequest,
  { now }: ValidationContext,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (code: ValidationCode, field: MappedField, message: string) => problems.push({ code, field, message });
  const helpRequested = helpCodesOfInviteContext(referral.inviteContext).length > 0;
  const shared = referral.consent?.consentToShareReferralWithMicrosoftSellers === true;
  const contact = referral.customerProfile?.team?.[0];
  const address = referral.customerProfile?.address;

  if (toText(referral.name) === null) add("nameMissing", "name", "Give the opportunity a name (Topic).");
  if (toText(referral.customerProfile?.name) === null) {
    add(
      "customerNameMissing",
      "customerName",
      "Choose the customer account; Partner Center needs the customer's name.",
    );
  }
  const hasSolution = (referral.details?.requirements?.solutions ?? []).some((tag) => toText(tag.id) !== null);
  if ((helpRequested || shared) && !hasSolution) {
    add(
      "solutionMissing",
      "solutions",
      "Pick at least one of your co-sell solutions in Products: Microsoft needs it when you ask for help or share the deal.",
    );
  }
  if (helpRequested && !shared) {
    add(
      "helpNeedsSharing",
      "sharedWithMicrosoft",
      "To ask Microsoft for help, also make the deal visible to Microsoft sellers, or clear How can Microsoft help.",
    );
  }

  const country = toText(address?.country);
  if (country === null) {
    add("countryMissing", "customerCountry", "Fill in the customer account's country as a two-letter code such as US.");
  } else if (!iso3166Alpha2Codes.has(country)) {
    add(
      "countryInvalid",
      "customerCountry",
      `The customer's country '${country}' is not a two-letter ISO 3166 code in capitals; use one such as US, DE or JP.`,
    );
  }
  const hasContactName = (toText(contact?.firstName) ?? toText(contact?.lastName)) !== null;
  const hasContact = hasContactName && toText(contact?.email) !== null;
  if (helpRequested && !hasContact) {
    add(
      "contactMissing",
      "contactEmail",
      "Add a customer contact with a name and an e-mail address: Microsoft needs someone to talk to when you ask for help.",
    );
  }

  const dealValue = toDecimal(referral.details?.dealValue);
  if (dealValue === null || dealValue <= 0) {
    add("dealValueNotPositive", "dealValue", "Enter an estimated revenue above 0; Partner Center refuses empty deals.");
  }
  const closeDate = toDate(referral.details?.closingDateTime);
  const today = now.toISOString().slice(0, 10);
  if (closeDate === null) {
    add("closeDateMissing", "closeDate", "Enter an estimated close date.");
  } else if (closeDate < today) {
    add("closeDateInPast", "closeDate", `The estimated close date ${closeDate} is in the past; pick today or later.`);
  }
  const currency = toText(referral.details?.currency);
  if (currency === null || !iso4217CurrencyCodes.has(currency)) {
    add(
      "currencyInvalid",
      "currency",
      `The currency '${currency ?? ""}' is not an ISO 4217 code Partner Center takes; choose one such as USD or EUR.`,
    );
  }

  if (referral.status === "Closed") {
    if (referral.substatus === "Won") {
      add(
        "wonTooSoon",
        "outcome",
        `Partner Center needs ${minimumHoursBeforeWon} hours between creating a deal and marking it Won. ` +
          "Sync the deal while it is open and close it as Won later.",
      );
    } else {
      add("closedAtCreation", "outcome", "Only open opportunities can be shared with Partner Center; reopen it first.");
    }
  }
  return problems;
}
