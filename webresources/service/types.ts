/**
 * The sync service's form API (/api/v1) as this form calls it. The answers' types are the contract in
 * core/api/formApi.ts, which the service sends; answers.ts checks them at run time.
 */

import type {
  OpportunitySyncStatus,
  ReferralDecisionResult,
  SyncRequestResult,
  SyncStatusName,
  ValidationReport,
} from "../../core";

export type {
  OpportunitySyncStatus,
  PendingWork,
  ReferralDecisionResult,
  ServiceErrorDetail as ServiceErrorBody,
  SyncProblem,
  SyncRequestResult,
  SyncStatusName,
  ValidationFinding,
  ValidationReport,
} from "../../core";

/**
 * The statuses the service answers with, in the order of the csb_syncstatus options they name (core's SyncStatus:
 * Not synced, Pending, Synced and Error are the prefix's values 0 to 3).
 */
export const SYNC_STATUS_NAMES: readonly SyncStatusName[] = ["Not synced", "Pending", "Synced", "Error"];

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
