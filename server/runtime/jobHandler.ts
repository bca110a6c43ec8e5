/**
 * What the queue runs: each job kind to its engine call, the Partner Center calls and latency of every sync into the
 * metrics, and a job's last failure onto the opportunity row (so it never stays "Pending" after the queue gives up).
 */
import type { ApiCallObserver } from "../clients";
import type { Histogram } from "../metrics/histogram";
import type { ServiceMetrics } from "../metrics";
import type { JobContext, JobHandler } from "../queue";
import type { SyncEngine, SyncRecord, RetryHint, SyncLogger } from "../sync";
import type { ServiceJob } from "./jobs";

export interface JobHandlerDependencies {
  readonly engine: SyncEngine;
  /** Where reconcile puts the jobs it finds; below webhook jobs in priority, so live changes go first. */
  readonly enqueue: (job: ServiceJob, options?: { readonly priority?: number }) => Promise<unknown>;
  readonly maxAttempts: number;
  readonly metrics: ServiceMetrics;
  /** cosell_sync_latency_seconds: from the change in one system to the end of its sync into the other. */
  readonly latency: Histogram<"direction" | "outcome">;
  readonly logger: SyncLogger;
  readonly now?: () => number;
}

function isFinalAttempt(error: unknown, context: JobContext, maxAttempts: number): boolean {
  const hint = (typeof error === "object" && error !== null ? error : {}) as RetryHint;
  return hint.retryable === false || context.attempt >= maxAttempts;
}

function observeRecord(record: SyncRecord, startedAt: number, deps: JobHandlerDependencies): void {
  const now = deps.now?.() ?? Date.now();
  const labels = { direction: record.direction, outcome: record.outcome };
  deps.metrics.syncDuration.observe(labels, (now - startedAt) / 1000);
  if (record.changedAt !== null) {
    const latencyMs = Date.parse(record.finishedAt) - Date.parse(record.changedAt);
    if (Number.isFinite(latencyMs) && latencyMs >= 0) deps.latency.observe(labels, latencyMs / 1000);
  }
  if (record.outcome === "echo") deps.metrics.echoesSuppressed.inc({ source: "partnerCenter" });
}

async function run(job: ServiceJob, deps: JobHandlerDependencies): Promise<SyncRecord | null> {
  switch (job.kind) {
    case "dataverse-opportunity":
      return deps.engine.syncOpportunity(job);
    case "partner-center-referral":
      return deps.engine.syncReferral(job);
    case "reconcile": {
      const result = await deps.engine.reconcile({
        enqueue: async (found) => {
          await deps.enqueue(found, { priority: -1 });
        },
      });
      deps.logger.info(
        { opportunities: result.opportunities, referrals: result.referrals, watermarks: result.watermarks },
        "reconciled both sides since the watermarks",
      );
      return null;
    }
    case "refresh-solutions": {
      const refreshed = await deps.engine.refreshSolutions();
      deps.logger.info({ ...refreshed }, "refreshed the co-sell solution catalogue");
      return null;
    }
  }
}

export function createJobHandler(deps: JobHandlerDependencies): JobHandler<ServiceJob> {
  return async (job, context) => {
    const startedAt = deps.now?.() ?? Date.now();
    try {
      const record = await run(job, deps);
      if (record !== null) observeRecord(record, startedAt, deps);
    } catch (error) {
      const syncJob = job.kind === "dataverse-opportunity" || job.kind === "partner-center-referral";
      if (syncJob && isFinalAttempt(error, context, deps.maxAttempts)) await deps.engine.reportGaveUp(job, error);
      throw error;
    }
  };
}

/** Counts Partner Center Referrals API calls by operation (method and path shape) and status, for /metrics. */
export function partnerCenterCallCounter(metrics: ServiceMetrics, next?: ApiCallObserver): ApiCallObserver {
  return (call) => {
    next?.(call);
    if (call.api !== "partnerCenter") return;
    const operation = `${call.method} ${call.path.replace(/\/referrals\/[^/]+/, "/referrals/{id}")}`;
    metrics.partnerCenterCalls.inc({ operation, status: String(call.status) });
  };
}
