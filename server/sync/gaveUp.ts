/**
 * When the queue stops retrying a job (its last attempt failed for a reason that looked temporary), the row must not
 * stay "Pending" forever: it says Error, with what went wrong and what to do, and a SyncRecord says the same. A job
 * parked for a permanent reason needs nothing more: its sync already wrote Error with the fitting advice.
 */
import { SyncStatus } from "../../core";
import type { EngineCore } from "./engineCore";
import { whatToDoCatalogue } from "./errors/catalogue";
import { whatToDo } from "./errors/whatToDo";
import type { SyncJob } from "./jobs";
import { normalizeId } from "./toPartnerCenter";
import { writeBackTo } from "./writeBack";

export async function reportGaveUp(core: EngineCore, job: SyncJob, error: unknown): Promise<void> {
  const advice = whatToDo(error);
  // A permanent failure was already reported by the sync itself, with the advice that fits it better.
  if (!advice.retryable) return;
  const scope = core.newScope();
  const direction = job.kind === "dataverse-opportunity" ? "toPartnerCenter" : "toDataverse";
  const referralId = job.kind === "partner-center-referral" ? job.referralId : null;
  const text = `Stopped retrying: ${advice.problem}`;
  const { whatToDo: advise } = whatToDoCatalogue.gaveUp;
  let opportunityId: string | null = null;
  try {
    opportunityId =
      job.kind === "dataverse-opportunity"
        ? normalizeId(job.opportunityId)
        : ((await core.store.linkByReferral(job.referralId))?.opportunityId ?? null);
    const reading = opportunityId === null ? null : await scope.dataverse.readOpportunity(opportunityId);
    if (reading !== null) {
      const writeBack = { direction, status: SyncStatus.Error, text, whatToDo: advise } as const;
      await writeBackTo(scope, reading, writeBack, core.writeBackContext(scope));
    }
  } catch (reportError) {
    core.logger.warn({ opportunityId, referralId, error: String(reportError) }, "could not report a parked sync");
  }
  await core.store
    .recordSync({
      direction,
      opportunityId,
      referralId,
      outcome: "failed",
      summary: `${text} What to do: ${advise}`,
      changedAt: job.kind === "dataverse-opportunity" ? job.operationCreatedOn : job.changedAt,
      finishedAt: core.now().toISOString(),
      partnerCenterCalls: scope.calls.partnerCenter,
      dataverseCalls: scope.calls.dataverse,
    })
    .catch((recordError: unknown) => {
      core.logger.error({ error: String(recordError) }, "could not record a parked sync");
    });
}
