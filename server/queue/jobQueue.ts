/**
 * The service's durable job queue on its Database (PGlite or PostgreSQL), built on pg-boss 10's tables:
 * - coalescing: one waiting job per dedupe key; a change during a run leaves exactly one more run behind it;
 * - exclusivity: never two running jobs for one key, across handlers and replicas (pg-boss's stately index);
 * - retries with full-jitter backoff that honours Retry-After, parking after `maxAttempts` or a non-retryable error;
 * - crash safety: a running job's lease is renewed by heartbeat and, once expired, the job runs again;
 * - a fetch loop that starts a job within milliseconds of its enqueue in this process.
 * Handlers may run more than once for a job (after a crash, or a lease lost to a long event-loop stall): they must be
 * idempotent, which the sync engine is by design (ETags, externalReferenceId, create intents).
 */
import { silentLogger, type Logger } from "../store";
import type { Failure } from "./backoff";
import { BossQueue } from "./bossQueue";
import { enqueueRequest, groupCommit } from "./enqueueJob";
import { failJob, type FailResult } from "./failJob";
import { jobExecution } from "./jobExecution";
import { JobRunner } from "./jobRunner";
import { JobTable, type Fence } from "./jobTable";
import { QueueAdmin } from "./queueAdmin";
import { readQueueJob, settingsOf, type JobQueueOptions } from "./queueSettings";
import type {
  EnqueueOptions,
  EnqueueResult,
  JobHandler,
  PendingJob,
  QueueDepth,
  QueueEvent,
  QueueJob,
  QueueProblem,
  RetryOutcome,
  StopResult,
} from "./types";

export class JobQueue<J extends QueueJob> {
  readonly name: string;
  readonly #options: JobQueueOptions<J>;
  readonly #settings: ReturnType<typeof settingsOf>;
  readonly #boss: BossQueue;
  readonly #table: JobTable;
  readonly #admin: QueueAdmin<J>;
  readonly #logger: Logger;
  readonly #enqueues: ReturnType<typeof groupCommit>;
  #runner: JobRunner | null = null;
  #stopped: Promise<StopResult> | null = null;

