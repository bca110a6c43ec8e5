/**
 * Polls the sync status while a sync is pending: exponential backoff with a cap, one request at a time (a single
 * loop that awaits each answer before sleeping again, so polls never overlap), and it stops when the status settles,
 * when the form goes away (the `isCurrent` check, see session.ts), when the service refuses the sign-in, or after
 * ten minutes. A 429 or 503 waits at least as long as the service's Retry-After.
 */
import { SyncServiceError, type ServiceFailure } from "../service/serviceError";
import { isSyncPending, type OpportunitySyncStatus } from "../service/types";

/** Time, injected so tests can drive the backoff without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Webhook to referral takes well under a second (bench/README.md), so start soon, then back off to 30 s. */
const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 30_000;
const BACKOFF_FACTOR = 2;
const GIVE_UP_AFTER_MS = 10 * 60_000;

/** Failures that another poll can't cure: the seller must sign in again, or an admin must act. */
const FINAL_FAILURES: readonly ServiceFailure[] = ["unauthorized", "signIn", "notConfigured", "forbidden"];

export interface PollerHooks {
  readonly fetchStatus: () => Promise<OpportunitySyncStatus>;
  /** Whether the form this poller serves is still open on the same record. */
  readonly isCurrent: () => boolean;
  readonly onStatus: (status: OpportunitySyncStatus) => void;
  readonly onError: (error: unknown) => void;
  /** The status did not settle within ten minutes. */
  readonly onGiveUp: () => void;
}

export interface StatusPoller {
  /**
   * Polls until settled. `since`: the moment of the change being waited for (epoch ms, 0 for "whatever is pending
   * now"); a status with nothing pending but older than that is given a few more polls (the Dataverse webhook is
   * asynchronous and may not have arrived).
   */
  start(since?: number): void;
  stop(): void;
}

export function statusPoller(hooks: PollerHooks, clock: Clock): StatusPoller {
  let running = false;
  let stopped = false;
  /** Epoch ms of the save or request this poll waits for: older results don't count as settled. */
  let waitingSince = 0;
  let quietPolls = 0;

  const isActive = () => !stopped && hooks.isCurrent();

  /** Nothing pending and the result is at least as new as the change waited for (or three polls said nothing). */
  function settled(status: OpportunitySyncStatus): boolean {
    if (isSyncPending(status)) {
      quietPolls = 0;
      return false;
    }
    const times = [status.lastSyncedAt, status.lastError?.at].map((time) => Date.parse(time ?? ""));
    const newest = Math.max(...times.filter((time) => !Number.isNaN(time)), Number.NEGATIVE_INFINITY);
    quietPolls += 1;
    // Dataverse keeps the sync's time in whole seconds: a sync within the change's second is not older than it.
    return waitingSince === 0 || newest >= Math.floor(waitingSince / 1000) * 1000 || quietPolls >= 3;
  }

  async function loop(): Promise<void> {
    const startedAt = clock.now();
    let delay = FIRST_DELAY_MS;
    while (isActive()) {
      await clock.sleep(delay);
      if (!isActive()) return;
      let wait = Math.min(delay * BACKOFF_FACTOR, MAX_DELAY_MS);
      try {
        const status = await hooks.fetchStatus();
        if (!isActive()) return;
        hooks.onStatus(status);
        if (settled(status)) return;
      } catch (error) {
        if (!isActive()) return;
        hooks.onError(error);
        if (error instanceof SyncServiceError) {
          if (FINAL_FAILURES.includes(error.failure)) return;
          wait = Math.max(wait, (error.details.retryAfterSeconds ?? 0) * 1000);
        }
      }
      if (clock.now() - startedAt >= GIVE_UP_AFTER_MS) {
        hooks.onGiveUp();
        return;
      }
      delay = wait;
    }
  }

  return {
    start(since = 0) {
      waitingSince = Math.max(waitingSince, since);
      quietPolls = 0;
      stopped = false;
      if (running) return;
      running = true;
      void loop().finally(() => {
        running = false;
      });
    },
    stop() {
      stopped = true;
    },
  };
}
