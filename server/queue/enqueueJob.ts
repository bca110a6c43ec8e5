/**
 * Enqueue with coalescing per dedupe key, for a batch of requests in one transaction (group commit:
 * ../batching/microBatcher.ts).
 * Per key, in arrival order, the result is what enqueueing the requests one by one would give: when a job for the key
 * waits (queued or retrying), each change is folded into it (its data becomes coalesce(waiting, incoming)) and no job
 * is added; otherwise the first request inserts a new job and the later ones fold into it. A job that is running does
 * not count as waiting, so a change that arrives during a run always leaves one job behind it: the change is never
 * lost. (Checked against the row lock: a job that a fetch claims while we look is either seen as running, or locked by
 * us until we have folded the change into it.)
 */
import { retryingLostRace, type Database, type Queryable } from "../store";
import type { BossQueue, NewJobRow } from "./bossQueue";
import { sameKey } from "./jobTable";
import { MicroBatcher } from "../batching/microBatcher";
import type { EnqueueResult, QueueJob } from "./types";

export interface EnqueueSettings {
  readonly database: Database;
  readonly boss: BossQueue;
  readonly table: string;
  readonly queue: string;
  /** Combines the data of the waiting job with the incoming job (stored JSON in, job out). */
  readonly fold: (waiting: unknown, incoming: QueueJob) => unknown;
}

/** One caller's job, checked and serialized before it joins a batch, so that a bad job fails only its own caller. */
export interface EnqueueRequest {
  readonly job: QueueJob;
  readonly json: string;
  readonly startAfterMs: number;
  readonly priority: number;
}

/** Concurrent enqueues of one key on two replicas can both find nothing waiting and race to insert; the loser folds. */
const MAX_ROUNDS = 5;

/** PostgreSQL's jsonb refuses the NUL character (\u0000 in JSON text): caught here rather than failing a batch. */
const JSON_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

export function checkedJob(job: QueueJob): QueueJob {
  if (typeof job.kind !== "string" || job.kind.length === 0) {
    throw new Error("Cannot enqueue a job without a kind: set `kind` to a non-empty string.");
  }
  if (typeof job.dedupeKey !== "string" || job.dedupeKey.length === 0) {
    throw new Error(`Cannot enqueue a ${job.kind} job without a dedupeKey: set it to the record's key.`);
  }
  return job;
}

/** Checks and serializes one caller's job and options; throws (for that caller only) when they cannot be stored. */
export function enqueueRequest(job: QueueJob, startAfterMs: number, priority: number): EnqueueRequest {
  const { kind, dedupeKey } = checkedJob(job);
  const what = `the ${kind} job for ${dedupeKey}`;
  if (!Number.isFinite(startAfterMs)) throw new Error(`Cannot enqueue ${what}: startAfterMs must be a finite number.`);
  if (!Number.isInteger(priority)) throw new Error(`Cannot enqueue ${what}: priority must be an integer.`);
  let json: string;
  try {
    json = JSON.stringify(job);
  } catch (error) {
    throw new Error(`Cannot enqueue ${what}: it is not JSON (${String(error)}). Enqueue plain JSON data.`);
  }
  if (JSON_NUL.test(json)) {
    throw new Error(`Cannot enqueue ${what}: it contains a NUL character, which the database cannot store.`);
  }
  return { job, json, startAfterMs: Math.max(0, startAfterMs), priority };
}

