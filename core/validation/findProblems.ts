/**
 * The rules of pre-submit validation, without their wording: which problems Partner Center (or the original connector,
 * see shared/reference/original-connector.md, "Known complaints") would find in a referral to create, each with the
 * field to point the seller at and the value its message names. validateReferral.ts words them in English; the form
 * scripts word them from their own string resources, so they bundle the rules without the English sentences.
 *
 * The rules read a few facts of the referral. For an opportunity, those facts come straight from its fields, each as
 * toReferralCreate would write it (the same value conversion, only when the field flows to Partner Center): the
 * answer is the one for the referral it would become, without building that referral, which keeps the referral
 * builder out of the form's script. test/core/validationAgreement.test.ts checks that both ways agree.
 */
import { iso3166Alpha2Codes } from "../reference-data/countries";
import { iso4217CurrencyCodes } from "../reference-data/currencies";
import { flowsToPartnerCenter, type FieldMapping, type MappedField } from "../mapping/fields";
import { defaultFieldMapping } from "../mapping/defaultMapping";
import { helpCodesOfInviteContext } from "../mapping/helpCodes";
import { getAtPointer } from "../mapping/jsonPointer";
import { referralStateOfOutcome } from "../mapping/outcome";
import { readOpportunity } from "../mapping/readDeal";
import { referralValueOf } from "../mapping/referralValues";
import type { OpportunitySnapshot } from "../mapping/snapshot";
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

/** What the rules look at in a referral to create. */
interface ReferralFacts {
  /** The raw value a field has in the referral (at its referralPath). */
  readonly valueOf: (field: MappedField) => unknown;
  readonly helpRequested: boolean;
  readonly shared: boolean;
  readonly hasSolution: boolean;
  readonly status: unknown;
  readonly substatus: unknown;
}

function factsOfReferral(referral: ReferralCreateRequest): ReferralFacts {
  return {
    // A field's place in a referral is fixed: a mapping can't move it (customizeMapping.ts).
    valueOf: (field) => getAtPointer(referral, defaultFieldMapping[field].referralPath),
    helpRequested: helpCodesOfInviteContext(referral.inviteContext).length > 0,
    shared: referral.consent?.consentToShareReferralWithMicrosoftSellers === true,
    hasSolution: (referral.details?.requirements?.solutions ?? []).some((tag) => toText(tag.id) !== null),
    status: referral.status,
    substatus: referral.substatus,
  };
}

/** The facts of the referral toReferralCreate would build from this opportunity. */
function factsOfOpportunity(snapshot: OpportunitySnapshot, mapping: FieldMapping): ReferralFacts {
  const fields = readOpportunity(snapshot, mapping);
  const flows = (field: MappedField) => flowsToPartnerCenter(mapping[field]);
  const { status, substatus } = referralStateOfOutcome(flows("outcome") ? (fields.outcome ?? "Open") : "Open");
  return {
    // As toReferralCreate writes a simple field: converted for the API, only when it flows there and has a value.
    valueOf: (field) => {
      const value = fields[field];
      return flows(field) && value !== null ? referralValueOf(mapping[field].kind, value) : undefined;
    },
    helpRequested: flows("helpRequested") && fields.helpRequested.length > 0,
    shared: flows("sharedWithMicrosoft") && fields.sharedWithMicrosoft,
    hasSolution: flows("solutions") && fields.solutions.length > 0,
    status,
    substatus,
  };
}

function problemsOf(facts: ReferralFacts, { now }: ValidationContext): FoundProblem[] {
  const problems: FoundProblem[] = [];
  const add = (code: ValidationCode, field: MappedField, value: string | null = null) =>
    problems.push({ code, field, value });
  const { valueOf, helpRequested, shared } = facts;
  const textOf = (field: MappedField) => toText(valueOf(field));

  if (textOf("name") === null) add("nameMissing", "name");
  if (textOf("customerName") === null) add("customerNameMissing", "customerName");
  if ((helpRequested || shared) && !facts.hasSolution) add("solutionMissing", "solutions");
  if (helpRequested && !shared) add("helpNeedsSharing", "sharedWithMicrosoft");

  const country = textOf("customerCountry");
  if (country === null) add("countryMissing", "customerCountry");
  else if (!iso3166Alpha2Codes.has(country)) add("countryInvalid", "customerCountry", country);
  const hasContactName = (textOf("contactFirstName") ?? textOf("contactLastName")) !== null;
  const hasContact = hasContactName && textOf("contactEmail") !== null;
  if (helpRequested && !hasContact) add("contactMissing", "contactEmail");

  const dealValue = toDecimal(valueOf("dealValue"));
  if (dealValue === null || dealValue <= 0) add("dealValueNotPositive", "dealValue");
  const closeDate = toDate(valueOf("closeDate"));
  const today = now.toISOString().slice(0, 10);
  if (closeDate === null) add("closeDateMissing", "closeDate");
  else if (closeDate < today) add("closeDateInPast", "closeDate", closeDate);
  const currency = textOf("currency");
  if (currency === null || !iso4217CurrencyCodes.has(currency)) add("currencyInvalid", "currency", currency ?? "");

  if (facts.status === "Closed") {
    if (facts.substatus === "Won") add("wonTooSoon", "outcome", String(minimumHoursBeforeWon));
    else add("closedAtCreation", "outcome");
  }
  return problems;
}

export function findReferralProblems(referral: ReferralCreateRequest, context: ValidationContext): FoundProblem[] {
  return problemsOf(factsOfReferral(referral), context);
}

/** The problems Partner Center would find in the referral this opportunity would become, unworded. */
export function findOpportunityProblems(
  snapshot: OpportunitySnapshot,
  mapping: FieldMapping,
  context: ValidationContext,
): FoundProblem[] {
  return problemsOf(factsOfOpportunity(snapshot, mapping), context);
}
