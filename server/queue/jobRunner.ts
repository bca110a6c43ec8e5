/**
 * The fetch loop, driven here rather than by pg-boss's work(): work() fetches once per polling interval (0.5 s at
 * least), so a backlog waits seconds (shared/DESIGN.md). This loop claims as many jobs as it has free handler slots,
 * claims again at once while jobs keep coming, wakes at once when this process enqueues or a handler finishes (which
 * may free a key), and otherwise polls every `pollIntervalMs` for other replicas' jobs and due retries.
 */
import type { Logger } from "../store";
import { isLostRace, messageOf } from "../store";
import type { ClaimedJob, Fence, JobTable } from "./jobTable";
import type { JobExecution } from "./jobExecution";
import { WakeSignal } from "./wakeSignal";

export interface RunnerSettings {
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  readonly expireAfterMs: number;
  /** How often to look for expired leases. */
  readonly sweepIntervalMs: number;
  /** How long completed jobs stay visible before they are deleted. */
  readonly keepFinishedMs: number;
  /** Embedded PGlite: any job still running at start-up belongs to a process that died (one process per folder). */
  readonly recoverRunningAtStart: boolean;
}

const CLEANUP_INTERVAL_MS = 10 * 60_000;
const MAX_FETCH_BACKOFF_MS = 10_000;

interface InFlight {
  readonly fence: Fence;
  readonly controller: AbortController;
  done: Promise<void>;
}

export class JobRunner {
  readonly #table: JobTable;
  readonly #execution: JobExecution;
  readonly #settings: RunnerSettings;
  readonly #logger: Logger;
  readonly #signal = new WakeSignal();
  readonly #inFlight = new Map<string, InFlight>();
  #loop: Promise<void> | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  #stopping = false;
  #fetchFailures = 0;
  #nextSweepAt = 0;
  #nextCleanupAt = 0;
  readonly #minimumClaim: number;
  #lastClaimAt = 0;

  constructor(table: JobTable, execution: JobExecution, settings: RunnerSettings, logger: Logger) {
    this.#table = table;
    this.#execution = execution;
    this.#settings = settings;
    this.#logger = logger;
    this.#minimumClaim = Math.max(1, Math.floor(settings.concurrency / 4));
  }

  get running(): boolean {
    return this.#loop !== null && !this.#stopping;
  }

  start(): void {
    if (this.#loop !== null) throw new Error("The job queue was started already: call start() once.");
    // A third of the lease: two heartbeats can be late before another replica takes the job over.
    this.#heartbeat = setInterval(() => void this.#beat(), Math.max(50, this.#settings.expireAfterMs / 3));
    this.#loop = this.#run();
  }

  wake(): void {
    this.#signal.notify();
  }

  wakeIn(delayMs: number): void {
    this.#signal.notifyIn(delayMs);
  }

  /** Stops claiming, waits up to `timeoutMs` for running handlers, and aborts the ones still running. */
  async stop(timeoutMs: number): Promise<{ drained: boolean; abandoned: number }> {
    this.#stopping = true;
    this.#signal.close();
    await this.#loop;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => {
        resolve(false);
      }, timeoutMs);
    });
    const finished = Promise.all([...this.#inFlight.values()].map((entry) => entry.done)).then(() => true as const);
    const drained = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    const abandoned = this.#inFlight.size;
    this.#execution.close();
    for (const entry of this.#inFlight.values()) {
      entry.controller.abort(new Error("The job queue stopped before this job finished."));
    }
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
    return { drained, abandoned };
  }

  async #run(): Promise<void> {
    if (this.#settings.recoverRunningAtStart) {
      await this.#recover("orphaned", await this.#safely(() => this.#table.running(), []));
    }
    while (!this.#stopping) {
      await this.#upkeep();
      const free = this.#settings.concurrency - this.#inFlight.size;
      // A claim costs about the same for one job as for many: under load, wait until a quarter of the slots are free
      // (finishing handlers wake the loop) rather than claim once per finished job; but never longer than a poll
      // interval, so slots held by slow jobs don't keep a waiting job waiting.
      if (free > 0 && (free >= this.#minimumClaim || this.#inFlight.size === 0 || this.#claimIsDue())) {
        this.#lastClaimAt = Date.now();
        let claimed: ClaimedJob[];
        try {
          claimed = await this.#table.claim(free);
          this.#fetchFailures = 0;
        } catch (error) {
          if (isLostRace(error)) {
            // Another replica claimed a job of the same key at the same moment (the stately index let one win), or
            // the two claims deadlocked. Nothing is wrong: claim again.
            this.#logger.debug(
              { error: messageOf(error) },
              "Job claim lost a race with another replica; claiming again",
            );
            continue;
          }
          this.#fetchFailures += 1;
          const backoffMs = Math.min(this.#settings.pollIntervalMs * 2 ** this.#fetchFailures, MAX_FETCH_BACKOFF_MS);
          this.#logger.warn({ error: messageOf(error), failures: this.#fetchFailures, backoffMs }, "Job fetch failed");
          await this.#signal.wait(backoffMs);
          continue;
        }
        for (const job of claimed) this.#launch(job);
        if (claimed.length === free) continue;
      }
      await this.#signal.wait(this.#settings.pollIntervalMs);
    }
  }

  #claimIsDue(): boolean {
    return Date.now() - this.#lastClaimAt >= this.#settings.pollIntervalMs;
  }

  #launch(job: ClaimedJob): void {
    const entry: InFlight = { fence: job, controller: new AbortController(), done: Promise.resolve() };
    this.#inFlight.set(job.id, entry);
    entry.done = this.#execution.execute(job, entry.controller).then((retryInMs) => {
      this.#inFlight.delete(job.id);
      if (retryInMs !== null) this.wakeIn(retryInMs);
      this.#signal.notify();
    });
  }

  async #upkeep(): Promise<void> {
    const now = Date.now();
    if (now >= this.#nextSweepAt) {
      this.#nextSweepAt = now + this.#settings.sweepIntervalMs;
      const expired = await this.#safely(() => this.#table.expired(), []);
      // Our own running handlers are alive by definition; a late heartbeat must not hand their jobs to another run.
      await this.#recover(
        "expired",
        expired.filter((fence) => !this.#inFlight.has(fence.id)),
      );
    }
    if (this.#table.statistics.due) {
      await this.#safely(() => this.#table.analyze(), undefined);
    }
    if (now >= this.#nextCleanupAt) {
      this.#nextCleanupAt = now + CLEANUP_INTERVAL_MS;
      await this.#safely(() => this.#table.deleteFinished(this.#settings.keepFinishedMs), 0);
    }
  }

  async #recover(why: "expired" | "orphaned", fences: readonly Fence[]): Promise<void> {
    for (const fence of fences) {
      const retryInMs = await this.#execution.recover(fence, why);
      if (retryInMs !== null) this.wakeIn(retryInMs);
    }
  }

  async #beat(): Promise<void> {
    const fences = [...this.#inFlight.values()].map((entry) => entry.fence);
    await this.#safely(() => this.#table.heartbeat(fences), undefined);
  }

  /** Runs upkeep work; a failure is logged, `fallback` returned, and the next round tries again. */
  async #safely<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.#logger.warn({ error: messageOf(error) }, "Job queue upkeep failed; it will try again");
      return fallback;
    }
  }
}
