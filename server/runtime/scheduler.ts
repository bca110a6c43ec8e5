/**
 * The service's timers: a reconcile every SYNC_RECONCILE_MINUTES, and a refresh of the solution catalogue every hour
 * (and both once at start). They only enqueue jobs with fixed dedupe keys, so with several replicas the runs
 * coalesce into one instead of multiplying.
 */
import type { SyncLogger } from "../sync";
import { reconcileJob, refreshSolutionsJob, type ServiceJob } from "./jobs";

const SOLUTIONS_REFRESH_MS = 60 * 60 * 1000;

export interface Scheduler {
  stop(): void;
}

export function startScheduler(options: {
  readonly reconcileIntervalMs: number;
  readonly enqueue: (job: ServiceJob, options?: { readonly priority?: number }) => Promise<unknown>;
  readonly logger: SyncLogger;
}): Scheduler {
  const enqueue = (job: ServiceJob) => {
    // Catch-up work goes behind live changes.
    options.enqueue(job, { priority: -1 }).catch((error: unknown) => {
      options.logger.warn({ job: job.kind, error: String(error) }, "could not schedule a job; the next tick retries");
    });
  };
  enqueue(refreshSolutionsJob);
  enqueue(reconcileJob);
  const timers = [
    setInterval(() => {
      enqueue(reconcileJob);
    }, options.reconcileIntervalMs),
    setInterval(() => {
      enqueue(refreshSolutionsJob);
    }, SOLUTIONS_REFRESH_MS),
  ];
  for (const timer of timers) timer.unref();
  return {
    stop: () => {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
