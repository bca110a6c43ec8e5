/**
 * The sync service's form API (/api/v1) as this form calls it. The answers' types are the contract in
 * core/api/formApi.ts, which the service sends; answers.ts checks them at run time.
 */

import type { OpportunitySyncStatus, ReferralDecisionResult, SyncRequestResult, ValidationReport } from "../../core";

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
