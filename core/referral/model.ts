/**
 * The Partner Center referral resource, camelCase as the API sends it.
 * Source: shared/reference/partner-center.md §1.3 (referral-resources and a real 2022 response). Fields the service
 * may leave out or send as null are typed `| null` and optional: an incoming referral is parsed, never trusted.
 */
import type {
  ReferralDirection,
  ReferralQualification,
  ReferralStatus,
  ReferralSubstatus,
  ReferralType,
} from "./enums";
import type {
  Consent,
  CustomerProfile,
  DealDetails,
  InviteContext,
  Member,
  ReferralLinks,
  ReferralTarget,
  TrackingInfo,
} from "./parts";

export type * from "./parts";

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
