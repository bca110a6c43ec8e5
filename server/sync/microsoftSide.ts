/**
 * Microsoft's own referral in an engagement is not the partner's deal and must never become a second opportunity.
 * partner-center.md §1.5: Microsoft's organisation id is "msft" (invitedBy.organizationId in the category table), and
 * the connected referral for Microsoft targets `{ "type": "BusinessProfileLocation", "id": "msft" }`.
 */
import type { Referral } from "../../core";

const microsoftOrganizationId = "msft";

export function isMicrosoftSide(referral: Referral): boolean {
  if (referral.organizationId === microsoftOrganizationId) return true;
  return (referral.target ?? []).some(
    (target) => target.type === "BusinessProfileLocation" && target.id === microsoftOrganizationId,
  );
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opportunity id a referral's externalReferenceId names, when it looks like one of ours (a GUID). */
export function externalOpportunityId(referral: Referral): string | null {
  const id = referral.externalReferenceId?.trim().replace(/^\{|\}$/g, "") ?? "";
  return guidPattern.test(id) ? id.toLowerCase() : null;
}
