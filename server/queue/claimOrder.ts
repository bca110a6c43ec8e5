/**
 * What keeps the claim (jobTable.ts) cheap when thousands of jobs wait, as during a backfill:
 *
 * - An index in the claim's own order, (priority DESC, created_on, id) over waiting jobs, on the queue's partition of
 *   pg-boss's job table. pg-boss's fetch index (job_i5) is ordered by start_after, so each claim read and sorted every
 *   waiting job: 10 ms per claim on PGlite with 10,000 waiting, 50% of a 10,000-record backfill. With this index the
 *   claim reads the first rows in order and stops (0.4 ms). It is ours, not pg-boss's: created at start, if missing.
 * - Fresh planner statistics. PGlite runs no autovacuum, so a job table that grew from empty still looks empty to the
 *   planner, which then sorts rather than use the index. ANALYZE runs once enough jobs were added since the last one.
 */
import type { Database } from "../store";

/** pg-boss names each queue's partition `j` + the hex SHA-224 of the queue name (create_queue). */
const PARTITION_NAME = /^j[0-9a-f]{56}$/;

/** Creates the claim index on the queue's partition when it is missing; replicas starting together take turns. */
export async function ensureClaimIndex(database: Database, bossSchema: string, queue: string): Promise<void> {
  const [row] = await database.query<{ partition: string }>(
    `SELECT partition_name AS partition FROM ${bossSchema}.queue WHERE name = $1`,
    [queue],
  );
  const partition = row?.partition;
  if (partition === undefined || !PARTITION_NAME.test(partition)) {
    throw new Error(`pg-boss has no partition for queue ${queue} in ${bossSchema}: was the queue created?`);
  }
  await database.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${bossSchema}.claim-index`]);
    await tx.exec(
      `CREATE INDEX IF NOT EXISTS ${partition}_claim ON ${bossSchema}.${partition} (priority DESC, created_on, id)
       WHERE state < 'active'`,
    );
  });
}

/** Jobs added since the last ANALYZE after which the statistics are refreshed. */
export const ANALYZE_AFTER_NEW_JOBS = 1_000;

/** Counts the jobs this process adds and says when the job table's statistics are due for a refresh. */
export class StatisticsClock {
  readonly #threshold: number;
  #added = 0;

  constructor(threshold = ANALYZE_AFTER_NEW_JOBS) {
    this.#threshold = threshold;
  }

  noteAdded(count: number): void {
    this.#added += count;
  }

  /** True once enough jobs were added; the caller then runs ANALYZE and calls refreshed(). */
  get due(): boolean {
    return this.#added >= this.#threshold;
  }

  refreshed(): void {
    this.#added = 0;
  }
}
