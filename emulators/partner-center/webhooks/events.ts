/**
 * Webhook event names the emulator knows. The four referral events and `test-created` are the ones the co-sell
 * bridge cares about (partner-center.md §2.2); the others are real Partner Center events, listed so that the
 * "supported events" call looks like the real one and a registration may name them without a 400.
 */

/** The referral events of partner-center.md §2.2, the ones the original solution registers. */
export const REFERRAL_EVENTS = [
  "referral-created",
  "referral-updated",
  "related-referral-created",
  "related-referral-updated",
] as const;

/** The event a validation ("send test event") request delivers (partner-center.md §2.1). */
export const TEST_EVENT = "test-created";

/** Every event `GET /webhooks/v1/registration/events` returns, in that order. */
export const SUPPORTED_EVENTS: readonly string[] = [
  ...REFERRAL_EVENTS,
  TEST_EVENT,
  "subscription-updated",
  "usagerecords-thresholdExceeded",
  "customer-created",
  "invoice-ready",
  "azure-fraud-event-detected",
];

/** One of the referral event names. */
export type ReferralEventName = (typeof REFERRAL_EVENTS)[number];

/** True when Partner Center would accept `name` in a registration (exact, case-sensitive match). */
export function isSupportedEvent(name: string): boolean {
  return SUPPORTED_EVENTS.includes(name);
}
