/**
 * The answers of the sync service's form API (/api/v1, served with its OpenAPI document at /openapi.json): one
 * definition for the service that sends them and the Co-sell panel and web resources that read them. Plain JSON data;
 * dates are ISO 8601 UTC strings.
 */

/** The four values of csb_syncstatus (shared/DESIGN.md, "Dataverse schema"). */
export type SyncStatusName = "Not synced" | "Pending" | "Synced" | "Error";

/** The last thing that went wrong with an opportunity's sync, and what the seller or admin should do about it. */
export interface SyncProblem {
  readonly at: string;
  readonly message: string;
  readonly whatToDo: string;
}

/** One line of the opportunity's audit (csb_audit). */
export interface AuditEntry {
  readonly at: string;
  readonly text: string;
  /** The csb_audit line as the service wrote it: time, direction, text and any advice. */
  readonly line: string;
}

/** A job that is waiting or running for the opportunity. */
export interface PendingWork {
  readonly jobId: string;
  readonly state: "queued" | "running" | "retrying";
  /** Why the job exists, e.g. "Update of opportunity … in Dataverse". */
  readonly reason: string;
  readonly queuedAt: string;
  /** Attempts made so far (0 before the first). */
  readonly attempts: number;
  /** When a retrying job runs next, else null. */
  readonly nextAttemptAt: string | null;
}

/** Everything the Co-sell panel shows about one opportunity. */
export interface OpportunitySyncStatus {
  readonly opportunityId: string;
  readonly status: SyncStatusName;
  /** Whether the form shows the "synced with Partner Center" checkmark (csb_ShowCheckmark and a healthy link). */
  readonly checkmark: boolean;
  /**
   * The referral is one Microsoft shared with the partner (Incoming) that the partner has not accepted or declined
   * yet (New, Pending), as the service last saw it: the form offers Accept and Decline only then.
   */
  readonly awaitingAnswer: boolean;
  readonly referralId: string | null;
  readonly referralLink: string | null;
  readonly lastSyncedAt: string | null;
  readonly lastError: SyncProblem | null;
  /** Newest first. */
  readonly audit: readonly AuditEntry[];
  readonly pending: readonly PendingWork[];
}

/** What "Sync now" did. */
export interface SyncRequestResult {
  readonly jobId: string | null;
  readonly coalesced: boolean;
}

/** One problem Partner Center would find in the referral the opportunity would become. */
export interface ValidationFinding {
  /** Stable code, e.g. "customerNameMissing" (core ValidationCode). */
  readonly code: string;
  /** The mapped field to point the seller at, e.g. "customerName". */
  readonly field: string;
  /** What is wrong and how to fix it, in the seller's words. */
  readonly message: string;
}

/** The result of validating an opportunity without syncing it. */
export interface ValidationReport {
  readonly opportunityId: string;
  readonly valid: boolean;
  readonly problems: readonly ValidationFinding[];
}

/** The referral after an accept or decline. */
export interface ReferralDecisionResult {
  readonly referralId: string;
  /** Referrals API status and substatus after the change, e.g. "Active" / "Accepted". */
  readonly status: string;
  readonly substatus: string;
  /** The opportunity linked to the referral, if any (created on accept when there was none). */
  readonly opportunityId: string | null;
}

/** The one error body of every route: `{ "error": { "code", "message", "whatToDo" } }`. */
export interface ServiceErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly whatToDo: string;
}
