/**
 * What admins and the form read and do: the problem list, per-key pending work, depth by state, and bringing
 * parked jobs back. Reads go straight to pg-boss's job table (one queue, its partition).
 */
import type { Database } from "../store";
import { sameKey } from "./jobTable";
import type { PendingJob, QueueDepth, QueueJob, QueueProblem, RetryOutcome } from "./types";

interface JobRow {
  id: string;
  data: unknown;
  state: "created" | "retry" | "active" | "failed";
  retryCount: number;
  startedOn: unknown;
  startAfter: unknown;
  createdOn: unknown;
  output: unknown;
}

const JOB_COLUMNS = `id, data, state, retry_count AS "retryCount", started_on AS "startedOn",
  start_after AS "startAfter", created_on AS "createdOn", output`;

/** Drivers return timestamptz as Date; jsonb holds PostgreSQL's own text form. Both become ISO strings. */
function isoOrNull(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return null;
}

/** The stored job when it can be read, else null (problems() must still list it: that is how admins find it). */
function readable<J>(read: (data: unknown) => J, data: unknown): J | null {
  try {
    return read(data);
  } catch {
    return null;
  }
}

function textField(data: unknown, name: string): string {
  const value = typeof data === "object" && data !== null ? (data as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : "unknown";
}

function outputOf(row: JobRow): Record<string, unknown> {
  return typeof row.output === "object" && row.output !== null ? (row.output as Record<string, unknown>) : {};
}

export class QueueAdmin<J extends QueueJob> {
  readonly #db: Database;
  readonly #table: string;
  readonly #queue: string;
  readonly #read: (data: unknown) => J;

  constructor(database: Database, table: string, queue: string, read: (data: unknown) => J) {
    this.#db = database;
    this.#table = table;
    this.#queue = queue;
    this.#read = read;
  }

  /** Retrying and parked jobs, the most recent failure first. */
  async problems(limit: number): Promise<QueueProblem<J>[]> {
    const rows = await this.#db.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM ${this.#table}
       WHERE name = $1 AND state IN ('retry', 'failed')
       ORDER BY (output->>'failedAt')::timestamptz DESC NULLS LAST, id LIMIT $2`,
      [this.#queue, limit],
    );
    return rows.map((row) => {
      const output = outputOf(row);
      return {
        id: row.id,
        kind: textField(row.data, "kind"),
        dedupeKey: textField(row.data, "dedupeKey"),
        state: row.state === "failed" ? "parked" : "retrying",
        attempts: typeof output.attempts === "number" ? output.attempts : row.retryCount + 1,
        reason: typeof output.message === "string" ? output.message : "no reason was recorded",
        lastAttemptAt: isoOrNull(output.failedAt),
        nextAttemptAt: row.state === "retry" ? isoOrNull(row.startAfter) : null,
        job: readable(this.#read, row.data),
      };
    });
  }

  /** Queued, retrying and running jobs for `dedupeKey`, oldest first. */
  async pendingFor(dedupeKey: string): Promise<PendingJob<J>[]> {
    const rows = await this.#db.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM ${this.#table}
       WHERE name = $1 AND ${sameKey("$2")} AND state IN ('created', 'retry', 'active')
       ORDER BY created_on, id`,
      [this.#queue, dedupeKey],
    );
    return rows.map((row) => ({
      id: row.id,
      state: row.state === "active" ? "running" : row.state === "retry" ? "retrying" : "queued",
      job: readable(this.#read, row.data),
      queuedAt: isoOrNull(row.createdOn) ?? "",
      attempts: row.startedOn === null ? 0 : row.retryCount + 1,
      nextAttemptAt: row.state === "active" ? null : isoOrNull(row.startAfter),
    }));
  }

  async depth(): Promise<QueueDepth> {
    const [row] = await this.#db.query<Omit<QueueDepth, "oldestQueuedAt"> & { oldestQueuedAt: unknown }>(
      `SELECT count(*) FILTER (WHERE state = 'created')::int AS queued,
         count(*) FILTER (WHERE state = 'active')::int AS running,
         count(*) FILTER (WHERE state = 'retry')::int AS retrying,
         count(*) FILTER (WHERE state = 'failed')::int AS failed,
         min(created_on) FILTER (WHERE state = 'created') AS "oldestQueuedAt"
       FROM ${this.#table} WHERE name = $1 AND state IN ('created', 'active', 'retry', 'failed')`,
      [this.#queue],
    );
    return {
      queued: row?.queued ?? 0,
      running: row?.running ?? 0,
      retrying: row?.retrying ?? 0,
      failed: row?.failed ?? 0,
      oldestQueuedAt: isoOrNull(row?.oldestQueuedAt),
    };
  }

  /** Ids of every parked job. */
  async parkedIds(): Promise<string[]> {
    const rows = await this.#db.query<{ id: string }>(
      `SELECT id FROM ${this.#table} WHERE name = $1 AND state = 'failed' ORDER BY completed_on`,
      [this.#queue],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Runs a parked job again now, with a fresh budget of `maxAttempts`; a retrying job runs now instead of after its
   * backoff. When another job for the key waits already, the parked job is folded into that one.
   */
  async retry(
    id: string,
    maxAttempts: number,
    fold: (older: unknown, newer: unknown) => unknown,
  ): Promise<RetryOutcome> {
    return this.#db.transaction(async (tx) => {
      const [job] = await tx.query<{ state: string; key: string; data: unknown }>(
        `SELECT state, singleton_key AS key, data FROM ${this.#table} WHERE name = $1 AND id = $2 FOR UPDATE`,
        [this.#queue, id],
      );
      if (!job) return "not-found";
      if (job.state === "retry") {
        await tx.query(`UPDATE ${this.#table} SET start_after = now() WHERE name = $1 AND id = $2`, [this.#queue, id]);
        return "retried";
      }
      if (job.state !== "failed") return "not-failed";
      const [waiting] = await tx.query<{ id: string; data: unknown }>(
        `SELECT id, data FROM ${this.#table} WHERE name = $1 AND ${sameKey("$2")} AND state < 'active'
         ORDER BY state, created_on LIMIT 1 FOR UPDATE`,
        [this.#queue, job.key],
      );
      if (waiting) {
        await tx.query(
          `UPDATE ${this.#table} SET data = $3::text::jsonb, start_after = now() WHERE name = $1 AND id = $2`,
          [this.#queue, waiting.id, JSON.stringify(fold(job.data, waiting.data))],
        );
        await tx.query(
          `UPDATE ${this.#table}
           SET state = 'cancelled', output = output || jsonb_build_object('coalescedInto', $3::text)
           WHERE name = $1 AND id = $2`,
          [this.#queue, id, waiting.id],
        );
        return "retried";
      }
      await tx.query(
        `UPDATE ${this.#table} SET state = 'retry', start_after = now(), completed_on = NULL,
           retry_limit = retry_count + $3
         WHERE name = $1 AND id = $2`,
        [this.#queue, id, maxAttempts],
      );
      return "retried";
    });
  }
}
