/**
 * The answers of the sync service's form API (/api/v1), as this form reads them. The service owns the contract
 * (server/http/services.ts, served as /openapi.json); web resources may not import server code, so the shapes the form
 * relies on are restated here and checked at run time by answers.ts.
 */

/** The four values of csb_syncstatus as the service names them. */
export type SyncStatusName = "Not synced" | "Pending" | "Synced" | "Error";

/** The last thing that went wrong with the opportunity's sync. */
export interface SyncProblem {
  readonly at: string;
  readonly message: string;
  readonly whatToDo: string;
}

/** A job waiting or running for the opportunity. */
export interface PendingWork {
  readonly jobId: string;
  readonly state: string;
  readonly nextAttemptAt: string | null;
}

/** GET /opportunities/{id}/sync-status */
export interface OpportunitySyncStatus {
  readonly opportunityId: string;
  readonly status: SyncStatusName;
  /** Whether the checkmark shows (csb_ShowCheckmark and a healthy link), decided by the service. */
  readonly checkmark: boolean;
  readonly referralId: string | null;
  readonly referralLink: string | null;
  readonly lastSyncedAt: string | null;
  readonly lastError: SyncProblem | null;
  readonly pending: readonly PendingWork[];
}

/** POST /opportunities/{id}/sync (202) */
export interface SyncRequestResult {
  readonly jobId: string | null;
  readonly coalesced: boolean;
}

/** One problem Partner Center would find. */
export interface ValidationFinding {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

/** POST /opportunities/{id}/validate */
export interface ValidationReport {
  readonly opportunityId: string;
  readonly valid: boolean;
  readonly problems: readonly ValidationFinding[];
}

/** POST /referrals/{id}/accept and /decline */
export interface ReferralDecisionResult {
  readonly referralId: string;
  readonly status: string;
  readonly substatus: string;
  readonly opportunityId: string | null;
}

/** The one error shape of every route: `{ "error": { "code", "message", "whatToDo" } }`. */
export interface ServiceErrorBody {
  readonly code: string;
  readonly message: string;
  readonly whatToDo: string;
}

/** What the form calls. Every method rejects with a SyncServiceError. */
export interface SyncService {
  status(opportunityId: string): Promise<OpportunitySyncStatus>;
  syncNow(opportunityId: string): Promise<SyncRequestResult>;
  validate(opportunityId: string): Promise<ValidationReport>;
  accept(referralId: string): Promise<ReferralDecisionResult>;
  decline(referralId: string, reason: string | null): Promise<ReferralDecisionResult>;
}

/** Whether the service still has work to do for the opportunity. */
export function isSyncPending(status: OpportunitySyncStatus): boolean {
  return status.status === "Pending" || status.pending.length > 0;
}
