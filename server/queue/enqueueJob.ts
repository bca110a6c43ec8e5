/**
 * Enqueue with coalescing per dedupe key, in one transaction: when a job for the key waits (queued or retrying), the
 * change is folded into it (its data becomes coalesce(waiting, incoming)) and no job is added; otherwise a new job
 * is inserted. A job that is running does not count as waiting, so a change that arrives during a run always leaves
 * one job behind it: the change is never lost. (Checked against the row lock: a job that a fetch claims while we
 * look is either seen as running, or locked by us until we have folded the change into it.)
 */
import type { Database } from "../store";
import type { BossQueue } from "./bossQueue";
import { sameKey } from "./jobTable";
import type { EnqueueResult, QueueJob } from "./types";

export interface EnqueueSettings {
  readonly database: Database;
  readonly boss: BossQueue;
  readonly table: string;
  readonly queue: string;
  /** Combines the data of the waiting job with the incoming job (stored JSON in, job out). */
  readonly fold: (waiting: unknown, incoming: QueueJob) => unknown;
}

/** Concurrent enqueues of one key can each find nothing waiting and race to insert; the loser folds on its next go. */
const MAX_TRIES = 5;

export function checkedJob(job: QueueJob): QueueJob {
  if (typeof job.kind !== "string" || job.kind.length === 0) {
    throw new Error("Cannot enqueue a job without a kind: set `kind` to a non-empty string.");
  }
  if (typeof job.dedupeKey !== "string" || job.dedupeKey.length === 0) {
    throw new Error(`Cannot enqueue a ${job.kind} job without a dedupeKey: set it to the record's key.`);
  }
  return job;
}

export async function enqueueJob(
  settings: EnqueueSettings,
  job: QueueJob,
  startAfterMs: number,
  priority: number,
): Promise<EnqueueResult> {
  const { database, boss, table, queue, fold } = settings;
  for (let attempt = 1; attempt <= MAX_TRIES; attempt += 1) {
    const result = await database.transaction(async (tx): Promise<EnqueueResult | null> => {
      const [waiting] = await tx.query<{ id: string; data: unknown }>(
        `SELECT id, data FROM ${table}
         WHERE name = $1 AND ${sameKey("$2")} AND state < 'active'
         ORDER BY state, created_on LIMIT 1 FOR UPDATE`,
        [queue, job.dedupeKey],
      );
      if (waiting) {
        const data = JSON.stringify(fold(waiting.data, job));
        // A queued job starts no later than the newest request asks; a retrying one keeps its backoff.
        await tx.query(
          `UPDATE ${table} SET data = $3::text::jsonb,
             start_after = CASE WHEN state = 'created'
               THEN LEAST(start_after, now() + $4 * interval '1 millisecond') ELSE start_after END
           WHERE name = $1 AND id = $2`,
          [queue, waiting.id, data, startAfterMs],
        );
        return { id: waiting.id, coalesced: true };
      }
      const id = await boss.insert(tx, job, startAfterMs, priority);
      return id === null ? null : { id, coalesced: false };
    });
    if (result) return result;
  }
  throw new Error(
    `Could not enqueue the ${job.kind} job for ${job.dedupeKey}: ${MAX_TRIES} concurrent enqueues of the same key ` +
      "kept colliding. Try again.",
  );
}
