/**
 * The form API's service over the sync engine and the queue: the engine's views turned into the HTTP contract
 * (server/http/services.ts), the queue's pending work added to the status, and the engine's SyncErrors turned into
 * the refusals the routes answer with (404, 409, 422, 503).
 */
import type { EnqueueOptions, EnqueueResult, PendingJob } from "../queue";
import {
  ServiceRefusal,
  type FormService,
  type OpportunitySyncStatus,
  type PendingWork,
  type RefusalKind,
  type SyncStatusName,
} from "../http/services";
import { opportunityDedupeKey } from "../intake/dataverse";
import { SyncError, type SyncEngine, type SyncStatusView } from "../sync";
import type { ServiceJob } from "./jobs";

/** The queue, as the form's service uses it. */
export interface FormQueue {
  enqueue(job: ServiceJob, options?: EnqueueOptions): Promise<EnqueueResult>;
  pendingFor(dedupeKey: string): Promise<PendingJob<ServiceJob>[]>;
}

function refusalKindOf(status: number): RefusalKind {
  if (status === 404) return "not-found";
  if (status === 409 || status === 412) return "conflict";
  if (status === 429 || status >= 500) return "unavailable";
  return "invalid";
}

/** Runs `action`, turning an engine SyncError into the ServiceRefusal the routes know how to answer. */
async function refusing<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    const retryAfterSeconds = error.retryAfterMs === null ? undefined : Math.ceil(error.retryAfterMs / 1000);
    throw new ServiceRefusal(refusalKindOf(error.httpStatus), error.message, error.whatToDo, {
      code: error.code,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      cause: error,
    });
  }
}

function reasonOf(job: ServiceJob): string {
  switch (job.kind) {
    case "dataverse-opportunity":
      return job.reason;
    case "partner-center-referral":
      return `${job.eventName} in Partner Center`;
    case "reconcile":
      return "catch-up reconcile";
    case "refresh-solutions":
      return "solution catalogue refresh";
  }
}

/** The engine's status names, in the words of the HTTP contract (and of csb_syncstatus's labels). */
const statusNames: Record<SyncStatusView["syncStatus"], SyncStatusName> = {
  notSynced: "Not synced",
  pending: "Pending",
  synced: "Synced",
  error: "Error",
};

function pendingWorkOf(pending: PendingJob<ServiceJob>): PendingWork {
  const job = pending.job;
  const reason = job === null ? "a queued change" : reasonOf(job);
  return {
    jobId: pending.id,
    state: pending.state,
    reason,
    queuedAt: pending.queuedAt,
    attempts: pending.attempts,
    nextAttemptAt: pending.nextAttemptAt,
  };
}

export function createFormService(engine: SyncEngine, queue: FormQueue): FormService {
  return {
    status: (opportunityId) =>
      refusing(async () => {
        const view = await engine.status(opportunityId);
        const pending = await queue.pendingFor(opportunityDedupeKey(view.opportunityId));
        const status: OpportunitySyncStatus = {
          opportunityId: view.opportunityId,
          status: pending.length > 0 && view.syncStatus !== "error" ? "Pending" : statusNames[view.syncStatus],
          checkmark: view.checkmark,
          awaitingAnswer: view.awaitingAnswer,
          referralId: view.referralId,
          referralLink: view.referralLink,
          lastSyncedAt: view.lastSyncedOn,
          lastError:
            view.lastError === null
              ? null
              : {
                  at: view.lastError.at ?? view.lastSyncedOn ?? new Date(0).toISOString(),
                  message: view.lastError.message,
                  whatToDo:
                    view.lastError.whatToDo ?? "Save the opportunity again; if the error stays, ask your admin.",
                },
          audit: view.audit.map((entry) => ({ at: entry.at ?? "", text: entry.text, line: entry.line })),
          pending: pending.map(pendingWorkOf),
        };
        return status;
      }),
    syncNow: (opportunityId, caller) =>
      refusing(async () => {
        const job = engine.syncNow(opportunityId);
        const requestedBy = `Sync now requested by ${caller.name ?? caller.id} on the opportunity form`;
        const result = await queue.enqueue({ ...job, reason: requestedBy }, { priority: 1 });
        return { jobId: result.id, coalesced: result.coalesced };
      }),
    validate: (opportunityId) =>
      refusing(async () => {
        const view = await engine.validate(opportunityId);
        return {
          opportunityId: view.opportunityId,
          valid: view.valid,
          problems: view.problems.map((problem) => ({
            code: problem.code,
            field: problem.field ?? "",
            message: problem.message,
          })),
        };
      }),
    accept: (referralId) =>
      refusing(async () => {
        const result = await engine.acceptReferral(referralId);
        return { ...decision(result) };
      }),
    decline: (referralId, reason) =>
      refusing(async () => {
        const result = await engine.declineReferral(referralId, reason);
        return { ...decision(result) };
      }),
  };
}

function decision(result: Awaited<ReturnType<SyncEngine["acceptReferral"]>>) {
  return {
    referralId: result.referralId,
    status: result.status,
    substatus: result.substatus,
    opportunityId: result.opportunityId,
  };
}
