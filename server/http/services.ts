/**
 * The contract between the HTTP layer and the rest of the service: what the routes call, and the plain data they
 * get back and send as JSON. The queue and the sync engine implement these; the routes know nothing else about them.
 * Dates are ISO 8601 UTC strings; ids are lower-case GUIDs where the platform uses GUIDs.
 */
import type { OpportunitySyncStatus, ReferralDecisionResult, SyncRequestResult, ValidationReport } from "../../core";
import type { OpportunitySyncJob } from "../intake/dataverse";
import type { PartnerCenterReferralJob } from "../intake/partnerCenter";
import type { OperationsOverview, ProblemJob, QueueDepth, RecentSync } from "./operations/adminViews";

// ---- Intake ---------------------------------------------------------------------------------------------------

/** What a webhook turns into. Plain JSON, so a durable queue can store it as is. */
export type IntakeJob = OpportunitySyncJob | PartnerCenterReferralJob;

/** What the queue did with a job. */
export interface EnqueueResult {
  /** The id of the job that will do the work (the waiting one when coalesced); null if the queue cannot say. */
  readonly id: string | null;
  /** True when a job with the same `dedupeKey` was already waiting and this change was folded into it. */
  readonly coalesced: boolean;
}

/** The durable job queue, as the webhooks use it. */
export interface IntakeQueue {
  /**
   * Stores `job` durably before resolving: the webhook is acknowledged only afterwards. Rejects when the job could
   * not be stored (database down); the webhook then answers 503 so the sender retries.
   */
  enqueue(job: IntakeJob): Promise<EnqueueResult>;
}

/** Who the service writes to Dataverse as: a change made by one of these users is the service's own echo. */
export interface IntegrationUsers {
  /**
   * The systemuser ids (lower-case GUIDs) of the service's application user and any integration user it impersonates.
   * Called for every Dataverse webhook, so cache it (e.g. WhoAmI once at start). Rejects when they are not known yet;
   * the webhook then answers 503 rather than risk syncing an echo.
   */
  ids(): Promise<readonly string[]>;
}

// ---- Form API ---------------------------------------------------------------------------------------------------

/** Who called the form API, from the verified bearer token; for audit lines ("Sync requested by …"). */
export interface Caller {
  /** The token's `oid` (Azure AD object id) if present, else its `sub`. */
  readonly id: string;
  /** A display name (`name`, else `preferred_username`), or null. */
  readonly name: string | null;
  /** The token's app roles (`roles` claim). */
  readonly roles: readonly string[];
}

// The form API's answers are shared with the panel and the web resources, so core holds them (core/api/formApi.ts).
export type * from "../../core/api/formApi";

/** What the Opportunity form calls. Expected refusals are thrown as ServiceRefusal. */
export interface FormService {
  status(opportunityId: string): Promise<OpportunitySyncStatus>;
  /** Queues a sync of the opportunity now. */
  syncNow(opportunityId: string, caller: Caller): Promise<SyncRequestResult>;
  /** Reads and validates the opportunity as a sync would, without writing anything. */
  validate(opportunityId: string): Promise<ValidationReport>;
  /** Accepts an inbound referral in Partner Center. */
  accept(referralId: string, caller: Caller): Promise<ReferralDecisionResult>;
  /** Declines an inbound referral; `reason` is the seller's note, or null. */
  decline(referralId: string, reason: string | null, caller: Caller): Promise<ReferralDecisionResult>;
}

// ---- Operations ---------------------------------------------------------------------------------------------------

/** The dependencies /readyz checks. */
export type DependencyName = "database" | "dataverse" | "partnerCenter";

/** Resolves when the dependency answers; rejects saying what is wrong. Should stop when `signal` aborts. */
export type ReadinessProbe = (signal: AbortSignal) => Promise<void>;

// The admin API's answers are plain data the operator page reads too, so they live in a file without imports.
export type * from "./operations/adminViews";

/** What the operations endpoints and the admin API call. */
export interface OperationsService {
  /** One probe per dependency; the HTTP layer runs them concurrently, each with a timeout. */
  readonly readinessProbes: Readonly<Record<DependencyName, ReadinessProbe>>;
  /** Failed jobs, newest first, at most `limit`. */
  problems(options: { readonly limit: number }): Promise<readonly ProblemJob[]>;
  /** Runs a failed job again; ServiceRefusal "not-found" for an unknown id, "conflict" for a job that did not fail. */
  retry(jobId: string): Promise<{ readonly jobId: string }>;
  /** Runs every failed job again. */
  retryAll(): Promise<{ readonly retried: number }>;
  depth(): Promise<QueueDepth>;
  /** The newest finished syncs, newest first, at most `limit`, each with its latency. */
  recentSyncs(options: { readonly limit: number }): Promise<readonly RecentSync[]>;
  /** The queue's depth and a summary of the newest syncs, for the operator page. */
  overview(): Promise<OperationsOverview>;
}

/** Everything the routes call. */
export interface HttpServices {
  readonly queue: IntakeQueue;
  readonly integrationUsers: IntegrationUsers;
  readonly form: FormService;
  readonly operations: OperationsService;
}

export { ServiceRefusal, type RefusalKind } from "./serviceRefusal";
