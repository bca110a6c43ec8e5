/**
 * What happens to a job whose attempt failed, in one transaction: park it (kept with its reason and attempt count)
 * when the error is not retryable or the attempts are used up, else schedule its next attempt with backoff. A change
 * that arrived while it ran (a second job for the key, waiting) is folded into the retry, so that the key keeps one
 * waiting job and the retry still honours Retry-After.
 */
import type { Database, Queryable } from "../store";
import { retryDelayMs, type BackoffPolicy, type Failure } from "./backoff";
import { sameKey, type Fence } from "./jobTable";

export interface FailSettings {
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
  /** Combines the data of an older and a newer job for one key (the queue's coalesce, on stored JSON). */
  readonly fold: (older: unknown, newer: unknown) => unknown;
}

export type FailResult = { readonly attempt: number; readonly data: unknown } & (
  { readonly parked: true } | { readonly parked: false; readonly retryInMs: number }
);

interface LockedJob {
  id: string;
  data: unknown;
  retryCount: number;
  retryLimit: number;
  key: string | null;
}

/** The output column of a failed attempt: what problems() shows. */
const FAILURE_OUTPUT = "jsonb_build_object('message', $3::text, 'attempts', $4::int, 'failedAt', now())";

async function foldWaiting(
  tx: Queryable,
  table: string,
  queue: string,
  job: LockedJob,
  fold: FailSettings["fold"],
): Promise<unknown> {
  const waiting = await tx.query<{ id: string; data: unknown }>(
    `SELECT id, data FROM ${table}
     WHERE name = $1 AND ${sameKey("$2")} AND state < 'active' AND id <> $3
     ORDER BY created_on FOR UPDATE`,
    [queue, job.key, job.id],
  );
  if (waiting.length === 0) return job.data;
  await tx.query(
    `UPDATE ${table}
     SET state = 'cancelled', completed_on = now(), output = jsonb_build_object('coalescedInto', $3::text)
     WHERE name = $1 AND id = ANY($2::uuid[])`,
    [queue, waiting.map((w) => w.id), job.id],
  );
  return waiting.reduce<unknown>((data, newer) => fold(data, newer.data), job.data);
}

/**
 * Records the failure of the attempt `fence` claimed. Returns null when the claim is stale (the job was already
 * settled or claimed again), or, with `onlyIfExpired`, when its lease was renewed meanwhile.
 */
export async function failJob(
  database: Database,
  bossSchema: string,
  queue: string,
  fence: Fence,
  failure: Failure,
  settings: FailSettings,
  onlyIfExpired = false,
): Promise<FailResult | null> {
  const table = `${bossSchema}.job`;
  return database.transaction(async (tx) => {
    const [job] = await tx.query<LockedJob>(
      `SELECT id, data, retry_count AS "retryCount", retry_limit AS "retryLimit", singleton_key AS key
       FROM ${table}
       WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3
         ${onlyIfExpired ? "AND started_on + expire_in < now()" : ""}
       FOR UPDATE`,
      [queue, fence.id, fence.retryCount],
    );
    if (!job) return null;
    const attempt = job.retryCount + 1;
    // retry_limit is pg-boss's "retries after the first attempt": maxAttempts - 1 at enqueue, raised by retry().
    if (!failure.retryable || attempt > job.retryLimit) {
      await tx.query(
        `UPDATE ${table} SET state = 'failed', completed_on = now(), output = ${FAILURE_OUTPUT}
         WHERE name = $1 AND id = $2`,
        [queue, job.id, failure.reason, attempt],
      );
      return { parked: true, attempt, data: job.data };
    }
    const retryInMs = retryDelayMs(attempt, settings.backoff, failure.retryAfterMs, settings.random);
    const data = await foldWaiting(tx, table, queue, job, settings.fold);
    await tx.query(
      `UPDATE ${table} SET state = 'retry', start_after = now() + $5 * interval '1 millisecond',
         data = $6::text::jsonb, output = ${FAILURE_OUTPUT}
       WHERE name = $1 AND id = $2`,
      [queue, job.id, failure.reason, attempt, retryInMs, JSON.stringify(data)],
    );
    return { parked: false, attempt, retryInMs, data };
  });
}
