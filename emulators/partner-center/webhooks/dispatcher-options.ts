/**
 * Settings and records of the WebhookDispatcher. Retry timing, the timeout and what counts as delivered are not
 * documented (partner-center.md §2.5, UNCONFIRMED), so each is an option; the attempt count of 10 is documented.
 */
import type { Clock } from "../../shared/clock";
import type { IdGenerator } from "../../shared/ids";
import type { PayloadSigner } from "./certificate";
import type { RegistrationLookup } from "./model";

/** Exponential backoff between attempts: `min(maxDelayMs, baseDelayMs * factor^(retry - 1))`. */
export interface BackoffPolicy {
  readonly baseDelayMs: number;
  readonly factor: number;
  readonly maxDelayMs: number;
}

/** Hold published events for `windowMs`, then send the batch reversed or shuffled. */
export interface OutOfOrderOptions {
  readonly windowMs: number;
  readonly order: "reversed" | "shuffled";
}

/** The fault-injection and retry knobs; `configure` changes them while running. */
export interface DeliveryBehaviour {
  /** Attempts before a delivery moves to the offline queue; 10 (§2.5). */
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  /** Per-attempt timeout; default 10 000 ms. */
  readonly timeoutMs: number;
  /** Default: any 2xx. */
  readonly isDelivered: (statusCode: number) => boolean;
  /** Send every event this many times (§2.5 warns of duplicates); default 1. */
  readonly duplicates: number;
  /** Default false: events go out as they are published. */
  readonly outOfOrder: OutOfOrderOptions | false;
}

/** Everything the dispatcher is built from. Only `registrations` and `signer` are required. */
export type WebhookDispatcherOptions = BehaviourChanges & DispatcherWiring;

/** The non-behaviour part of WebhookDispatcherOptions. */
export interface DispatcherWiring {
  readonly registrations: RegistrationLookup;
  readonly signer: PayloadSigner;
  /** The emulator's own base URL, e.g. `http://127.0.0.1:7071`; also settable once the server listens. */
  readonly apiBaseUrl?: string;
  /** Default `{apiBaseUrl}` + CERTIFICATE_PATH. */
  readonly certificateUrl?: string;
  /** Placeholders `{apiBaseUrl}` and `{referralId}`; default DEFAULT_REFERRAL_URI_TEMPLATE. */
  readonly resourceUriTemplate?: string;
  /** Placeholders `{apiBaseUrl}` and `{correlationId}`; default DEFAULT_VALIDATION_URI_TEMPLATE. */
  readonly validationUriTemplate?: string;
  /** Start paused: events queue until `resume()`. */
  readonly paused?: boolean;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly fetch?: typeof fetch;
  /** For the "shuffled" order; default Math.random. */
  readonly random?: () => number;
}

/** The documented attempt count and the emulator's guesses for everything else. */
export const DEFAULT_BEHAVIOUR: DeliveryBehaviour = {
  maxAttempts: 10,
  backoff: { baseDelayMs: 1_000, factor: 2, maxDelayMs: 60_000 },
  timeoutMs: 10_000,
  isDelivered: (statusCode) => statusCode >= 200 && statusCode < 300,
  duplicates: 1,
  outOfOrder: false,
};

/** A behaviour change for `configure`; `backoff` may be partial. */
export type BehaviourChanges = Partial<Omit<DeliveryBehaviour, "backoff">> & {
  readonly backoff?: Partial<BackoffPolicy>;
};

/** `base` with `changes` applied, checked. */
export function mergeBehaviour(base: DeliveryBehaviour, changes: BehaviourChanges): DeliveryBehaviour {
  const { backoff, ...rest } = changes;
  return checkBehaviour({ ...base, ...rest, backoff: { ...base.backoff, ...backoff } });
}

/** Checks the numbers once, so a bad setting fails at configuration time rather than mid-delivery. */
function checkBehaviour(behaviour: DeliveryBehaviour): DeliveryBehaviour {
  const { maxAttempts, backoff, timeoutMs, duplicates, outOfOrder } = behaviour;
  const problems = [
    Number.isInteger(maxAttempts) && maxAttempts >= 1 ? "" : `maxAttempts must be a whole number ≥ 1`,
    Number.isInteger(duplicates) && duplicates >= 1 ? "" : `duplicates must be a whole number ≥ 1`,
    timeoutMs > 0 ? "" : "timeoutMs must be positive",
    backoff.baseDelayMs >= 0 && backoff.maxDelayMs >= 0 ? "" : "backoff delays must not be negative",
    backoff.factor >= 1 ? "" : "backoff.factor must be at least 1",
    outOfOrder === false || outOfOrder.windowMs >= 0 ? "" : "outOfOrder.windowMs must not be negative",
  ].filter((problem) => problem !== "");
  if (problems.length > 0) throw new RangeError(`invalid webhook delivery settings: ${problems.join("; ")}`);
  return behaviour;
}

/** The wait before retry number `retry` (1 = the wait after the first failed attempt). */
export function backoffDelay(policy: BackoffPolicy, retry: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** Math.max(0, retry - 1));
}

/** One attempt, as the delivery log keeps it. */
export interface DeliveryLogEntry {
  /** Shared by every copy of one published event (see `duplicates`). */
  readonly eventId: string;
  /** One copy of the event to one receiver; the id `redeliver` takes. */
  readonly deliveryId: string;
  readonly tenantId: string;
  readonly eventName: string;
  /** For referral events. */
  readonly referralId?: string;
  /** For test-created events. */
  readonly correlationId?: string;
  readonly attempt: number;
  readonly delivered: boolean;
  readonly statusCode?: number;
  readonly error?: string;
  /** ISO time from the dispatcher's clock. */
  readonly at: string;
}

/** A delivery that used up its attempts (§2.5: "moved into an offline queue"). */
export interface OfflineDelivery {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly tenantId: string;
  readonly eventName: string;
  readonly referralId?: string;
  readonly correlationId?: string;
  /** Every attempt so far, including earlier redeliveries. */
  readonly attempts: number;
  /** `HTTP 500` or why no response came back. */
  readonly lastError: string;
  readonly body: string;
  readonly movedAt: string;
}

/** What `publish` started for one tenant's registration. */
export interface PublishedEvent {
  readonly eventId: string;
  readonly tenantId: string;
  readonly deliveryIds: readonly string[];
  /** The exact JSON sent (and signed). */
  readonly body: string;
}
