/**
 * The parts a referral is made of: people, the customer, consent flags, deal details, targets, invitation context,
 * links and Microsoft's tracking ids (shared/reference/partner-center.md §1.3).
 */
import type { AssistanceRequestCode, CustomerProfileIdType, CustomerSize, SolutionTagType, TargetType } from "./enums";

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
