/**
 * From a decoded webhook call to the job the queue stores. Only opportunities are synced (shared/DESIGN.md, "The
 * Dataverse plugin bridge"); changes the service made itself are marked as echoes (DESIGN.md: "the service never
 * re-syncs a change that it wrote itself"; dataverse.md §3.5, "Use a dedicated integration user and ignore events
 * whose InitiatingUserId/UserId is that user").
 */
import { opportunityTable } from "../../../core/dataverse/schema";
import type { DataverseChange, DataverseMessageName } from "./execution-context";

/** A change to one opportunity for the sync engine. Plain JSON, so a durable queue can store it as is. */
export interface OpportunitySyncJob {
  readonly kind: "dataverse-opportunity";
  readonly opportunityId: string;
  /** `opportunity:<id>`: jobs with the same key coalesce into one sync of the record. */
  readonly dedupeKey: string;
  /** Why the job exists, for logs and the audit line. */
  readonly reason: string;
  /** Written by the service's own integration user: the engine must not sync it back. */
  readonly echo: boolean;
  readonly messageName: DataverseMessageName;
  /** Logical names of the columns the Target carried, without the primary key and the modified* bookkeeping. */
  readonly changedColumns: readonly string[];
  /** The body was trimmed, so `changedColumns` is unknown (empty) and the record must be read. */
  readonly trimmed: boolean;
  readonly operationCreatedOn: string;
  readonly correlationId: string;
  readonly depth: number;
  readonly initiatingUserId: string;
  readonly userId: string;
  readonly requestId: string | null;
  readonly organization: string | null;
}

/** A change the service has nothing to do for. */
export interface IgnoredChange {
  readonly kind: "ignored";
  readonly reason: string;
}

/** What `toSyncJob` returns. */
export type SyncJobDecision = OpportunitySyncJob | IgnoredChange;

/** What the service knows about itself. */
export interface SyncJobSettings {
  /** The systemuser ids the service writes to Dataverse as (its application user, any impersonated integration user). */
  readonly integrationUserIds: readonly string[];
}

function normalizedGuid(id: string): string {
  return id
    .trim()
    .replace(/^\{|\}$/g, "")
    .toLowerCase();
}

/** The dedupe key of an opportunity: `opportunity:<lower-case id>`. */
export function opportunityDedupeKey(opportunityId: string): string {
  return `${opportunityTable.logicalName}:${normalizedGuid(opportunityId)}`;
}

/**
 * Decides what to enqueue for `change`: an OpportunitySyncJob for any message on an opportunity (the engine reads the
 * record and decides, Delete included), or `ignored` with the reason for other tables. A change initiated by, or run
 * as, one of `settings.integrationUserIds` is still returned as a job, with `echo: true`, so the queue can record it.
 */
export function toSyncJob(change: DataverseChange, settings: SyncJobSettings): SyncJobDecision {
  const what = `${change.messageName} of ${change.entityName} ${change.recordId}`;
  if (change.entityName !== opportunityTable.logicalName) {
    return { kind: "ignored", reason: `${what}: only ${opportunityTable.logicalName} changes are synced` };
  }
  const integrationUsers = new Set(settings.integrationUserIds.map(normalizedGuid));
  const echo = integrationUsers.has(change.initiatingUserId) || integrationUsers.has(change.userId);
  const changedColumns = Object.keys(change.changedAttributes).filter((name) => name !== opportunityTable.primaryKey);
  return {
    kind: "dataverse-opportunity",
    opportunityId: change.recordId,
    dedupeKey: opportunityDedupeKey(change.recordId),
    reason: echo ? `${what} was written by the service's integration user (echo)` : `${what} in Dataverse`,
    echo,
    messageName: change.messageName,
    changedColumns,
    trimmed: change.trimmed,
    operationCreatedOn: change.operationCreatedOn,
    correlationId: change.correlationId,
    depth: change.depth,
    initiatingUserId: change.initiatingUserId,
    userId: change.userId,
    requestId: change.requestId,
    organization: change.organization,
  };
}
