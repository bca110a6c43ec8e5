/**
 * What the server owns in a referral, and how a stored referral is shown to callers. Links are computed when a
 * referral is read rather than stored, so that changing the API base URL after start changes every link.
 */
import type { Referral, ReferralLinks, ReferralTarget } from "../../../core";
import type { IdGenerator } from "../../shared/ids";
import { microsoftOrganization } from "./options";
import type { ReferralDraft } from "./referralRepository";

/**
 * Members only Partner Center sets. A PUT keeps the stored values whatever the body says (the obsolete PUT doc asks
 * callers to remove `links`, §1.2), and a PATCH that targets one is refused.
 */
export const serverOwnedFields = [
  "id",
  "engagementId",
  "createdDateTime",
  "updatedDateTime",
  "eTag",
  "links",
  "organizationId",
  "organizationName",
  "direction",
  "acceptedDateTime",
  "closedDateTime",
  "expirationDateTime",
  "trackingInfo",
] as const satisfies readonly (keyof Referral)[];

export type ServerOwnedField = (typeof serverOwnedFields)[number];

export function isServerOwnedField(name: string): name is ServerOwnedField {
  return (serverOwnedFields as readonly string[]).includes(name);
}

/**
 * A fresh eTag. Partner Center's is a JSON string that carries its own double quotes, Cosmos DB style (§1.3), so a
 * client can pass it to If-Match unchanged.
 */
export function newETag(ids: IdGenerator): string {
  return `"${ids()}"`;
}

/**
 * True for Microsoft's side of an engagement: a referral Microsoft owns, or the connected referral a partner creates
 * for Microsoft with `target: [{ type: "BusinessProfileLocation", id: "msft" }]` (§1.5).
 */
export function isMicrosoftSide(referral: {
  organizationId?: string | null | undefined;
  target?: readonly ReferralTarget[] | null | undefined;
}): boolean {
  if (referral.organizationId === microsoftOrganization.organizationId) return true;
  return (referral.target ?? []).some(
    (target) => target.type === "BusinessProfileLocation" && target.id === microsoftOrganization.organizationId,
  );
}

/** The list URL of the referrals API under a base URL. */
export function referralsUrl(apiBaseUrl: string): string {
  return `${apiBaseUrl}/v1.0/engagements/referrals`;
}

/** `self` and `relatedReferrals`, in the documented shape (§1.2 list example). */
export function linksOf(referral: Pick<Referral, "id" | "engagementId">, apiBaseUrl: string): ReferralLinks {
  const base = referralsUrl(apiBaseUrl);
  return {
    relatedReferrals: { uri: `${base}?$filter=engagementId eq '${referral.engagementId}'`, method: "GET" },
    self: { uri: `${base}/${referral.id}`, method: "GET" },
  };
}

/** A caller's copy of a stored referral, with links; changing it never changes the store. */
export function presentReferral(referral: Referral, apiBaseUrl: string): Referral {
  return { ...structuredClone(referral), links: linksOf(referral, apiBaseUrl) };
}

/**
 * The members the live service always sends, null or empty when unknown (§1.3, the real 2022 response), so that a
 * client reading an emulated referral meets the same shape as a real one.
 */
export function withServiceDefaults<T extends ReferralDraft>(referral: T): T {
  const { id, engagementId, name, ...rest } = referral;
  return {
    // Identity first, so that a referral printed in the demo or a snapshot reads top-down like the real one.
    id,
    engagementId,
    name,
    externalReferenceId: null,
    expirationDateTime: null,
    acceptedDateTime: null,
    closedDateTime: null,
    statusReason: null,
    qualification: "None",
    salesStage: null,
    target: [],
    team: [],
    inviteContext: null,
    trackingInfo: {
      microsoftMsxId: null,
      microsoftUSFedOpportunityId: null,
      microsoftUSFedLeadId: null,
      migratedPSCDealId: null,
      migratedPSCPartnerDealId: null,
    },
    registrations: [],
    ...rest,
  } as unknown as T;
}
