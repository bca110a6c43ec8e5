/**
 * pg-boss 10 on the service's Database. It owns the queue's tables: it installs and migrates them under its own
 * advisory lock, and a start that still collides with another replica's runs again (store/lostRace.ts). Its
 * "stately" policy's unique indexes keep at most one queued, one retrying and one running job per key. It inserts jobs
 * with their defaults. Claiming, settling and upkeep are ours (jobTable.ts, failJob.ts, jobRunner.ts); pg-boss's
 * timers stay off (supervise, schedule), so its maintenance never archives a parked job or expires a running one
 * behind our back.
 */
import PgBoss from "pg-boss";
import { isLostRace, messageOf, retryingLostRace, type Database, type Logger, type Queryable } from "../store";
import type { QueueJob } from "./types";

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
   * Inserts `job` as queued, inside the caller's transaction `tx`; null when a queued job with its key exists
   * already (the stately index refused it).
   */
  async insert(tx: Queryable, job: QueueJob, startAfterMs: number, priority: number): Promise<string | null> {
    const { queue, maxAttempts, expireAfterMs } = this.#settings;
    return this.#boss.send(queue, job, {
      db: bossDb(tx),
      singletonKey: job.dedupeKey,
      retryLimit: maxAttempts - 1,
      expireInSeconds: expireAfterMs / 1000,
      priority,
      // A number of seconds is added to the database's now(), so replicas' clocks do not matter.
      ...(startAfterMs > 0 ? { startAfter: startAfterMs / 1000 } : {}),
    });
  }

  async stop(): Promise<void> {
    await this.#boss.stop({ graceful: false, close: false });
  }
}
