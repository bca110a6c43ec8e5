/**
 * Catch-up: what changed on either side since a watermark, as jobs for the queue, so that a missed webhook heals
 * itself (DESIGN.md "Data flow" 3). The same walk with no watermark is the backfill. Watermarks advance to the newest
 * change seen, minus an overlap for clock skew and late commits; the overlap re-lists a few records, which cost
 * little: the engine recognises an already-synced referral as an echo and an unchanged opportunity makes no
 * Partner Center call.
 */
import type { EngineCore } from "./engineCore";
import { opportunityJob, referralJob, type SyncJob } from "./jobs";
import { isMicrosoftSide } from "./microsoftSide";
import type { SyncScope } from "./scope";

export type ReconcileSide = "dataverse" | "partnerCenter";

export interface ReconcileProgress {
  readonly side: ReconcileSide;
  readonly done: number;
  /** Unknown while listing: the APIs page without a total. */
  readonly total: number | null;
}

export interface ReconcileOptions {
  /** Look at everything (since = null), not just what changed since the watermarks. */
  readonly backfill?: boolean;
  /** Called for each job; when given, jobs are not collected in the result. A throw stops the walk. */
  readonly enqueue?: (job: SyncJob) => Promise<void> | void;
  readonly onProgress?: (progress: ReconcileProgress) => void;
}

export interface ReconcileResult {
  /** The jobs to enqueue (empty when `enqueue` was given). */
  readonly jobs: readonly SyncJob[];
  readonly opportunities: number;
  readonly referrals: number;
  /** The watermarks after the walk. */
  readonly watermarks: Readonly<Record<ReconcileSide, string | null>>;
  readonly partnerCenterCalls: number;
  readonly dataverseCalls: number;
}

export async function reconcile(core: EngineCore, options: ReconcileOptions = {}): Promise<ReconcileResult> {
  const scope = core.newScope();
  const jobs: SyncJob[] = [];
  const emit = async (job: SyncJob) => {
    if (options.enqueue === undefined) jobs.push(job);
    else await options.enqueue(job);
  };
  const walk = async (side: ReconcileSide, list: (since: string | null) => AsyncIterable<SyncJob | null>) => {
    const previous = await core.store.readWatermark(side);
    const since = options.backfill === true ? null : startingPoint(core, scope, previous);
    let done = 0;
    let newest: number | null = null;
    for await (const job of list(since)) {
      if (job === null) continue;
      await emit(job);
      done += 1;
      newest = Math.max(newest ?? Number.NEGATIVE_INFINITY, Date.parse(changedAtOf(job)));
      options.onProgress?.({ side, done, total: null });
    }
    const watermark = nextWatermark(previous, since, newest, core.options.reconcileOverlapMs);
    if (watermark !== null && watermark !== previous) await core.store.writeWatermark(side, watermark);
    return { done, watermark };
  };

  const dataverse = await walk("dataverse", (since) =>
    mapAsync(scope.dataverse.listOpportunitiesToSync(since), (marker) =>
      opportunityJob(
        marker.id,
        since === null ? "backfill" : "reconcile: changed since the watermark",
        marker.modifiedOn,
      ),
    ),
  );
  const partnerCenter = await walk("partnerCenter", (since) =>
    mapAsync(scope.partnerCenter.listReferralsUpdatedSince(since), (referral) =>
      isMicrosoftSide(referral) ? null : referralJob(referral.id, referral.updatedDateTime),
    ),
  );
  return {
    jobs,
    opportunities: dataverse.done,
    referrals: partnerCenter.done,
    watermarks: { dataverse: dataverse.watermark, partnerCenter: partnerCenter.watermark },
    partnerCenterCalls: scope.calls.partnerCenter,
    dataverseCalls: scope.calls.dataverse,
  };
}

/** The watermark, or for a first run either everything (null) or "now" minus the overlap. */
function startingPoint(core: EngineCore, scope: SyncScope, watermark: string | null): string | null {
  if (watermark !== null || core.options.firstReconcile === "everything") return watermark;
  return new Date(scope.now.getTime() - core.options.reconcileOverlapMs).toISOString();
}

/** Never backwards; the newest change seen minus the overlap; the starting point of a first run that saw nothing. */
export function nextWatermark(
  previous: string | null,
  since: string | null,
  newest: number | null,
  overlapMs: number,
): string | null {
  const candidates = [previous, newest === null ? (previous === null ? since : null) : iso(newest - overlapMs)]
    .filter((value): value is string => value !== null)
    .map((value) => Date.parse(value))
    .filter((value) => !Number.isNaN(value));
  return candidates.length === 0 ? null : iso(Math.max(...candidates));
}

function changedAtOf(job: SyncJob): string {
  return job.kind === "dataverse-opportunity" ? job.operationCreatedOn : job.changedAt;
}

function iso(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

async function* mapAsync<T, U>(source: AsyncIterable<T>, map: (item: T) => U): AsyncIterable<U> {
  for await (const item of source) yield map(item);
}
