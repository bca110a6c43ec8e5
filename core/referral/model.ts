/**
 * The Partner Center referral resource, camelCase as the API sends it.
 * Source: shared/reference/partner-center.md §1.3 (referral-resources and a real 2022 response). Fields the service
 * may leave out or send as null are typed `| null` and optional: an incoming referral is parsed, never trusted.
 */
import type {
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
} from "./enums";

export interface ContactPreference {
  locale?: string | null;
  disableNotifications?: boolean | null;
}

/** A person on the customer's or the partner's team. */
export interface Member {
  firstName?: string | null;
  lastName?: string | null;
  phoneNumber?: string | null;
  email?: string | null;
  title?: string | null;
  contactPreference?: ContactPreference | null;
}

export interface Address {
  addressLine1?: string | null;
  addressLine2?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  /** ISO 3166 alpha-2 country code; required when a referral is created. */
  country?: string | null;
  region?: string | null;
}

export interface CustomerProfileId {
  profileType: CustomerProfileIdType;
  id: string;
}

export interface CustomerProfile {
  name?: string | null;
  /** A CustomerSize value; the live service also sends "" when unknown. */
  size?: CustomerSize | "" | null;
  isMatchingComplete?: boolean | null;
  address?: Address | null;
  team?: Member[] | null;
  ids?: CustomerProfileId[] | null;
}

export interface Consent {
  /** The API's own spelling, with the doubled "To", in every source. */
  consentToToShareInfoWithOthers?: boolean | null;
  consentToContact?: boolean | null;
  /** The flag that makes a referral visible to Microsoft sellers; false makes it a private deal. */
  consentToShareReferralWithMicrosoftSellers?: boolean | null;
  /** Seen in the 2024 private-deal sample. */
  consentToMicrosoftToContactSpecificPartners?: boolean | null;
}

/** A tag on the referral's requirements: a partner co-sell solution (id "SOL-...") or a category. */
export interface SolutionTag {
  id: string;
  name?: string | null;
  type?: SolutionTagType | null;
  price?: number | null;
  quantity?: number | null;
  currency?: string | null;
  publisherName?: string | null;
  solutionType?: string | null;
  closingDateTime?: string | null;
}

export interface RequirementAttribute {
  id: string;
  type: string;
}

export interface IotRequirements {
  customerLicenseAgreementNumber?: string | null;
  deviceCategory?: string | null;
  siliconType?: string | null;
  azureCertifiedDevice?: boolean | null;
  attachServices?: boolean | null;
}

export interface AdditionalRequirements {
  iot?: IotRequirements | null;
  attributes?: RequirementAttribute[] | null;
}

export interface Requirements {
  industries?: string[] | null;
  products?: string[] | null;
  services?: string[] | null;
  solutions?: SolutionTag[] | null;
  offers?: unknown[] | null;
  salesPlays?: unknown[] | null;
  additionalRequirements?: AdditionalRequirements | null;
}

export interface DealDetails {
  notes?: string | null;
  /** Decimal; the documentation's PATCH example sends it as a string ("10000"), which the service accepts. */
  dealValue?: number | string | null;
  /** ISO 4217 currency code. */
  currency?: string | null;
  /** UTC date-time. */
  closingDateTime?: string | null;
  customerRequestedContact?: boolean | null;
  customerAction?: string | null;
  incentiveLevel?: string | null;
  requirements?: Requirements | null;
}

export interface ReferralTarget {
  type: TargetType;
  id: string;
}

export interface InvitedBy {
  organizationId?: string | null;
  organizationName?: string | null;
}

export interface InviteContext {
  notes?: string | null;
  assistanceRequestCode?: AssistanceRequestCode | null;
  invitedMpnId?: string | null;
  invitedBy?: InvitedBy | null;
}

export interface Link {
  uri: string;
  method: string;
}

export interface ReferralLinks {
  relatedReferrals?: Link | null;
  self?: Link | null;
}

export interface TrackingInfo {
  /** Microsoft's own CRM (MSX) opportunity id, filled once Microsoft engages. */
  microsoftMsxId?: string | null;
  microsoftUSFedOpportunityId?: string | null;
  microsoftUSFedLeadId?: string | null;
  migratedPSCDealId?: string | null;
  migratedPSCPartnerDealId?: string | null;
}

/**
 * A referral as Partner Center returns it. The 2024 create documentation also names "Partner role", "Solution Area"
 * and "Solution Play" for services co-sell, but their JSON property names are unconfirmed, so they are not modelled.
 */
export interface Referral {
  id: string;
  engagementId: string;
  name: string;
  organizationId?: string | null;
  organizationName?: string | null;
  lastModifiedVia?: string | null;
  lastRunId?: string | null;
  /** "Store your own Dynamics 365 lead/opportunity ID": we store the opportunity id, which makes creates idempotent. */
  externalReferenceId?: string | null;
  createdDateTime: string;
  updatedDateTime: string;
  expirationDateTime?: string | null;
  acceptedDateTime?: string | null;
  closedDateTime?: string | null;
  status: ReferralStatus;
  substatus: ReferralSubstatus;
  statusReason?: string | null;
  qualification?: ReferralQualification | null;
  type: ReferralType;
  direction?: ReferralDirection | null;
  referralSource?: string | null;
  callToAction?: string | null;
  /** A JSON string that carries its own literal double quotes, e.g. "\"6700f96c-...\""; send it back as is. */
  eTag: string;
  favorite?: boolean | null;
  campaignId?: string | null;
  /** Normally a ReferralSalesStage label, but the service has also been seen sending "100". */
  salesStage?: string | null;
  quality?: string | null;
  isSpam?: boolean | null;
  mpnId?: string | null;
  referralProgram?: string | null;
  dealSensitivity?: string | null;
  createdVia?: string | null;
  tags?: string[] | null;
  registrationStatus?: string | null;
  target?: ReferralTarget[] | null;
  customerProfile?: CustomerProfile | null;
  consent?: Consent | null;
  details?: DealDetails | null;
  customerMarketplaceIntent?: string | null;
  team?: Member[] | null;
  inviteContext?: InviteContext | null;
  links?: ReferralLinks | null;
  trackingInfo?: TrackingInfo | null;
  registrations?: unknown[] | null;
}

/** What a client sends to create a referral: the server sets id, engagementId, timestamps, eTag and links. */
export type ReferralCreateRequest = Omit<
  Referral,
  "id" | "engagementId" | "createdDateTime" | "updatedDateTime" | "eTag" | "links" | "status" | "substatus" | "type"
> &
  Partial<Pick<Referral, "engagementId" | "status" | "substatus" | "type">>;

/** One RFC 6902 operation; the Referrals API supports only `replace` and `add`. */
export interface JsonPatchOperation {
  op: "replace" | "add";
  path: string;
  value: unknown;
}
