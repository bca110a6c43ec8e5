/**
 * What a verified Partner Center event asks of the sync engine. The event carries no referral data (shared/reference/
 * partner-center.md §2.3), so every event of one referral means the same thing: "read this referral again". Hence one
 * dedupe key per referral, whatever the event: Partner Center retries and duplicates deliveries (§2.5), and a burst
 * of events for one referral needs only one GET.
 */
import { TEST_EVENT_NAME, type PartnerCenterEvent, type PartnerCenterEventName } from "./partnerCenterEvent";

/** The referral events, without the validation event. */
export type ReferralEventName = Exclude<PartnerCenterEventName, typeof TEST_EVENT_NAME>;

/** Read the referral from Partner Center and sync it. */
export interface PartnerCenterReferralJob {
  readonly kind: "partner-center-referral";
  readonly referralId: string;
  readonly eventName: ReferralEventName;
  /**
   * When Partner Center says the referral changed (ResourceChangeUtcDate). The engine compares it with the
   * referral's updatedDateTime after its own last write: an event no newer than that is the echo of our write.
   */
  readonly changedAt: string;
  /** `referral:<id>`: queue at most one pending job per referral. */
  readonly dedupeKey: string;
}

/** Nothing to do; answer 2xx all the same so Partner Center records a successful delivery. */
export interface IgnoredEvent {
  readonly kind: "ignored";
  readonly reason: string;
}

/** The job for an event, or why there is none. */
export type PartnerCenterSyncJob = PartnerCenterReferralJob | IgnoredEvent;

/** Turns a verified event into a job; `test-created` is acknowledged and ignored. */
export function toSyncJob(event: PartnerCenterEvent): PartnerCenterSyncJob {
  if (event.eventName === TEST_EVENT_NAME) {
    return {
      kind: "ignored",
      reason: `${TEST_EVENT_NAME} is Partner Center's validation event (${event.referralId}); there is nothing to sync`,
    };
  }
  return {
    kind: "partner-center-referral",
    referralId: event.referralId,
    eventName: event.eventName,
    changedAt: event.changedAt,
    dedupeKey: `referral:${event.referralId}`,
  };
}
