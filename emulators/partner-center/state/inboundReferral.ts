/**
 * The two referrals of a co-sell opportunity Microsoft shares with the partner: the partner's Incoming one, waiting
 * for an answer until it expires, and Microsoft's own in the same engagement (shared/reference/partner-center.md §1.5,
 * the category table: Shared + SalesQualified, invited by Microsoft, is a co-sell opportunity).
 */
import type { Address, AssistanceRequestCode, CustomerSize, Member, Referral, SolutionTag } from "../../../core";
import { PartnerCenterError } from "./errors";
import { microsoftOrganization, type ResolvedOptions } from "./options";
import type { ReferralDraft } from "./referralRepository";
import { withServiceDefaults } from "./referralRecord";
import type { SolutionCatalogue } from "./solutions";

/** What Microsoft's seller fills in when sharing a co-sell opportunity. */
export interface InboundReferralRequest {
  /** Defaults to "<customer name> co-sell opportunity". */
  name?: string;
  customer: { name: string; address: Address; size?: CustomerSize | "" };
  /** The customer's contacts (customerProfile.team). */
  contacts: Member[];
  dealValue: number;
  currency: string;
  closingDateTime: string;
  notes?: string;
  /** The partner's solution ids (SOL-…) Microsoft wants; each must be in the partner's catalogue. */
  solutions?: string[];
  assistanceRequestCode?: AssistanceRequestCode;
}

const dayInMilliseconds = 24 * 60 * 60 * 1000;

/** Drafts of the partner's referral and Microsoft's, sharing one engagement id and one MSX id. */
export function inboundReferralDrafts(
  request: InboundReferralRequest,
  ids: { engagementId: string; partnerReferralId: string; microsoftReferralId: string; msxId: string },
  options: ResolvedOptions,
  catalogue: SolutionCatalogue,
): { partner: ReferralDraft; microsoft: ReferralDraft } {
  const tags = solutionTags(request.solutions ?? [], catalogue);
  const now = options.clock.now();
  const shared: Omit<ReferralDraft, "id" | "status" | "substatus"> = {
    engagementId: ids.engagementId,
    name: request.name ?? `${request.customer.name} co-sell opportunity`,
    type: "Shared",
    qualification: "SalesQualified",
    customerProfile: {
      name: request.customer.name,
      size: request.customer.size ?? "",
      isMatchingComplete: false,
      address: structuredClone(request.customer.address),
      team: structuredClone(request.contacts),
      ids: [],
    },
    consent: {
      consentToToShareInfoWithOthers: true,
      consentToContact: true,
      consentToShareReferralWithMicrosoftSellers: true,
    },
    details: {
      notes: request.notes ?? null,
      dealValue: request.dealValue,
      currency: request.currency,
      closingDateTime: request.closingDateTime,
      requirements: { industries: [], products: [], services: [], solutions: tags },
    },
    trackingInfo: { microsoftMsxId: ids.msxId },
  };
  const partner = withServiceDefaults({
    ...structuredClone(shared),
    id: ids.partnerReferralId,
    organizationId: options.partner.organizationId,
    organizationName: options.partner.organizationName,
    mpnId: options.partner.mpnId,
    direction: "Incoming",
    status: "New",
    substatus: "Pending",
    // An unanswered inbound referral closes as Expired after 14 days (§1.5); the clock decides when.
    expirationDateTime: new Date(now.getTime() + options.expiryDays * dayInMilliseconds).toISOString(),
    target: tags.map((tag) => ({ type: "SolutionProfile" as const, id: tag.id })),
    inviteContext: {
      notes: null,
      assistanceRequestCode: request.assistanceRequestCode ?? "Unknown",
      invitedMpnId: options.partner.mpnId,
      invitedBy: { ...microsoftOrganization },
    },
  });
  const microsoft = withServiceDefaults({
    ...structuredClone(shared),
    id: ids.microsoftReferralId,
    organizationId: microsoftOrganization.organizationId,
    organizationName: microsoftOrganization.organizationName,
    mpnId: null,
    direction: "Outgoing",
    status: "Active",
    substatus: "Accepted",
    target: [{ type: "BusinessProfileLocation", id: options.partner.organizationId }],
  });
  return { partner, microsoft };
}

function solutionTags(solutionIds: readonly string[], catalogue: SolutionCatalogue): SolutionTag[] {
  return solutionIds.map((id) => {
    const solution = catalogue.find(id);
    if (solution === undefined) {
      const known = catalogue.list().map((entry) => entry.id);
      throw new PartnerCenterError(
        400,
        "InvalidInput",
        `Solution '${id}' is not in the partner's co-sell catalogue (known: ${known.join(", ") || "none"}).`,
        [{ field: "solutions", value: id }],
      );
    }
    return {
      id: solution.id,
      name: solution.name,
      type: "Name",
      publisherName: solution.publisherName,
      solutionType: solution.solutionType,
    };
  });
}

/** A Microsoft CRM (MSX) opportunity id in the "7-XXXXXXXXX" shape. */
export function msxIdFrom(seed: string): string {
  return `7-${seed
    .replace(/[^0-9a-zA-Z]/g, "")
    .slice(0, 9)
    .toUpperCase()}`;
}

/** True when an Incoming referral has waited for an answer until its expiry time. */
export function isExpiredInvitation(referral: Referral, now: Date, expiryDays: number): boolean {
  if (referral.direction !== "Incoming" || referral.status !== "New") return false;
  const expiration = referral.expirationDateTime ?? undefined;
  const expiresAt =
    expiration !== undefined
      ? Date.parse(expiration)
      : Date.parse(referral.createdDateTime) + expiryDays * dayInMilliseconds;
  return now.getTime() >= expiresAt;
}