  private constructor(options: JobQueueOptions<J>, boss: BossQueue) {
    this.#options = options;
    this.#settings = settingsOf(options);
    this.name = this.#settings.queueName;
    this.#boss = boss;
    this.#logger = options.logger ?? silentLogger;
    const { database } = options;
    this.#table = new JobTable(database, this.#settings.bossSchema, this.name);
    this.#admin = new QueueAdmin(database, `${this.#settings.bossSchema}.job`, this.name, (data) => this.#read(data));
    this.#enqueues = groupCommit({
      database,
      boss,
      table: `${this.#settings.bossSchema}.job`,
      queue: this.name,
      fold: (waiting, incoming) => this.#coalesce(waiting, incoming as J),
    });
  }

  /** Installs or migrates the queue's tables (schema `<database schema>_boss` by default) and opens the queue. */
  static async open<J extends QueueJob>(options: JobQueueOptions<J>): Promise<JobQueue<J>> {
    const settings = settingsOf(options);
    const boss = await BossQueue.start({
      database: options.database,
      schema: settings.bossSchema,
      queue: settings.queueName,
      maxAttempts: settings.maxAttempts,
      expireAfterMs: settings.expireAfterMs,
      logger: options.logger ?? silentLogger,
    });
    return new JobQueue(options, boss);
  }

  /**
   * Stores `job` durably (or folds it into the waiting job for its key) and wakes this process's fetch loop. Calls
   * that arrive while an earlier batch is being written are written together in one transaction (group commit).
   */
  async enqueue(job: J, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    if (this.#stopped !== null) throw new Error("The job queue is stopped: it takes no more jobs.");
    const request = enqueueRequest(job, options.startAfterMs ?? 0, options.priority ?? 0);
    const result = await this.#enqueues.submit(request);
    if (!result.coalesced) this.#table.statistics.noteAdded(1);
    this.#emit({ type: "enqueued", kind: job.kind, dedupeKey: job.dedupeKey, ...result });
    this.#runner?.wakeIn(request.startAfterMs);
    return result;
  }

  /** Starts the fetch loop with `handler`; call once. Without start(), the queue only stores jobs. */
  start(handler: JobHandler<J>): void {
    if (this.#stopped !== null) throw new Error("The job queue is stopped: open a new one to run jobs again.");
    if (this.#runner !== null) throw new Error("The job queue was started already: call start() once.");
    const s = this.#settings;
    const execution = jobExecution<J>({
      table: this.#table,
      handler,
      read: (data) => this.#read(data),
      fail: (fence, failure, onlyIfExpired) => this.#fail(fence, failure, onlyIfExpired),
      emit: (event) => {
        this.#emit(event);
      },
      logger: this.#logger,
      handlerTimeoutMs: s.handlerTimeoutMs,
      expireAfterMs: s.expireAfterMs,
    });
    const runner = new JobRunner(this.#table, execution, s.runner, this.#logger);
    runner.start();
    this.#runner = runner;
  }

  /**
   * Stops taking jobs, waits up to `timeoutMs` (default 10 s) for running handlers, then stops pg-boss. Idempotent.
   * Does not close the Database: its owner does, after this resolves.
   */
  stop(options: { readonly timeoutMs?: number } = {}): Promise<StopResult> {
    this.#stopped ??= (async () => {
      const result = (await this.#runner?.stop(options.timeoutMs ?? 10_000)) ?? { drained: true, abandoned: 0 };
      // Enqueues accepted before stop() still get their answer before the owner closes the Database.
      await this.#enqueues.idle();
      await this.#boss.stop();
      return result;
    })();
    return this.#stopped;
  }

  /** Retrying and parked jobs, the most recent failure first. */
  problems(options: { readonly limit?: number } = {}): Promise<QueueProblem<J>[]> {
    return this.#admin.problems(options.limit ?? 100);
  }

  /** Brings a parked job back with a fresh set of attempts (or runs a retrying job now). */
  async retry(id: string): Promise<RetryOutcome> {
    const outcome = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.#admin.retry(id, this.#settings.maxAttempts, this.#fold)
      : "not-found";
    if (outcome === "retried") this.#runner?.wake();
    return outcome;
  }

  /** Retries every parked job; returns how many came back. */
  async retryAll(): Promise<number> {
    let retried = 0;
    for (const id of await this.#admin.parkedIds()) {
      if ((await this.#admin.retry(id, this.#settings.maxAttempts, this.#fold)) === "retried") retried += 1;
    }
    if (retried > 0) this.#runner?.wake();
    return retried;
  }

  depth(): Promise<QueueDepth> {
    return this.#admin.depth();
  }

  /** Work queued, retrying or running for `dedupeKey`, oldest first: empty when nothing is pending. */
  pendingFor(dedupeKey: string): Promise<PendingJob<J>[]> {
    return this.#admin.pendingFor(dedupeKey);
  }

  #read(data: unknown): J {
    return (this.#options.read ?? readQueueJob)(data) as J;
  }

  #coalesce(waiting: unknown, incoming: J): J {
    const { coalesce } = this.#options;
    if (!coalesce) return incoming;
    try {
      return coalesce(this.#read(waiting), incoming);
    } catch (error) {
      this.#logger.warn({ dedupeKey: incoming.dedupeKey, error: String(error) }, "Coalesce failed; newest job kept");
      return incoming;
    }
  }

  /** Folds two stored jobs of one key (older first); keeps the newer one if either cannot be read. */
  readonly #fold = (older: unknown, newer: unknown): unknown => {
    try {
      return this.#coalesce(older, this.#read(newer));
    } catch {
      return newer;
    }
  };

  #fail(fence: Fence, failure: Failure, onlyIfExpired: boolean): Promise<FailResult | null> {
    const s = this.#settings;
    const settings = { backoff: s.backoff, random: s.random, fold: this.#fold };
    return failJob(this.#options.database, s.bossSchema, this.name, fence, failure, settings, onlyIfExpired);
  }

  #emit(event: QueueEvent): void {
    try {
      this.#options.listener?.(event);
    } catch (error) {
      this.#logger.warn({ type: event.type, error: String(error) }, "The queue listener threw; event dropped");
    }
  }
}
