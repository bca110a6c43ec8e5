/**
 * The rules a referral body must follow before the emulator stores it, whether it arrives by POST, PUT or as the
 * result of a PATCH. Required members and enumerations follow shared/reference/partner-center.md §1.3 and §1.4.
 */
import {
  AssistanceRequestCode,
  CustomerProfileIdType,
  CustomerSize,
  ReferralDirection,
  ReferralQualification,
  ReferralStatus,
  ReferralSubstatus,
  ReferralType,
  SolutionTagType,
  TargetType,
  iso3166Alpha2Codes,
  iso4217CurrencyCodes,
} from "../../../core";
import { invalidInput } from "./errors";
import { describeValue, FieldChecker, type JsonRecord } from "./fieldChecks";

/**
 * Turns a numeric-string `details.dealValue` into a number, in place. The documentation's own PATCH example sends
 * "10000" and the service evidently accepts it (§1.2), while the model is a decimal (§1.3).
 */
export function coerceDealValue(document: JsonRecord): void {
  const details = document.details;
  if (typeof details !== "object" || details === null || Array.isArray(details)) return;
  const record = details as JsonRecord;
  const value = record.dealValue;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) record.dealValue = Number(value);
}

/**
 * Checks a complete referral body and throws one 400 naming every bad field. Server-owned members are not checked
 * here: the store sets them itself.
 */
export function assertValidReferral(document: unknown): asserts document is JsonRecord {
  const checker = new FieldChecker();
  const body = checker.requireObject(document, "body", "send the referral as a JSON object");
  if (body === undefined) throw invalidInput(checker.problems);

  checker.requireText(body.name, "name", "give the referral a name");
  checker.enumValue(body.type, "type", Object.values(ReferralType), true);
  checker.enumValue(body.status, "status", Object.values(ReferralStatus));
  checker.enumValue(body.substatus, "substatus", Object.values(ReferralSubstatus));
  checker.enumValue(body.qualification, "qualification", Object.values(ReferralQualification));
  checker.enumValue(body.direction, "direction", Object.values(ReferralDirection));
  checker.optionalText(body.externalReferenceId, "externalReferenceId");
  checker.optionalText(body.statusReason, "statusReason");
  checker.optionalText(body.salesStage, "salesStage");

  checkCustomerProfile(checker, body.customerProfile);
  checkConsent(checker, body.consent);
  checkDetails(checker, body.details);
  checkMembers(checker, body.team, "team");
  for (const [index, target] of checker.optionalObjectArray(body.target, "target").entries()) {
    checker.enumValue(target.type, `target[${index}].type`, Object.values(TargetType), true);
    checker.requireText(target.id, `target[${index}].id`, "name the solution profile or business profile location");
  }
  const inviteContext = checker.optionalObject(body.inviteContext, "inviteContext");
  if (inviteContext !== undefined) {
    const field = "inviteContext.assistanceRequestCode";
    checker.enumValue(inviteContext.assistanceRequestCode, field, Object.values(AssistanceRequestCode));
    checker.optionalText(inviteContext.notes, "inviteContext.notes");
  }
  if (checker.problems.length > 0) throw invalidInput(checker.problems);
}

function checkCustomerProfile(checker: FieldChecker, value: unknown): void {
  const profile = checker.requireObject(value, "customerProfile", "describe the customer (name, address, team)");
  if (profile === undefined) return;
  checker.requireText(profile.name, "customerProfile.name", "give the customer's name");
  if (profile.size !== "") checker.enumValue(profile.size, "customerProfile.size", Object.values(CustomerSize));
  const address = checker.requireObject(
    profile.address,
    "customerProfile.address",
    "give the customer's address with at least a two-letter country code",
  );
  if (address !== undefined) {
    const country = address.country;
    if (country === undefined || country === null || country === "") {
      checker.report(
        "customerProfile.address.country",
        "customerProfile.address.country is required: an ISO 3166 alpha-2 code such as US.",
      );
    } else if (typeof country !== "string" || !iso3166Alpha2Codes.has(country)) {
      checker.report(
        "customerProfile.address.country",
        `customerProfile.address.country must be an ISO 3166 alpha-2 code such as US; got ${describeValue(country)}.`,
      );
    }
    for (const member of ["addressLine1", "addressLine2", "city", "state", "postalCode", "region"]) {
      checker.optionalText(address[member], `customerProfile.address.${member}`);
    }
  }
  checkMembers(checker, profile.team, "customerProfile.team");
  for (const [index, id] of checker.optionalObjectArray(profile.ids, "customerProfile.ids").entries()) {
    const field = `customerProfile.ids[${index}].profileType`;
    checker.enumValue(id.profileType, field, Object.values(CustomerProfileIdType), true);
  }
}

function checkConsent(checker: FieldChecker, value: unknown): void {
  const consent = checker.requireObject(
    value,
    "consent",
    "say what the customer agreed to, e.g. consentToShareReferralWithMicrosoftSellers",
  );
  if (consent === undefined) return;
  for (const [flag, flagValue] of Object.entries(consent)) checker.optionalBoolean(flagValue, `consent.${flag}`);
}

function checkDetails(checker: FieldChecker, value: unknown): void {
  const details = checker.requireObject(value, "details", "give the deal's value, currency and closing date");
  if (details === undefined) return;
  const dealValue = details.dealValue;
  if (dealValue !== undefined && dealValue !== null && (typeof dealValue !== "number" || !Number.isFinite(dealValue))) {
    checker.report(
      "details.dealValue",
      `details.dealValue must be a number (or a numeric string such as "10000"); got ${describeValue(dealValue)}.`,
    );
  }
  const currency = details.currency;
  if (
    currency !== undefined &&
    currency !== null &&
    (typeof currency !== "string" || !iso4217CurrencyCodes.has(currency))
  ) {
    checker.report(
      "details.currency",
      `details.currency must be an ISO 4217 code such as USD; got ${describeValue(currency)}.`,
    );
  }
  checker.optionalDateTime(details.closingDateTime, "details.closingDateTime");
  checker.optionalText(details.notes, "details.notes");
  const requirements = checker.optionalObject(details.requirements, "details.requirements");
  if (requirements === undefined) return;
  const field = "details.requirements.solutions";
  for (const [index, solution] of checker.optionalObjectArray(requirements.solutions, field).entries()) {
    checker.requireText(solution.id, `${field}[${index}].id`, "give the solution id, e.g. SOL-15974-MQF");
    checker.enumValue(solution.type, `${field}[${index}].type`, Object.values(SolutionTagType));
  }
}

function checkMembers(checker: FieldChecker, value: unknown, field: string): void {
  for (const [index, member] of checker.optionalObjectArray(value, field).entries()) {
    for (const key of ["firstName", "lastName", "email", "phoneNumber", "title"]) {
      checker.optionalText(member[key], `${field}[${index}].${key}`);
    }
  }
}
