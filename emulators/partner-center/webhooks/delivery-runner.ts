/**
 * Attempts, retries and the offline queue (partner-center.md §2.5: 10 attempts, then "moved into an offline queue
 * and no further attempts will be made"). Each delivery runs on its own promise and timers, so a slow or failing
 * receiver only delays its own delivery.
 */
import type { Clock } from "../../shared/clock";
import { postEvent } from "./delivery-request";
import {
  backoffDelay,
  type DeliveryBehaviour,
  type DeliveryLogEntry,
  type OfflineDelivery,
} from "./dispatcher-options";
import type { DeliveryObserver } from "./model";
import { PendingWork } from "./pending-work";

/** One copy of one event on its way to one receiver. The body and headers were fixed when it was published. */
export interface Delivery {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly tenantId: string;
  readonly eventName: string;
  readonly subject: { readonly referralId: string } | { readonly correlationId: string };
  readonly url: string;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  readonly observer?: DeliveryObserver;
  /** Attempts made so far, over all rounds. */
  attempts: number;
  /** Attempts made before the current round (a redelivery starts a new round). */
  roundStart: number;
  lastError: string;
}

/** What the runner needs from the dispatcher. */
export interface DeliveryRunnerOptions {
  readonly clock: Clock;
  readonly fetch: typeof fetch;
  /** Read at every attempt, so `configure` applies to deliveries already under way. */
  readonly behaviour: () => DeliveryBehaviour;
  /** A retry is due: the dispatcher sends it now, or holds it while paused. */
  readonly onRetryDue: (delivery: Delivery) => void;
}

/** Sends deliveries, keeps the log and the offline queue, and knows when nothing is left to do. */
export class DeliveryRunner {
  private readonly work = new PendingWork();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly closing = new AbortController();
  private readonly log: DeliveryLogEntry[] = [];
  private readonly offline = new Map<string, { readonly delivery: Delivery; readonly movedAt: string }>();

  constructor(private readonly options: DeliveryRunnerOptions) {}

  /** True once `close()` was called (a method, not a getter: it changes while an attempt awaits). */
  isClosed(): boolean {
    return this.closing.signal.aborted;
  }

  /** One attempt; resolves when it has been answered and its retry (if any) scheduled. */
  async attempt(delivery: Delivery): Promise<void> {
    if (this.isClosed()) return;
    this.work.begin();
    try {
      const behaviour = this.options.behaviour();
      delivery.attempts += 1;
      const result = await postEvent({
        url: delivery.url,
        body: delivery.body,
        headers: delivery.headers,
        timeoutMs: behaviour.timeoutMs,
        closing: this.closing.signal,
        fetch: this.options.fetch,
      });
      const at = this.options.clock.now();
      const delivered = result.statusCode !== undefined && behaviour.isDelivered(result.statusCode);
      const outcome = result.statusCode === undefined ? { error: result.error } : { statusCode: result.statusCode };
      this.log.push({
        ...this.describe(delivery),
        attempt: delivery.attempts,
        delivered,
        ...outcome,
        at: at.toISOString(),
      });
      const responseText = result.statusCode === undefined ? "" : result.responseText;
      delivery.observer?.onAttempt({ attempt: delivery.attempts, delivered, ...outcome, responseText, at });
      if (delivered) {
        delivery.observer?.onSettled(true);
        return;
      }
      delivery.lastError = result.statusCode === undefined ? result.error : `HTTP ${result.statusCode}`;
      if (this.isClosed()) return;
      const attemptsThisRound = delivery.attempts - delivery.roundStart;
      if (attemptsThisRound < behaviour.maxAttempts) {
        const delay = backoffDelay(behaviour.backoff, attemptsThisRound);
        this.schedule(delay, () => {
          this.options.onRetryDue(delivery);
        });
        return;
      }
      this.offline.set(delivery.deliveryId, { delivery, movedAt: at.toISOString() });
      delivery.observer?.onSettled(false);
    } finally {
      this.work.end();
    }
  }

  /** Runs `run` after `delayMs`, counted as pending work until it runs or the runner closes. */
  schedule(delayMs: number, run: () => void): void {
    if (this.isClosed()) return;
    this.work.begin();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        run();
      } finally {
        this.work.end();
      }
    }, delayMs);
    this.timers.add(timer);
  }

  /** Counts a longer piece of work (a reordered batch sent one after another) until it settles. */
  track(work: Promise<unknown>): void {
    void this.work.track(work);
  }

  /** Takes a delivery out of the offline queue for a fresh round of attempts; undefined when it is not there. */
  takeFromOffline(deliveryId: string): Delivery | undefined {
    const entry = this.offline.get(deliveryId);
    if (entry === undefined) return undefined;
    this.offline.delete(deliveryId);
    entry.delivery.roundStart = entry.delivery.attempts;
    return entry.delivery;
  }

  /** Every attempt so far, oldest first. */
  deliveryLog(): readonly DeliveryLogEntry[] {
    return [...this.log];
  }

  /** Deliveries that used up their attempts, oldest first. */
  offlineQueue(): readonly OfflineDelivery[] {
    return [...this.offline.values()].map(({ delivery, movedAt }) => ({
      ...this.describe(delivery),
      attempts: delivery.attempts,
      lastError: delivery.lastError,
      body: delivery.body.toString("utf8"),
      movedAt,
    }));
  }

  /** Resolves when no attempt is in flight and no retry or window timer is scheduled. */
  idle(): Promise<void> {
    return this.work.idle();
  }

  /** Cancels scheduled retries and aborts POSTs in flight; the runner sends nothing afterwards. */
  async close(): Promise<void> {
    this.closing.abort();
    for (const timer of this.timers) {
      clearTimeout(timer);
      this.work.end();
    }
    this.timers.clear();
    await this.work.idle();
  }

  private describe(delivery: Delivery) {
    const { deliveryId, eventId, tenantId, eventName, subject } = delivery;
    return { deliveryId, eventId, tenantId, eventName, ...subject };
  }
}
