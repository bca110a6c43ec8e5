import type { FieldKind } from "./fields";

/**
 * A canonical value as the Referrals API wants it. A close date becomes midnight UTC of that day, the form of the
 * documented create sample ("closingDateTime": "2024-11-14T00:00:00Z"), which reads back as the same date.
 */
export function referralValueOf(kind: FieldKind, value: unknown): unknown {
  if (kind === "date" && typeof value === "string") return `${value}T00:00:00Z`;
  return value;
}

/**
 * Where a seller opens a referral in Partner Center. The UI's URL scheme is not documented
 * (shared/reference/partner-center.md documents only the API), so the template is configurable.
 */
export const defaultReferralLinkTemplate = "https://partner.microsoft.com/dashboard/referrals/v2/cosell/{referralId}";

export function referralLinkOf(referralId: string, template: string = defaultReferralLinkTemplate): string {
  return template.replace("{referralId}", encodeURIComponent(referralId));
}
