/**
 * The three kinds of deal Partner Center knows (shared/reference/partner-center.md §1.5): private (no help, not shared
 * with Microsoft sellers), partner-led (no help, shared) and co-sell (help requested and shared).
 */
import type { HelpCode } from "./referral/enums";

export type DealType = "private" | "partnerLed" | "coSell";

export const dealTypeLabels: Readonly<Record<DealType, string>> = {
  private: "Private deal: only your organization sees it",
  partnerLed: "Partner-led deal: Microsoft sellers can see it, no help requested",
  coSell: "Co-sell deal: shared with Microsoft sellers, who are asked to help",
};

/**
 * The deal type that the seller's choices produce. Asking for help without sharing still makes a private deal,
 * because consentToShareReferralWithMicrosoftSellers alone decides privacy; validation flags that combination.
 */
export function dealTypeOf(helpRequested: readonly HelpCode[], sharedWithMicrosoft: boolean): DealType {
  if (!sharedWithMicrosoft) return "private";
  return helpRequested.length > 0 ? "coSell" : "partnerLed";
}
