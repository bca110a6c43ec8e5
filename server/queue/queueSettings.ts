/** The job queue's options, their defaults, and the checks that turn a bad value into a clear message. */
import { validSchemaName, type Database, type Logger } from "../store";
import { DEFAULT_BACKOFF, validBackoff, type BackoffPolicy } from "./backoff";
import type { RunnerSettings } from "./jobRunner";
import type { QueueJob, QueueListener } from "./types";

export interface JobQueueOptions<J extends QueueJob> {
  readonly database: Database;
  /** Attempts before a job is parked (Config.queue.maxAttempts). */
  readonly maxAttempts: number;
  /** Handlers running at once in this process (Config.queue.concurrency). */
  readonly concurrency: number;
  /** pg-boss queue name (default "sync"); one JobQueue per name and database in a process. */
  readonly queueName?: string;
  /** Schema of pg-boss's tables (default `<database.schema>_boss`). */
  readonly bossSchema?: string;
  /** Retry backoff (default 1 s doubling up to 5 min, full jitter). */
  readonly backoff?: BackoffPolicy;
  /** How often an idle loop looks for other replicas' jobs and due retries (default 250 ms). */
  readonly pollIntervalMs?: number;
  /**
   * A running job's lease (default 60 s, at least 1 s): heartbeats renew it every third of it; when a worker dies,
   * its job runs again once the lease is over. Use the same value on every replica.
   */
  readonly expireAfterMs?: number;
  /** A handler still running after this long is aborted and its attempt counts as failed (default 15 min). */
  readonly handlerTimeoutMs?: number;
  /** How long completed jobs stay in the table before they are deleted (default 1 day). Parked jobs stay. */
  readonly keepFinishedMs?: number;
  /**
   * Folds a new change into the job already waiting for its key (default: keep the incoming job). Needed when jobs
   * of one key carry different facts, e.g. an echo followed by a real change.
   */
  readonly coalesce?: (waiting: J, incoming: J) => J;
  /** Turns stored JSON into a job, throwing when it is not one (default: checks kind and dedupeKey only). */
  readonly read?: (data: unknown) => J;
  /** Told about every enqueue, start, completion, failure and parking; must not throw (errors are logged). */
  readonly listener?: QueueListener;
  readonly logger?: Logger;
  /** Source of jitter in [0, 1) (default Math.random); tests pin it. */
  readonly random?: () => number;
}

/** Checks the fields every job has; anything else is the job kind's business. */
export function readQueueJob(data: unknown): QueueJob {
  const fields = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : null;
  if (fields === null || typeof fields.kind !== "string" || typeof fields.dedupeKey !== "string") {
    throw new Error("a job is a JSON object with string members kind and dedupeKey");
  }
  return fields as unknown as QueueJob;
}

function whole(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`Invalid job queue option ${name} (${value}): use a whole number of at least ${min}.`);
  }
  return value;
}

export function settingsOf<J extends QueueJob>(options: JobQueueOptions<J>) {
  const queueName = options.queueName ?? "sync";
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(queueName)) {
    throw new Error(`Invalid job queue name "${queueName}": use letters, digits, "_" or "-".`);
  }
  const pollIntervalMs = whole(options.pollIntervalMs ?? 250, "pollIntervalMs", 1);
  const expireAfterMs = whole(options.expireAfterMs ?? 60_000, "expireAfterMs", 1_000);
  const runner: RunnerSettings = {
    concurrency: whole(options.concurrency, "concurrency", 1),
    pollIntervalMs,
    expireAfterMs,
    sweepIntervalMs: Math.min(Math.max(expireAfterMs / 4, pollIntervalMs), 15_000),
    keepFinishedMs: whole(options.keepFinishedMs ?? 24 * 3_600_000, "keepFinishedMs", 0),
    recoverRunningAtStart: options.database.kind === "pglite",
  };
  return {
    queueName,
    bossSchema: validSchemaName(options.bossSchema ?? `${options.database.schema}_boss`),
    maxAttempts: whole(options.maxAttempts, "maxAttempts", 1),
    expireAfterMs,
    handlerTimeoutMs: whole(options.handlerTimeoutMs ?? 15 * 60_000, "handlerTimeoutMs", 1),
    backoff: validBackoff(options.backoff ?? DEFAULT_BACKOFF),
    random: options.random ?? Math.random,
    runner,
  };
}
