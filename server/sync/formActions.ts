/**
 * What the Opportunity form asks the service: the sync status panel (status, checkmark, referral, last error with
 * what to do, recent audit lines and sync records; the caller adds the queue's pending work) and a pre-flight
 * validation in a seller's words.
 */
import {
  SyncStatus,
  dealTypeOf,
  opportunityTable,
  readOpportunity,
  toFlag,
  toText,
  type DealType,
  type MappedField,
} from "../../core";
import { auditLinesOf, parseAuditLine, type AuditEntry } from "./audit";
import type { EngineCore } from "./engineCore";
import { readPairState } from "./linkState";
import { SyncError } from "./errors/syncError";
import type { OpportunityReading, SyncRecord } from "./ports";
import { normalizeId } from "./toPartnerCenter";
import { problemsForCreate, problemsForUpdate } from "./validation";

const columns = opportunityTable.cosellColumns;

export type SyncStatusName = "notSynced" | "pending" | "synced" | "error";

export interface SyncStatusView {
  readonly opportunityId: string;
  readonly syncWithPartnerCenter: boolean;
  readonly syncStatus: SyncStatusName;
  /** csb_syncstatus = Synced and csb_ShowCheckmark = Yes. */
  readonly checkmark: boolean;
  /** The linked referral, as last seen, is an inbound one waiting for the partner's answer. */
  readonly awaitingAnswer: boolean;
  readonly referralId: string | null;
  readonly referralLink: string | null;
  readonly microsoftCrmId: string | null;
  readonly lastSyncedOn: string | null;
  /** The newest error line while the status is Error or Pending. */
  readonly lastError: { readonly message: string; readonly whatToDo: string | null; readonly at: string | null } | null;
  /** Newest first. */
  readonly audit: readonly AuditEntry[];
  /** Newest first. */
  readonly recentSyncs: readonly SyncRecord[];
}

export interface ValidationView {
  readonly opportunityId: string;
  readonly valid: boolean;
  readonly dealType: DealType | null;
  readonly problems: readonly { readonly code: string; readonly field: MappedField | null; readonly message: string }[];
}

export async function status(core: EngineCore, opportunityId: string): Promise<SyncStatusView> {
  const id = normalizeId(opportunityId);
  const scope = core.newScope();
  const [reading, settings, recentSyncs, link] = await Promise.all([
    scope.dataverse.readOpportunity(id),
    core.settings.get(scope.dataverse),
    core.store.recentSyncs({ limit: core.options.statusHistory, opportunityId: id }),
    core.store.linkByOpportunity(id),
  ]);
  // The referral as Partner Center last returned it, kept with the link: no Partner Center call per status read.
  const referral = readPairState(link).referral?.value ?? null;
  const row = requireReading(reading, id).snapshot.opportunity;
  const syncStatus = statusName(row[columns.syncStatus]);
  const audit = auditLinesOf(row[columns.audit]).slice(0, core.options.statusHistory).map(parseAuditLine);
  const errorLine =
    syncStatus === "error" || syncStatus === "pending" ? audit.find((entry) => entry.whatToDo) : undefined;
  return {
    opportunityId: id,
    syncWithPartnerCenter: toFlag(row[columns.syncWithPartnerCenter]) === true,
    syncStatus,
    checkmark: syncStatus === "synced" && settings.showCheckmark,
    awaitingAnswer:
      referral !== null &&
      referral.direction === "Incoming" &&
      referral.status === "New" &&
      referral.substatus === "Pending",
    referralId: toText(row[columns.referralId]),
    referralLink: toText(row[columns.referralLink]),
    microsoftCrmId: toText(row[columns.microsoftCrmId]),
    lastSyncedOn: toText(row[columns.lastSyncedOn]),
    lastError:
      errorLine === undefined ? null : { message: errorLine.text, whatToDo: errorLine.whatToDo, at: errorLine.at },
    audit,
    recentSyncs,
  };
}

export async function validate(core: EngineCore, opportunityId: string): Promise<ValidationView> {
  const id = normalizeId(opportunityId);
  const scope = core.newScope();
  const [reading, settings, link] = await Promise.all([
    scope.dataverse.readOpportunity(id),
    core.settings.get(scope.dataverse),
    core.store.linkByOpportunity(id),
  ]);
  const { snapshot } = requireReading(reading, id);
  if (settings.mapping === null) {
    const problems = settings.mappingErrors.map((message) => ({ code: "mappingInvalid", field: null, message }));
    return { opportunityId: id, valid: false, dealType: null, problems };
  }
  const mapping = settings.mapping;
  const fields = readOpportunity(snapshot, mapping);
  const linked = (link?.referralId ?? toText(snapshot.opportunity[columns.referralId])) !== null;
  const closed = fields.outcome === "Won" || fields.outcome === "Lost";
  // For a linked deal every field counts as being sent: the form asks "is this deal fine?", not "is this save fine?".
  const problems = linked
    ? problemsForUpdate(snapshot, mapping, scope.now, Object.keys(mapping) as MappedField[], closed)
    : problemsForCreate(snapshot, mapping, scope.now);
  return {
    opportunityId: id,
    valid: problems.length === 0,
    dealType: dealTypeOf(fields.helpRequested, fields.sharedWithMicrosoft),
    problems: problems.map(({ code, field, message }) => ({ code, field, message })),
  };
}

function requireReading(reading: OpportunityReading | null, id: string): OpportunityReading {
  if (reading !== null) return reading;
  throw new SyncError("opportunityMissing", `Opportunity ${id} does not exist in Dynamics.`);
}

function statusName(value: unknown): SyncStatusName {
  switch (Number(value ?? SyncStatus.NotSynced)) {
    case SyncStatus.Pending:
      return "pending";
    case SyncStatus.Synced:
      return "synced";
    case SyncStatus.Error:
      return "error";
    default:
      return "notSynced";
  }
}
