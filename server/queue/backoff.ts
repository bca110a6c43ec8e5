/**
 * When a failed job runs again: exponential backoff with full jitter (a uniformly random wait between 0 and the
 * exponential bound, so replicas that failed together do not retry together), but never sooner than the API asked
 * (RetryHint.retryAfterMs, from Retry-After), and an error that says it will not change by waiting parks the job.
 */
import type { RetryHint } from "../sync/apiError";
import { messageOf } from "../store";

export interface BackoffPolicy {
  /** The bound for the first retry, in milliseconds (e.g. 1,000). */
  readonly baseMs: number;
  /** The bound never grows past this (e.g. 300,000: five minutes). */
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 300_000 };

/** What the queue needs to know about a failure. */
export interface Failure {
  /** Stored with the job and shown to admins: the error's message, shortened. */
  readonly reason: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
}

/** Longest stored reason; an error message longer than this is cut. */
const MAX_REASON_LENGTH = 1_000;

/** Reads the RetryHint members of anything thrown (server/sync/apiError.ts); plain errors are retryable. */
export function failureOf(error: unknown): Failure {
  const hint: RetryHint = typeof error === "object" && error !== null ? error : {};
  const message = messageOf(error);
  const retryAfterMs = hint.retryAfterMs;
  return {
    reason: message.length > MAX_REASON_LENGTH ? `${message.slice(0, MAX_REASON_LENGTH - 1)}…` : message,
    retryable: hint.retryable !== false,
    retryAfterMs:
      typeof retryAfterMs === "number" && Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : null,
  };
}

/**
 * Milliseconds to wait before attempt `attempt + 1`, after `attempt` (1-based) failed: a random value in
 * [0, min(cap, base · 2^(attempt − 1))], raised to `retryAfterMs` when the API asked for longer. `random` is in [0, 1).
 */
export function retryDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const bound = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.floor(random() * (bound + 1));
  return Math.max(jittered, retryAfterMs === null ? 0 : Math.ceil(retryAfterMs));
}

/** Checks a backoff policy from configuration. */
export function validBackoff(policy: BackoffPolicy): BackoffPolicy {
  const { baseMs, capMs } = policy;
  if (!Number.isFinite(baseMs) || baseMs < 0 || !Number.isFinite(capMs) || capMs < baseMs) {
    throw new Error(`Invalid queue backoff (base ${baseMs} ms, cap ${capMs} ms): use 0 <= base <= cap.`);
  }
  return policy;
}