/** Request indexes by dedupe key, in arrival order. */
function byKey(requests: readonly EnqueueRequest[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  requests.forEach((request, index) => {
    const group = groups.get(request.job.dedupeKey);
    if (group) group.push(index);
    else groups.set(request.job.dedupeKey, [index]);
  });
  return groups;
}

/** The waiting job of each key (queued before retrying, then oldest), locked until the transaction ends. */
async function lockWaiting(
  tx: Queryable,
  { table, queue }: EnqueueSettings,
  keys: readonly string[],
): Promise<Map<string, { id: string; data: unknown }>> {
  // Locks are taken in key order, the order insertMany writes in, so two replicas' batches cannot deadlock.
  const rows = await tx.query<{ id: string; data: unknown; key: string }>(
    `SELECT id, data, COALESCE(singleton_key, '') AS key FROM ${table}
     WHERE name = $1 AND ${sameKey("ANY($2::text[])")} AND state < 'active'
     ORDER BY COALESCE(singleton_key, ''), state, created_on FOR UPDATE`,
    [queue, keys],
  );
  const waiting = new Map<string, { id: string; data: unknown }>();
  for (const row of rows) if (!waiting.has(row.key)) waiting.set(row.key, row);
  return waiting;
}

/** JSON text of `start` with each request folded in, in order; every step reads the previous one as stored JSON. */
function foldedJson(start: string, requests: readonly EnqueueRequest[], fold: EnqueueSettings["fold"]): string {
  let json = start;
  for (const request of requests) json = JSON.stringify(fold(JSON.parse(json), request.job));
  return json;
}

async function writeBatch(
  tx: Queryable,
  settings: EnqueueSettings,
  requests: readonly EnqueueRequest[],
): Promise<EnqueueResult[]> {
  const { boss, table, queue, fold } = settings;
  const results = new Array<EnqueueResult | undefined>(requests.length);
  const give = (indexes: readonly number[], id: string, firstIsNew: boolean) => {
    indexes.forEach((index, n) => (results[index] = { id, coalesced: !(firstIsNew && n === 0) }));
  };
  let open = byKey(requests);
  for (let round = 1; open.size > 0; round += 1) {
    if (round > MAX_ROUNDS) {
      throw new Error(
        `Could not enqueue jobs for ${[...open.keys()].join(", ")}: ${MAX_ROUNDS} concurrent enqueues of the same ` +
          "key kept colliding. Try again.",
      );
    }
    const waiting = await lockWaiting(tx, settings, [...open.keys()]);
    const fresh = [...open].filter(([key]) => !waiting.has(key));
    const rows = fresh.map(([key, indexes]): NewJobRow => {
      const group = indexes.flatMap((index) => requests[index] ?? []);
      const [first] = group as [EnqueueRequest];
      // The later requests fold in; a queued job starts no later than the newest request asks.
      return {
        key,
        data: foldedJson(first.json, group.slice(1), fold),
        priority: first.priority,
        startAfterMs: Math.min(...group.map((request) => request.startAfterMs)),
      };
    });
    const inserted = await boss.insertMany(tx, rows);
    const lost = new Map<string, number[]>();
    for (const [key, indexes] of fresh) {
      const id = inserted.get(key);
      if (id === undefined) lost.set(key, indexes);
      else give(indexes, id, true);
    }
    const updates = [...open].flatMap(([key, indexes]) => {
      const job = waiting.get(key);
      if (!job) return [];
      const group = indexes.flatMap((index) => requests[index] ?? []);
      give(indexes, job.id, false);
      const delayMs = Math.min(...group.map((request) => request.startAfterMs));
      return [{ id: job.id, data: foldedJson(JSON.stringify(job.data), group, fold), delayMs }];
    });
    if (updates.length > 0) {
      // A queued job starts no later than the newest request asks; a retrying one keeps its backoff.
      await tx.query(
        `UPDATE ${table} j SET data = u.data::jsonb,
           start_after = CASE WHEN j.state = 'created'
             THEN LEAST(j.start_after, now() + u.delay_ms * interval '1 millisecond') ELSE j.start_after END
         FROM unnest($2::uuid[], $3::text[], $4::float8[]) AS u(id, data, delay_ms)
         WHERE j.name = $1 AND j.id = u.id`,
        [queue, updates.map((u) => u.id), updates.map((u) => u.data), updates.map((u) => u.delayMs)],
      );
    }
    open = lost;
  }
  return results as EnqueueResult[];
}

/**
 * Writes `requests` in one transaction and returns one result per request, in order. When the transaction fails,
 * nothing of the batch is stored and the error is thrown (every caller of the batch gets it); a deadlock with another
 * replica runs the whole batch again.
 */
export function enqueueBatch(settings: EnqueueSettings, requests: readonly EnqueueRequest[]): Promise<EnqueueResult[]> {
  return retryingLostRace(() => settings.database.transaction((tx) => writeBatch(tx, settings, requests)));
}

/** Most jobs written in one enqueue transaction: bounds its lock set and statement size (200 jobs is ~100 kB). */
const MAX_BATCH = 200;

/** Enqueues that arrive while a batch is being written are written together in the next one. */
export function groupCommit(settings: EnqueueSettings): MicroBatcher<EnqueueRequest, EnqueueResult> {
  return new MicroBatcher((batch) => enqueueBatch(settings, batch), MAX_BATCH, "turn");
}
