/**
 * Every kind of job the service's queue holds: the sync jobs of the two webhooks (and of reconcile, backfill and
 * "Sync now"), plus the scheduler's own. How a waiting job absorbs a new change for the same record is decided here.
 */
import type { OpportunitySyncJob } from "../intake/dataverse";
import type { PartnerCenterReferralJob } from "../intake/partnerCenter";
import type { SyncJob } from "../sync";

/** Walk both sides for changes since the watermarks and enqueue what they find (one at a time across replicas). */
export interface ReconcileJob {
  readonly kind: "reconcile";
  readonly dedupeKey: "reconcile";
}

/** Copy the partner's co-sell solutions from Partner Center into csb_partnercentersolution. */
export interface RefreshSolutionsJob {
  readonly kind: "refresh-solutions";
  readonly dedupeKey: "refresh-solutions";
}

export type ServiceJob = SyncJob | ReconcileJob | RefreshSolutionsJob;

export const reconcileJob: ReconcileJob = { kind: "reconcile", dedupeKey: "reconcile" };
export const refreshSolutionsJob: RefreshSolutionsJob = { kind: "refresh-solutions", dedupeKey: "refresh-solutions" };

const kinds = new Set<ServiceJob["kind"]>([
  "dataverse-opportunity",
  "partner-center-referral",
  "reconcile",
  "refresh-solutions",
]);

/** Stored JSON back into a job; a row that is not one of ours is refused by name (it is then parked, not lost). */
export function readServiceJob(data: unknown): ServiceJob {
  const fields = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const { kind, dedupeKey } = fields;
  if (typeof kind !== "string" || !kinds.has(kind as ServiceJob["kind"]) || typeof dedupeKey !== "string") {
    throw new Error(`not a Co-sell Bridge job: kind ${JSON.stringify(kind)}, dedupeKey ${JSON.stringify(dedupeKey)}`);
  }
  if (kind === "dataverse-opportunity" && typeof fields.opportunityId !== "string") {
    throw new Error("a dataverse-opportunity job needs an opportunityId");
  }
  if (kind === "partner-center-referral" && typeof fields.referralId !== "string") {
    throw new Error("a partner-center-referral job needs a referralId");
  }
  return data as ServiceJob;
}

function earlier(left: string, right: string): string {
  return Date.parse(right) < Date.parse(left) ? right : left;
}

function later(left: string, right: string): string {
  return Date.parse(right) > Date.parse(left) ? right : left;
}

function mergeOpportunityJobs(waiting: OpportunitySyncJob, incoming: OpportunitySyncJob): OpportunitySyncJob {
  return {
    ...incoming,
    // The earliest change is the one whose latency the sync will end; any real change makes the job real.
    operationCreatedOn: earlier(waiting.operationCreatedOn, incoming.operationCreatedOn),
    echo: waiting.echo && incoming.echo,
    trimmed: waiting.trimmed || incoming.trimmed,
    changedColumns: [...new Set([...waiting.changedColumns, ...incoming.changedColumns])].sort(),
    messageName: waiting.messageName === "Create" ? "Create" : incoming.messageName,
  };
}

function mergeReferralJobs(waiting: PartnerCenterReferralJob, incoming: PartnerCenterReferralJob) {
  // The NEWEST change time decides whether an event is our own echo (server/sync toDataverse): keeping an older one
  // could make a real change look like the echo of our last write.
  return { ...incoming, changedAt: later(waiting.changedAt, incoming.changedAt) };
}

/** How a waiting job absorbs a new change for the same record. */
export function coalesceServiceJobs(waiting: ServiceJob, incoming: ServiceJob): ServiceJob {
  if (waiting.kind === "dataverse-opportunity" && incoming.kind === "dataverse-opportunity") {
    return mergeOpportunityJobs(waiting, incoming);
  }
  if (waiting.kind === "partner-center-referral" && incoming.kind === "partner-center-referral") {
    return mergeReferralJobs(waiting, incoming);
  }
  return incoming;
}
