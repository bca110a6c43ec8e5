/** The public shapes of the job queue: what goes in, what handlers get, and what admins and metrics read. */

/**
 * Any job: plain JSON with a kind and a dedupe key. Jobs with the same `dedupeKey` coalesce while they wait and never
 * run at the same time (server/intake: "opportunity:<id>", "referral:<id>").
 */
export interface QueueJob {
  readonly kind: string;
  readonly dedupeKey: string;
}

export interface EnqueueOptions {
  /** Run no sooner than this many milliseconds from now (default 0). */
  readonly startAfterMs?: number;
  /** Higher runs first among due jobs (integer, default 0); e.g. a backfill below webhook changes. */
  readonly priority?: number;
}

export interface EnqueueResult {
  /** The job that will do the work: the new one, or the waiting one this change was folded into. */
  readonly id: string;
  /** True when a job for the same key was already waiting and took this change. */
  readonly coalesced: boolean;
}

/** What a handler gets besides the job. */
export interface JobContext {
  readonly id: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Aborted when the handler runs past its timeout or the queue stops without waiting for it. */
  readonly signal: AbortSignal;
}

/**
 * Does the job's work. Resolving completes the job; throwing retries it with backoff, or parks it when the error has
 * `retryable: false` or the attempts are used up (RetryHint, server/sync/apiError.ts).
 */
export type JobHandler<J extends QueueJob> = (job: J, context: JobContext) => Promise<void>;

/** Identifies a job in events. */
export interface JobEventBase {
  readonly id: string;
  readonly kind: string;
  readonly dedupeKey: string;
}

/** What the queue reports to its listener, e.g. for /metrics; never contains job data. */
export type QueueEvent =
  | (JobEventBase & { readonly type: "enqueued"; readonly coalesced: boolean })
  | (JobEventBase & { readonly type: "started"; readonly attempt: number; readonly waitedMs: number })
  | (JobEventBase & { readonly type: "completed"; readonly attempt: number; readonly durationMs: number })
  | (JobEventBase & {
      readonly type: "failed";
      readonly attempt: number;
      /** Null when the worker died or hung and the job's lease expired. */
      readonly durationMs: number | null;
      readonly reason: string;
      readonly retryInMs: number;
    })
  | (JobEventBase & {
      readonly type: "parked";
      readonly attempt: number;
      readonly durationMs: number | null;
      readonly reason: string;
    });

export type QueueListener = (event: QueueEvent) => void;

/** A job that failed: still retrying, or parked until an admin retries it. */
export interface QueueProblem<J extends QueueJob = QueueJob> {
  readonly id: string;
  readonly kind: string;
  readonly dedupeKey: string;
  readonly state: "retrying" | "parked";
  /** Attempts made so far. */
  readonly attempts: number;
  /** The last error's message. */
  readonly reason: string;
  readonly lastAttemptAt: string | null;
  /** When a retrying job runs next; null for a parked one. */
  readonly nextAttemptAt: string | null;
  /** The stored job; null when it cannot be read (kind and dedupeKey then come from the raw data, or "unknown"). */
  readonly job: J | null;
}

/** Jobs by state (the field names of server/http/services.ts QueueDepth). */
export interface QueueDepth {
  /** Waiting for their first run (or for their key's running job to finish). */
  readonly queued: number;
  readonly running: number;
  /** Failed and waiting for their next attempt. */
  readonly retrying: number;
  /** Parked: failed for good, kept until an admin retries them. */
  readonly failed: number;
  readonly oldestQueuedAt: string | null;
}

/** Work waiting or running for one key (the form shows it as "pending"). */
export interface PendingJob<J extends QueueJob = QueueJob> {
  readonly id: string;
  readonly state: "queued" | "running" | "retrying";
  /** The stored job; null when it cannot be read. */
  readonly job: J | null;
  readonly queuedAt: string;
  /** Attempts started so far (0 before the first). */
  readonly attempts: number;
  /** When a waiting job may run; null while it runs. */
  readonly nextAttemptAt: string | null;
}

/** What retry(id) did. */
export type RetryOutcome = "retried" | "not-found" | "not-failed";

/** What stop() found. */
export interface StopResult {
  /** True when every running handler finished within the timeout. */
  readonly drained: boolean;
  /** Handlers still running at the timeout; their jobs run again after their lease expires. */
  readonly abandoned: number;
}
