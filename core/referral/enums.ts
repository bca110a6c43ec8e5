/**
 * Partner Center Referrals API enumerations, spelled exactly as the API sends them.
 * Source: shared/reference/partner-center.md §1.4 (referral-resources, the PPC swagger and the generated connector).
 * Each is an `as const` object (not a TypeScript enum) so that every bundler and test runner treats it the same.
 */

type ValueOf<T> = T[keyof T];

export const ReferralStatus = { None: "None", New: "New", Active: "Active", Closed: "Closed" } as const;
export type ReferralStatus = ValueOf<typeof ReferralStatus>;

/** `Engaged` and `Error` appear in no official API document, so they are deliberately absent (§1.4). */
export const ReferralSubstatus = {
  None: "None",
  Pending: "Pending",
  Received: "Received",
  Accepted: "Accepted",
  Won: "Won",
  Lost: "Lost",
  Declined: "Declined",
  Expired: "Expired",
} as const;
export type ReferralSubstatus = ValueOf<typeof ReferralSubstatus>;

export const ReferralType = { Independent: "Independent", Shared: "Shared" } as const;
export type ReferralType = ValueOf<typeof ReferralType>;

export const ReferralQualification = {
  None: "None",
  Direct: "Direct",
  MarketingQualified: "MarketingQualified",
  SalesQualified: "SalesQualified",
} as const;
export type ReferralQualification = ValueOf<typeof ReferralQualification>;

export const ReferralDirection = { Incoming: "Incoming", Outgoing: "Outgoing" } as const;
export type ReferralDirection = ValueOf<typeof ReferralDirection>;

/** "How can Microsoft help?": the only values the API accepts; `Unknown` means no help was asked for. */
export const AssistanceRequestCode = {
  Unknown: "Unknown",
  GeneralOrOther: "GeneralOrOther",
  CustomerTechnicalArchitecture: "CustomerTechnicalArchitecture",
  ProofOfConceptOrDemo: "ProofOfConceptOrDemo",
  QuotesOrLicensing: "QuotesOrLicensing",
  PostSalesCustomerSuccess: "PostSalesCustomerSuccess",
  WorkloadSpecificValueProposition: "WorkloadSpecificValueProposition",
} as const;
export type AssistanceRequestCode = ValueOf<typeof AssistanceRequestCode>;
/** The codes that actually ask Microsoft for something. */
export type HelpCode = Exclude<AssistanceRequestCode, "Unknown">;

export const TargetType = {
  None: "None",
  BusinessProfileLocation: "BusinessProfileLocation",
  SolutionProfile: "SolutionProfile",
} as const;
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

export const SolutionTagType = { None: "None", Category: "Category", Name: "Name" } as const;
export type SolutionTagType = ValueOf<typeof SolutionTagType>;

export const CustomerProfileIdType = { Duns: "Duns", External: "External" } as const;
export type CustomerProfileIdType = ValueOf<typeof CustomerProfileIdType>;

/** Referral `salesStage`; Dataverse's opportunity `salesstage` uses the same four labels (values 0 to 3). */
export const ReferralSalesStage = {
  Qualify: "Qualify",
  Develop: "Develop",
  Propose: "Propose",
  Close: "Close",
} as const;
export type ReferralSalesStage = ValueOf<typeof ReferralSalesStage>;

/** True when `value` is one of the values of an `as const` enumeration object. */
export function isEnumValue<T extends Record<string, string>>(enumeration: T, value: unknown): value is ValueOf<T> {
  return typeof value === "string" && (Object.values(enumeration) as unknown[]).includes(value);
}
