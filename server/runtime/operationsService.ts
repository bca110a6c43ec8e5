/**
 * The operations endpoints' service: /readyz probes of the database and both APIs, the admin API over the
 * queue's failed and parked jobs, each with the advice an operator needs, and the recent syncs the operator page shows.
 */
import type { DataverseGateway, PartnerCenterGateway, SyncStateStore } from "../sync";
import { OVERVIEW_WINDOW } from "../http/operations/adminViews";
import { ServiceRefusal, type OperationsService, type ProblemJob } from "../http/services";
import type { JobQueue, QueueProblem } from "../queue";
import type { Database } from "../store";
import type { ServiceJob } from "./jobs";
import { recentSyncOf, summarizeRecentSyncs } from "./syncOverview";

export interface OperationsDependencies {
  readonly database: Database;
  readonly queue: JobQueue<ServiceJob>;
  readonly dataverse: Pick<DataverseGateway, "ping">;
  readonly partnerCenter: Pick<PartnerCenterGateway, "ping">;
  readonly syncState: Pick<SyncStateStore, "recentSyncs">;
  /** When this replica started (ISO 8601); default when the service is created. */
  readonly startedAt?: string;
}

/** What to do about a job the queue stopped retrying, by the job's kind. */
function adviceFor(problem: QueueProblem<ServiceJob>): string {
  const retry = "Fix the cause named in the reason, then retry the job (POST /admin/jobs/{id}/retry).";
  switch (problem.kind) {
    case "dataverse-opportunity":
      return `The opportunity shows the error too. ${retry} A seller saving the opportunity again also retries it.`;
    case "partner-center-referral":
      return `${retry} Partner Center sends the referral again on its next change; reconcile also picks it up.`;
    case "reconcile":
      return `${retry} The next scheduled reconcile runs anyway; check both APIs' credentials if it keeps failing.`;
    default:
      return retry;
  }
}

function problemJobOf(problem: QueueProblem<ServiceJob>): ProblemJob {
  return {
    id: problem.id,
    kind: problem.kind,
    dedupeKey: problem.dedupeKey,
    reason: problem.state === "parked" ? "stopped retrying" : "failed; will retry",
    attempts: problem.attempts,
    failedAt: problem.lastAttemptAt ?? new Date(0).toISOString(),
    lastError: problem.reason,
    whatToDo: adviceFor(problem),
  };
}

export function createOperationsService(deps: OperationsDependencies): OperationsService {
  const startedAt = deps.startedAt ?? new Date().toISOString();
  const recentSyncs = async (limit: number) => (await deps.syncState.recentSyncs({ limit })).map(recentSyncOf);
  return {
    readinessProbes: {
      database: async () => {
        await deps.database.query("select 1");
      },
      dataverse: () => deps.dataverse.ping(),
      partnerCenter: () => deps.partnerCenter.ping(),
    },
    problems: async ({ limit }) => (await deps.queue.problems({ limit })).map(problemJobOf),
    retry: async (jobId) => {
      const outcome = await deps.queue.retry(jobId);
      if (outcome === "not-found") {
        throw new ServiceRefusal(
          "not-found",
          `There is no job ${jobId}.`,
          "List the jobs with GET /admin/jobs/problems.",
        );
      }
      if (outcome === "not-failed") {
        throw new ServiceRefusal(
          "conflict",
          `Job ${jobId} has not failed, so there is nothing to retry.`,
          "Only parked jobs can be retried; this one is waiting, running or done.",
        );
      }
      return { jobId };
    },
    retryAll: async () => ({ retried: await deps.queue.retryAll() }),
    depth: () => deps.queue.depth(),
    recentSyncs: ({ limit }) => recentSyncs(limit),
    // One read of the newest OVERVIEW_WINDOW syncs, on the primary key index: cheap however many the store keeps.
    overview: async () => {
      const [queue, syncs] = await Promise.all([deps.queue.depth(), recentSyncs(OVERVIEW_WINDOW)]);
      const recent = summarizeRecentSyncs(syncs, OVERVIEW_WINDOW);
      return { generatedAt: new Date().toISOString(), startedAt, queue, recent };
    },
  };
}
