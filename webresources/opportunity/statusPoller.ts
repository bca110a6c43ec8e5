/**
 * Polls the sync status while a sync is pending: exponential backoff with a cap, one request at a time (a single
 * loop that awaits each answer before sleeping again, so polls never overlap), and it stops when the status settles,
 * when the form goes away (the `isCurrent` check, see session.ts), when the service refuses the sign-in, or after
 * `giveUpAfterMs`. A 429 or 503 waits at least as long as the service's Retry-After.
 */
import { SyncServiceError } from "../service/serviceError";
import { isSyncPending, type OpportunitySyncStatus } from "../service/types";

/** Time, injected so tests can drive the backoff without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface PollingPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
  readonly giveUpAfterMs: number;
}

/** Webhook to referral takes well under a second (bench/README.md), so start soon, then back off to 30 s. */
export const DEFAULT_POLLING: PollingPolicy = {
  firstDelayMs: 2_000,
  maxDelayMs: 30_000,
  factor: 2,
  giveUpAfterMs: 10 * 60_000,
};

export interface PollerHooks {
  readonly fetchStatus: () => Promise<OpportunitySyncStatus>;
  /** Whether the form this poller serves is still open on the same record. */
  readonly isCurrent: () => boolean;
  readonly onStatus: (status: OpportunitySyncStatus) => void;
  readonly onError: (error: unknown) => void;
  /** The status did not settle within giveUpAfterMs. */
  readonly onGiveUp: () => void;
}

export class StatusPoller {
  private running = false;
  private stopped = false;
  /** Epoch ms of the save or request this poll waits for: older results don't count as settled. */
  private since = 0;
  private quietPolls = 0;

  constructor(
    private readonly hooks: PollerHooks,
    private readonly clock: Clock,
    private readonly policy: PollingPolicy = DEFAULT_POLLING,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Polls until settled. `since`: the moment of the change being waited for; a status with nothing pending but
   * older than that is given a few more polls (the Dataverse webhook is asynchronous and may not have arrived).
   */
  start(since = 0): void {
    this.since = Math.max(this.since, since);
    this.quietPolls = 0;
    this.stopped = false;
    if (this.running) return;
    this.running = true;
    void this.loop().finally(() => {
      this.running = false;
    });
  }

  stop(): void {
    this.stopped = true;
  }

  private isActive(): boolean {
    return !this.stopped && this.hooks.isCurrent();
  }

  private async loop(): Promise<void> {
    const startedAt = this.clock.now();
    let delay = this.policy.firstDelayMs;
    while (this.isActive()) {
      await this.clock.sleep(delay);
      if (!this.isActive()) return;
      let wait = Math.min(delay * this.policy.factor, this.policy.maxDelayMs);
      try {
        const status = await this.hooks.fetchStatus();
        if (!this.isActive()) return;
        this.hooks.onStatus(status);
        if (this.settled(status)) return;
      } catch (error) {
        if (!this.isActive()) return;
        this.hooks.onError(error);
        if (error instanceof SyncServiceError) {
          if (["unauthorized", "signIn", "notConfigured", "forbidden"].includes(error.failure)) return;
          wait = Math.max(wait, (error.details.retryAfterSeconds ?? 0) * 1000);
        }
      }
      if (this.clock.now() - startedAt >= this.policy.giveUpAfterMs) {
        this.hooks.onGiveUp();
        return;
      }
      delay = wait;
    }
  }

  /** Nothing pending and the result is at least as new as the change waited for (or three polls said nothing). */
  private settled(status: OpportunitySyncStatus): boolean {
    if (isSyncPending(status)) {
      this.quietPolls = 0;
      return false;
    }
    const times = [status.lastSyncedAt, status.lastError?.at].map((time) => Date.parse(time ?? ""));
    const newest = Math.max(...times.filter((time) => !Number.isNaN(time)), Number.NEGATIVE_INFINITY);
    const fresh = this.since === 0 || newest >= this.since;
    this.quietPolls += 1;
    return fresh || this.quietPolls >= 3;
  }
}
