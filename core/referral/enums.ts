/**
 * Partner Center Referrals API enumerations, spelled exactly as the API sends them.
 * Source: shared/reference/partner-center.md §1.4 (referral-resources, the PPC swagger and the generated connector).
 * Each is a plain readonly object (not a TypeScript enum) so that every bundler and test runner treats it the same:
 * `as const`, or built by selfNamed when its keys are its values.
 */

type ValueOf<T> = T[keyof T];

/**
 * An enumeration whose keys are its values, from the values alone: each name is written once, which the form's
 * script (it carries AssistanceRequestCode) is smaller for. Each call is marked pure so that bundlers drop an
 * enumeration nobody uses, as they drop an unused object literal.
 */
function selfNamed<const T extends readonly string[]>(...values: T): { readonly [V in T[number]]: V } {
  return Object.fromEntries(values.map((value) => [value, value])) as { readonly [V in T[number]]: V };
}

export const ReferralStatus = /* @__PURE__ */ selfNamed("None", "New", "Active", "Closed");
export type ReferralStatus = ValueOf<typeof ReferralStatus>;

/** `Engaged` and `Error` appear in no official API document, so they are deliberately absent (§1.4). */
export const ReferralSubstatus = /* @__PURE__ */ selfNamed(
  "None",
  "Pending",
  "Received",
  "Accepted",
  "Won",
  "Lost",
  "Declined",
  "Expired",
);
export type ReferralSubstatus = ValueOf<typeof ReferralSubstatus>;

export const ReferralType = /* @__PURE__ */ selfNamed("Independent", "Shared");
export type ReferralType = ValueOf<typeof ReferralType>;

export const ReferralQualification = /* @__PURE__ */ selfNamed(
  "None",
  "Direct",
  "MarketingQualified",
  "SalesQualified",
);
export type ReferralQualification = ValueOf<typeof ReferralQualification>;

export const ReferralDirection = /* @__PURE__ */ selfNamed("Incoming", "Outgoing");
export type ReferralDirection = ValueOf<typeof ReferralDirection>;

/** "How can Microsoft help?": the only values the API accepts; `Unknown` means no help was asked for. */
export const AssistanceRequestCode = /* @__PURE__ */ selfNamed(
  "Unknown",
  "GeneralOrOther",
  "CustomerTechnicalArchitecture",
  "ProofOfConceptOrDemo",
  "QuotesOrLicensing",
  "PostSalesCustomerSuccess",
  "WorkloadSpecificValueProposition",
);
export type AssistanceRequestCode = ValueOf<typeof AssistanceRequestCode>;
/** The codes that actually ask Microsoft for something. */
export type HelpCode = Exclude<AssistanceRequestCode, "Unknown">;

export const TargetType = /* @__PURE__ */ selfNamed("None", "BusinessProfileLocation", "SolutionProfile");
export type TargetType = ValueOf<typeof TargetType>;

export const CustomerSize = {
  OneTo50Employees: "1to50employees",
  FiftyOneTo500Employees: "51to500employees",
  MoreThan500Employees: "Morethan500employees",
  OneTo9Employees: "1to9employees",
  TenTo50Employees: "10to50employees",
  FiftyOneTo250Employees: "51to250employees",
  TwoHundredFiftyOneTo1000Employees: "251to1000employees",
  OneThousandOneTo5000Employees: "1001to5000employees",
  FiveThousandOneTo10000Employees: "5001to10000employees",
  TenThousandOneTo20000Employees: "10001to20000employees",
  MoreThan20000Employees: "Morethan20000employees",
} as const;
export type CustomerSize = ValueOf<typeof CustomerSize>;

export const SolutionTagType = /* @__PURE__ */ selfNamed("None", "Category", "Name");
export type SolutionTagType = ValueOf<typeof SolutionTagType>;

export const CustomerProfileIdType = /* @__PURE__ */ selfNamed("Duns", "External");
export type CustomerProfileIdType = ValueOf<typeof CustomerProfileIdType>;

/** Referral `salesStage`; Dataverse's opportunity `salesstage` uses the same four labels (values 0 to 3). */
export const ReferralSalesStage = /* @__PURE__ */ selfNamed("Qualify", "Develop", "Propose", "Close");
export type ReferralSalesStage = ValueOf<typeof ReferralSalesStage>;

/** True when `value` is one of the values of an `as const` enumeration object. */
export function isEnumValue<T extends Record<string, string>>(enumeration: T, value: unknown): value is ValueOf<T> {
  return typeof value === "string" && (Object.values(enumeration) as unknown[]).includes(value);
}
