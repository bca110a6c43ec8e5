/**
 * Change events in the vocabulary of Partner Center webhooks (shared/reference/partner-center.md §2.2, §2.3):
 * `referral-*` when one of the partner's referrals changes, `related-referral-*` when Microsoft's referral in one of
 * the partner's engagements changes. Like the real payload, an event names the partner's referral and carries no
 * data, so the receiver GETs it.
 */
import type { Referral } from "../../../core";
import type { ReferralChange } from "./referralRepository";
import { isMicrosoftSide } from "./referralRecord";

export type ReferralEventName =
  "referral-created" | "referral-updated" | "related-referral-created" | "related-referral-updated";

export interface ReferralEvent {
  eventName: ReferralEventName;
  /** The partner's referral to GET. */
  referralId: string;
  engagementId: string;
  /** When the change happened, ISO 8601 UTC. */
  at: string;
}

export type ReferralEventListener = (event: ReferralEvent) => void;

/**
 * The events one change produces. A change on Microsoft's side produces one related-referral event per partner
 * referral in the engagement, and none when the partner has no referral there.
 */
export function eventsOfChange(change: ReferralChange, engagementReferrals: readonly Referral[]): ReferralEvent[] {
  const { referral, kind } = change;
  const at = referral.updatedDateTime;
  if (!isMicrosoftSide(referral)) {
    const eventName = kind === "created" ? "referral-created" : "referral-updated";
    return [{ eventName, referralId: referral.id, engagementId: referral.engagementId, at }];
  }
  const eventName = kind === "created" ? "related-referral-created" : "related-referral-updated";
  return engagementReferrals
    .filter((candidate) => !isMicrosoftSide(candidate))
    .map((partnerReferral) => ({ eventName, referralId: partnerReferral.id, engagementId: referral.engagementId, at }));
}

/**
 * Delivers events to listeners in the order they subscribed. A listener that throws does not stop the others nor
 * undo the change (it is already stored); its error goes to `onListenerError`.
 */
export class EventBus {
  private readonly listeners = new Set<ReferralEventListener>();

  constructor(private readonly onListenerError: (error: unknown, event: ReferralEvent) => void) {}

  /** Subscribes; call the returned function to unsubscribe. */
  subscribe(listener: ReferralEventListener): () => void {
    // A wrapper makes subscribing the same function twice give two independent subscriptions.
    const subscription: ReferralEventListener = (event) => {
      listener(event);
    };
    this.listeners.add(subscription);
    return () => {
      this.listeners.delete(subscription);
    };
  }

  emit(event: ReferralEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener({ ...event });
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }
}
