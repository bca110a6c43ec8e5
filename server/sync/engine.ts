/**
 * The two-way sync engine of Co-sell Bridge: what replaces the original connector's nine Power Automate flows.
 * Queue-free and HTTP-free: the queue calls syncOpportunity/syncReferral with the intakes' jobs (a thrown SyncError's
 * RetryHint says whether to retry), the scheduler calls reconcile and refreshSolutions, and the form API calls the
 * form actions. Everything outside goes through the ports (ports.ts).
 */
import type { OpportunitySyncJob } from "../intake/dataverse";
import type { PartnerCenterReferralJob } from "../intake/partnerCenter";
import { EngineCore } from "./engineCore";
import { status, validate, type SyncStatusView, type ValidationView } from "./formActions";
import { reportGaveUp } from "./gaveUp";
import { opportunityJob, type SyncJob } from "./jobs";
import type { SyncRecord } from "./ports";
import { reconcile, type ReconcileOptions, type ReconcileResult } from "./reconcile";
import { acceptReferral, declineReferral, type ReferralActionResult } from "./referralActions";
import { refreshSolutions, type SolutionRefresh } from "./solutions";
import { syncReferral } from "./toDataverse";
import { normalizeId, syncOpportunity } from "./toPartnerCenter";
import type { SyncSettings } from "./settings";
import type { SyncEngineDependencies } from "./types";

export interface SyncEngine {
  /** Opportunity → referral for a Dataverse webhook's (or reconcile's) job. @throws SyncError (a RetryHint). */
  syncOpportunity(job: OpportunitySyncJob): Promise<SyncRecord>;
  /** Referral → opportunity for a Partner Center event's (or reconcile's) job. @throws SyncError (a RetryHint). */
  syncReferral(job: PartnerCenterReferralJob): Promise<SyncRecord>;
  /**
   * For the queue when it parks a job: after the last retry of a temporary failure the row says Error with what to
   * do (it said Pending). For a permanent failure (retryable: false) it does nothing: the sync already reported it.
   * Never throws.
   */
  reportGaveUp(job: SyncJob, error: unknown): Promise<void>;
  /** The jobs that heal missed webhooks since the watermarks (or everything, for a backfill); advances watermarks. */
  reconcile(options?: ReconcileOptions): Promise<ReconcileResult>;
  /** Copies the partner's co-sell solutions from Partner Center into csb_partnercentersolution. */
  refreshSolutions(): Promise<SolutionRefresh>;
  /** The form's sync-status panel, without the queue's pending work (the caller adds it). @throws SyncError 404. */
  status(opportunityId: string): Promise<SyncStatusView>;
  /** core's validation of the opportunity, in a seller's words. @throws SyncError 404. */
  validate(opportunityId: string): Promise<ValidationView>;
  /** Accepts an inbound referral. @throws SyncError invalidTransition (409) when it can't be accepted. */
  acceptReferral(referralId: string): Promise<ReferralActionResult>;
  /** Declines an inbound referral and closes its opportunity as Lost. @throws SyncError invalidTransition (409). */
  declineReferral(referralId: string, reason?: string | null): Promise<ReferralActionResult>;
  /** The job for the form's "Sync now": enqueue it (it then coalesces with pending work for the same record). */
  syncNow(opportunityId: string): OpportunitySyncJob;
  /** The admin's settings (cached for settingsTtlMs). */
  settings(): Promise<SyncSettings>;
  /** Forget the cached settings, e.g. after a deployment changed an environment variable. */
  invalidateSettings(): void;
}

export function createSyncEngine(dependencies: SyncEngineDependencies): SyncEngine {
  const core = new EngineCore(dependencies);
  return {
    syncOpportunity: (job) => syncOpportunity(core, job),
    syncReferral: (job) => syncReferral(core, job),
    reportGaveUp: (job, error) => reportGaveUp(core, job, error),
    reconcile: (options) => reconcile(core, options),
    refreshSolutions: () => refreshSolutions(core),
    status: (opportunityId) => status(core, opportunityId),
    validate: (opportunityId) => validate(core, opportunityId),
    acceptReferral: (referralId) => acceptReferral(core, referralId),
    declineReferral: (referralId, reason) => declineReferral(core, referralId, reason ?? null),
    syncNow: (opportunityId) =>
      opportunityJob(normalizeId(opportunityId), "Sync now from the opportunity form", core.now().toISOString()),
    settings: () => core.settings.get(core.dataverse),
    invalidateSettings: () => {
      core.settings.invalidate();
    },
  };
}
