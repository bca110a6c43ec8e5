/**
 * pg-boss 10 on the service's Database. It owns the queue's tables: it installs and migrates them under its own
 * advisory lock, and a start that still collides with another replica's runs again (store/lostRace.ts). Its
 * "stately" policy's unique indexes keep at most one queued, one retrying and one running job per key. It inserts jobs
 * with their queue's defaults. Claiming, settling and upkeep are ours (jobTable.ts, failJob.ts, jobRunner.ts); pg-boss's
 * timers stay off (supervise, schedule), so its maintenance never archives a parked job or expires a running one
 * behind our back.
 */
import PgBoss from "pg-boss";
import { isLostRace, messageOf, retryingLostRace, type Database, type Logger, type Queryable } from "../store";
import { ensureClaimIndex } from "./claimOrder";

/** The pg-boss schema version our SQL was written and tested against (pg-boss 10.x). */
export const BOSS_SCHEMA_VERSION = 24;

/**
 * pg-boss's `db` option on our connection. PGlite's query() runs one statement only, and pg-boss sends its
 * installation and migrations as one multi-statement text without parameters: those go through exec()
 * (shared/DESIGN.md, "Configuration and storage").
 */
export function bossDb(target: Queryable): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const rows = values && values.length > 0 ? await target.query(text, values) : await target.exec(text);
      return { rows };
    },
  };
}

/** A queued job to insert: its dedupe key, its data as JSON text, and pg-boss's priority and start delay. */
export interface NewJobRow {
  readonly key: string;
  readonly data: string;
  readonly priority: number;
  readonly startAfterMs: number;
}

export interface BossSettings {
  readonly database: Database;
  readonly schema: string;
  readonly queue: string;
  /** pg-boss's retryLimit is the number of retries after the first attempt. */
  readonly maxAttempts: number;
  /** A running job's lease: without a heartbeat for this long, its worker is presumed dead. */
  readonly expireAfterMs: number;
  readonly logger: Logger;
}

export class BossQueue {
  readonly #boss: PgBoss;
  readonly #settings: BossSettings;

  private constructor(boss: PgBoss, settings: BossSettings) {
    this.#boss = boss;
    this.#settings = settings;
  }

  /** Installs or migrates pg-boss's schema, checks its version, and creates the stately queue. */
  static async start(settings: BossSettings): Promise<BossQueue> {
    // A PgBoss whose start() failed stays "starting" for good, so each try needs a new one.
    return new BossQueue(await retryingLostRace(() => BossQueue.#startOnce(settings)), settings);
  }

  static async #startOnce(settings: BossSettings): Promise<PgBoss> {
    const { database, schema, queue, logger } = settings;
    const boss = new PgBoss({ db: bossDb(database), schema, supervise: false, schedule: false, migrate: true });
    boss.on("error", (error) => {
      logger.error({ queue, error: messageOf(error) }, "pg-boss reported an error");
    });
    try {
      await boss.start();
      const version = Number(await boss.schemaVersion());
      if (version !== BOSS_SCHEMA_VERSION) {
        throw new Error(
          `pg-boss schema ${schema} is at version ${version}, but server/queue was written for version ` +
            `${BOSS_SCHEMA_VERSION} (pg-boss 10.x): review server/queue/jobTable.ts before upgrading pg-boss.`,
        );
      }
      await boss.createQueue(queue, { name: queue, policy: "stately" });
      const created = await boss.getQueue(queue);
      if (created?.policy !== "stately") {
        // Jobs copy the policy when inserted, and only "stately" has the unique indexes exclusivity relies on.
        await boss.updateQueue(queue, { name: queue, policy: "stately" });
        logger.warn({ queue, was: created?.policy ?? null }, "Queue policy set to stately");
      }
      await ensureClaimIndex(database, schema, queue);
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      if (isLostRace(error)) throw error;
      throw new Error(`Cannot start the job queue in schema ${schema} at ${database.location}: ${messageOf(error)}`, {
        cause: error,
      });
    }
    return boss;
  }

  /**
   * Inserts one queued job per row inside the caller's transaction `tx`, in one statement; returns the ids by dedupe
   * key of the rows inserted. A row whose key has a queued job already (the stately index refused it: another
   * replica's enqueue won the race) is left out. Rows must have distinct keys; they are inserted in key order, so two
   * replicas' batches wait for each other's keys in the same order and cannot deadlock.
   *
   * pg-boss's send() inserts one row per statement, and its insert() neither returns ids nor takes a fractional
   * expireInSeconds, so this is pg-boss 10's insertJob statement (schema version 24, checked at start) for many rows,
   * with the same values send() stores for our options: queue defaults for dead letter, retention and retry delay;
   * test/server/queue/batchEnqueue.test.ts compares the two rows column by column.
   */
  async insertMany(tx: Queryable, rows: readonly NewJobRow[]): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const { schema, queue, maxAttempts, expireAfterMs } = this.#settings;
    const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const inserted = await tx.query<{ id: string; key: string }>(
      `INSERT INTO ${schema}.job (id, name, data, priority, start_after, singleton_key, dead_letter, expire_in,
         keep_until, retry_limit, retry_delay, retry_backoff, policy)
       SELECT gen_random_uuid(), q.name, j.data::jsonb, j.priority, j.start_after, j.key, q.dead_letter,
         $2::numeric * interval '1s',
         j.start_after + CAST(COALESCE((q.retention_minutes * 60)::text, '14 days') AS interval),
         $3::int,
         CASE WHEN COALESCE(q.retry_backoff, false) THEN GREATEST(q.retry_delay, 1) ELSE COALESCE(q.retry_delay, 0) END,
         COALESCE(q.retry_backoff, false),
         q.policy
       FROM (
         SELECT u.key, u.data, u.priority, now() + u.delay_ms * interval '1 millisecond' AS start_after, u.ord
         FROM unnest($4::text[], $5::text[], $6::int[], $7::float8[]) WITH ORDINALITY AS u(key, data, priority, delay_ms, ord)
       ) j JOIN ${schema}.queue q ON q.name = $1
       ORDER BY j.ord
       ON CONFLICT DO NOTHING
       RETURNING id, singleton_key AS key`,
      [
        queue,
        expireAfterMs / 1000,
        maxAttempts - 1,
        sorted.map((row) => row.key),
        sorted.map((row) => row.data),
        sorted.map((row) => row.priority),
        sorted.map((row) => row.startAfterMs),
      ],
    );
    return new Map(inserted.map((row) => [row.key, row.id]));
  }

  async stop(): Promise<void> {
    await this.#boss.stop({ graceful: false, close: false });
  }
}
