/**
 * The statements the fetch loop runs on pg-boss 10's job table (schema version 24; checked at start in bossQueue.ts).
 * pg-boss's own fetch() cannot serve a per-key queue: with the "stately" and "singleton" policies, a due job whose
 * key is already running makes the whole fetch fail on the unique index, and pg-boss returns no jobs at all, so one
 * busy key stalls every other key behind it (pinned in test/server/queue/bossBehaviour.test.ts). This claim skips
 * busy keys; the stately index (at most one active job per key) still guarantees exclusivity when replicas race.
 */
import { retryingLostRace, type Database } from "../store";
import { StatisticsClock } from "./claimOrder";
import { MicroBatcher } from "../batching/microBatcher";

/**
 * Jobs of one key, in a form the planner can serve from pg-boss's stately index (name, state,
 * COALESCE(singleton_key, '')) WHERE state <= 'active' AND policy = 'stately': the predicate must be repeated for a
 * partial index to apply. Every job of our queues is stately (bossQueue.ts). `$key` is the parameter holding the key.
 */
export function sameKey(key: string): string {
  return `policy = 'stately' AND COALESCE(singleton_key, '') = ${key}`;
}

/** A job as one fetch claimed it. `retryCount` grows with every claim, so (id, retryCount) fences stale writers. */
export interface Fence {
  readonly id: string;
  readonly retryCount: number;
}

export interface ClaimedJob extends Fence {
  readonly data: unknown;
  /** How long the job was due before this claim: the queue's latency. */
  readonly waitedMs: number;
}

/** Most completions written in one statement. */
const MAX_COMPLETIONS = 200;

export class JobTable {
  /** When the planner's statistics of the job table are due (claimOrder.ts). */
  readonly statistics = new StatisticsClock();
  readonly #db: Database;
  readonly #job: string;
  readonly #queue: string;
  /** Jobs that finish in the same turn of the event loop are completed by one statement (group commit). */
  readonly #completions: MicroBatcher<Fence, boolean>;

  constructor(database: Database, bossSchema: string, queueName: string) {
    this.#db = database;
    this.#job = `${bossSchema}.job`;
    this.#queue = queueName;
    this.#completions = new MicroBatcher((fences) => this.#completeMany(fences), MAX_COMPLETIONS, "turn");
  }

  /** Claims up to `limit` due jobs, at most one per key and none whose key is running; oldest first. */
  async claim(limit: number): Promise<ClaimedJob[]> {
    // Busy keys are read once through the stately index and hashed: a correlated NOT EXISTS per candidate made
    // PGlite (which has no autovacuum, so no statistics) scan the whole queue for each one, O(n²) on a backlog.
    return this.#db.query<ClaimedJob>(
      `WITH busy AS (
         SELECT COALESCE(singleton_key, '') AS key FROM ${this.#job}
         WHERE name = $1 AND state = 'active' AND policy = 'stately'
       ), candidates AS (
         SELECT j.id, j.singleton_key, j.priority, j.created_on
         FROM ${this.#job} j
         WHERE j.name = $1 AND j.state < 'active' AND j.start_after <= now()
           AND COALESCE(j.singleton_key, '') NOT IN (SELECT key FROM busy)
         ORDER BY j.priority DESC, j.created_on, j.id
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       ), one_per_key AS (
         SELECT DISTINCT ON (COALESCE(singleton_key, '')) id
         FROM candidates
         ORDER BY COALESCE(singleton_key, ''), priority DESC, created_on, id
       )
       UPDATE ${this.#job} j SET
         state = 'active',
         started_on = now(),
         retry_count = CASE WHEN j.started_on IS NOT NULL THEN j.retry_count + 1 ELSE j.retry_count END
       FROM one_per_key
       WHERE j.name = $1 AND j.id = one_per_key.id
       RETURNING j.id, j.data, j.retry_count AS "retryCount",
         GREATEST(0, EXTRACT(EPOCH FROM (now() - j.start_after)) * 1000)::float8 AS "waitedMs"`,
      [this.#queue, limit],
    );
  }

  /**
   * Marks the claimed job done; false when the claim is stale (its lease expired and it was claimed again). Calls of
   * one turn share a statement; if it fails, each of them gets the error (and their jobs run again after the lease).
   */
  complete(fence: Fence): Promise<boolean> {
    return this.#completions.submit(fence);
  }

  async #completeMany(fences: readonly Fence[]): Promise<boolean[]> {
    // In id order, so that two replicas completing overlapping (stale) claims lock rows in the same order.
    const sorted = [...fences].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
    const rows = await retryingLostRace(() =>
      this.#db.query<{ id: string; retryCount: number }>(
        `UPDATE ${this.#job} j SET state = 'completed', completed_on = now()
         FROM unnest($2::uuid[], $3::int[]) AS f(id, retry_count)
         WHERE j.name = $1 AND j.id = f.id AND j.state = 'active' AND j.retry_count = f.retry_count
         RETURNING j.id, j.retry_count AS "retryCount"`,
        [this.#queue, sorted.map((fence) => fence.id), sorted.map((fence) => fence.retryCount)],
      ),
    );
    const completed = new Set(rows.map((row) => `${row.id}/${row.retryCount}`));
    return fences.map((fence) => completed.has(`${fence.id}/${fence.retryCount}`));
  }

  /** Refreshes the planner's statistics of the job table (PGlite has no autovacuum to do it). */
  async analyze(): Promise<void> {
    this.statistics.refreshed();
    await this.#db.exec(`ANALYZE ${this.#job}`);
  }

  /**
   * Renews the leases of running jobs. started_on doubles as the heartbeat: pg-boss reads it only to count retries
   * (NULL or not), and expiry is measured from it.
   */
  async heartbeat(fences: readonly Fence[]): Promise<void> {
    if (fences.length === 0) return;
    await this.#db.query(
      `UPDATE ${this.#job} j SET started_on = now()
       FROM unnest($2::uuid[], $3::int[]) AS f(id, retry_count)
       WHERE j.name = $1 AND j.id = f.id AND j.retry_count = f.retry_count AND j.state = 'active'`,
      [this.#queue, fences.map((f) => f.id), fences.map((f) => f.retryCount)],
    );
  }

  /** Running jobs whose lease ran out (no heartbeat for expire_in): their worker died or hung. */
  async expired(limit = 100): Promise<Fence[]> {
    return this.#db.query<Fence>(
      `SELECT id, retry_count AS "retryCount" FROM ${this.#job}
       WHERE name = $1 AND state = 'active' AND started_on + expire_in < now()
       ORDER BY started_on LIMIT $2`,
      [this.#queue, limit],
    );
  }

  /** Every running job, whatever its lease. */
  async running(): Promise<Fence[]> {
    return this.#db.query<Fence>(
      `SELECT id, retry_count AS "retryCount" FROM ${this.#job} WHERE name = $1 AND state = 'active'`,
      [this.#queue],
    );
  }

  /**
   * Deletes completed jobs and folded-in duplicates older than `olderThanMs` (never parked ones), then refreshes the
   * planner's statistics: PGlite runs no autovacuum, and without statistics its plans degrade as the table grows.
   */
  async deleteFinished(olderThanMs: number): Promise<number> {
    const rows = await this.#db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM ${this.#job}
         WHERE name = $1 AND state IN ('completed', 'cancelled')
           AND completed_on < now() - $2 * interval '1 millisecond'
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [this.#queue, olderThanMs],
    );
    await this.analyze();
    return rows[0]?.n ?? 0;
  }
}
