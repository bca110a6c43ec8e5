/**
 * The JSON the admin API sends. Plain data with no imports, so that the operator page's browser code
 * (server/http/operator/browser) reads the very types the routes send without pulling Node code into its program.
 * Dates are ISO 8601 UTC strings.
 */

/** A job that failed for good (or was parked) and waits for a person. */
export interface ProblemJob {
  readonly id: string;
  /** The job's kind, e.g. "dataverse-opportunity", "partner-center-referral", "reconcile". */
  readonly kind: string;
  /** The record it is about, e.g. "opportunity:6d81…", or null. */
  readonly dedupeKey: string | null;
  readonly reason: string;
  readonly attempts: number;
  readonly failedAt: string;
  /** The last error, without secrets. */
  readonly lastError: string;
  readonly whatToDo: string;
}

/** Jobs in the queue by state. */
export interface QueueDepth {
  readonly queued: number;
  readonly running: number;
  readonly retrying: number;
  /** Failed for good, waiting for a retry by an admin. */
  readonly failed: number;
  readonly oldestQueuedAt: string | null;
}

/** Which way a sync went: Dynamics to Partner Center, or back. */
export type SyncDirection = "toPartnerCenter" | "toDataverse";

/** What a finished sync did (server/sync/ports.ts SyncRecord). */
export type SyncOutcome = "created" | "updated" | "unchanged" | "echo" | "skipped" | "invalid" | "failed";

/** Every outcome, in the order the overview lists them. */
export const SYNC_OUTCOMES: readonly SyncOutcome[] = [
  "created",
  "updated",
  "unchanged",
  "echo",
  "skipped",
  "invalid",
  "failed",
];

/** How many of the newest syncs GET /admin/overview summarizes; the page's chart plots as many. */
export const OVERVIEW_WINDOW = 200;

/** One finished sync, as GET /admin/syncs/recent lists it. */
export interface RecentSync {
  readonly direction: SyncDirection;
  readonly outcome: SyncOutcome;
  readonly opportunityId: string | null;
  readonly referralId: string | null;
  /** What happened, in words a seller understands; never contains a secret. */
  readonly summary: string;
  /** When the change that caused the sync was made in the other system, or null when unknown. */
  readonly changedAt: string | null;
  readonly finishedAt: string;
  /** finishedAt − changedAt; null when changedAt is unknown (or later than finishedAt: the clocks disagree). */
  readonly latencyMs: number | null;
  readonly partnerCenterCalls: number;
  readonly dataverseCalls: number;
}

/** Latency over the syncs whose change time is known; null figures when there is none. */
export interface LatencySummary {
  /** How many syncs the figures cover. */
  readonly count: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly max: number | null;
}

/** The newest syncs, counted and summarized. */
export interface RecentSyncSummary {
  /** The most syncs the summary looks at: the newest ones, whatever their age. */
  readonly window: number;
  /** How many it found (fewer than `window` on a young service). */
  readonly count: number;
  /** finishedAt of the oldest and the newest of them, or null when there are none. */
  readonly oldestAt: string | null;
  readonly newestAt: string | null;
  readonly outcomes: Readonly<Record<SyncOutcome, number>>;
  readonly directions: Readonly<Record<SyncDirection, number>>;
  /** In milliseconds. */
  readonly latencyMs: LatencySummary;
}

/** GET /admin/overview: what an operator needs at a glance. */
export interface OperationsOverview {
  readonly generatedAt: string;
  /** When this replica of the service started. */
  readonly startedAt: string;
  readonly queue: QueueDepth;
  readonly recent: RecentSyncSummary;
}
