/**
 * Runs one sync: counts its calls, records a SyncRecord whatever happens, and on failure tells the opportunity's row
 * (Pending while a retry is coming, Error with what to do otherwise) before rethrowing a SyncError whose RetryHint
 * tells the queue whether to back off and retry or to park the job.
 */
import { SyncStatus } from "../../core";
import type { AuditDirection } from "./audit";
import type { EngineCore } from "./engineCore";
import { toSyncError, whatToDo, type Advice, type AdviceContext } from "./errors/whatToDo";
import type { OpportunityReading, SyncRecord } from "./ports";
import type { SyncScope } from "./scope";
import { writeBackTo } from "./writeBack";

export type SyncDirection = SyncRecord["direction"];

export interface JobTarget {
  readonly direction: SyncDirection;
  readonly opportunityId: string | null;
  readonly referralId: string | null;
  /** When the change that caused the sync was made. */
  readonly changedAt: string | null;
}

export interface JobOutcome {
  readonly outcome: Exclude<SyncRecord["outcome"], "failed">;
  readonly summary: string;
  readonly opportunityId?: string | null;
  readonly referralId?: string | null;
}

/** What a sync has learnt so far, so that a failure can be reported on the right row. */
export interface FailureSite {
  reading: OpportunityReading | null;
  opportunityId: string | null;
  referralId: string | null;
  context: AdviceContext;
}

export async function runJob(
  core: EngineCore,
  target: JobTarget,
  work: (scope: SyncScope, site: FailureSite) => Promise<JobOutcome>,
): Promise<SyncRecord> {
  const scope = core.newScope();
  const site: FailureSite = {
    reading: null,
    opportunityId: target.opportunityId,
    referralId: target.referralId,
    context: {},
  };
  try {
    const outcome = await work(scope, site);
    const record = recordOf(core, scope, target, {
      outcome: outcome.outcome,
      summary: outcome.summary,
      opportunityId: outcome.opportunityId ?? site.opportunityId,
      referralId: outcome.referralId ?? site.referralId,
    });
    await core.store.recordSync(record);
    core.logger.info({ ...record }, `sync ${record.direction} ${record.outcome}`);
    return record;
  } catch (error) {
    const advice = whatToDo(error, site.context);
    core.logger.warn(
      { direction: target.direction, opportunityId: site.opportunityId, referralId: site.referralId, error: advice },
      `sync ${target.direction} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    await reportOnRow(core, scope, site, advice, target.direction);
    const record = recordOf(core, scope, target, {
      outcome: "failed",
      summary: `${advice.problem} What to do: ${advice.whatToDo}`,
      opportunityId: site.opportunityId,
      referralId: site.referralId,
    });
    await core.store.recordSync(record).catch((recordError: unknown) => {
      core.logger.error({ error: String(recordError) }, "could not record a failed sync");
    });
    throw toSyncError(error, site.context);
  }
}

/** Best effort: the row says Pending (retry coming) or Error with what to do. A failing write is only logged. */
export async function reportOnRow(
  core: EngineCore,
  scope: SyncScope,
  site: FailureSite,
  advice: Advice,
  direction: AuditDirection,
): Promise<void> {
  if (site.reading === null) return;
  try {
    await writeBackTo(
      scope,
      site.reading,
      {
        direction,
        status: advice.retryable ? SyncStatus.Pending : SyncStatus.Error,
        text: advice.problem,
        whatToDo: advice.whatToDo,
      },
      core.writeBackContext(scope),
    );
  } catch (error) {
    core.logger.warn(
      { opportunityId: site.reading.id, error: error instanceof Error ? error.message : String(error) },
      "could not write the sync error on the opportunity",
    );
  }
}

function recordOf(
  core: EngineCore,
  scope: SyncScope,
  target: JobTarget,
  result: Pick<SyncRecord, "outcome" | "summary" | "opportunityId" | "referralId">,
): SyncRecord {
  return {
    direction: target.direction,
    opportunityId: result.opportunityId,
    referralId: result.referralId,
    outcome: result.outcome,
    summary: result.summary,
    changedAt: target.changedAt,
    finishedAt: core.now().toISOString(),
    partnerCenterCalls: scope.calls.partnerCenter,
    dataverseCalls: scope.calls.dataverse,
  };
}
