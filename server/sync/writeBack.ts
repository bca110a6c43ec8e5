/**
 * After every sync, what Dynamics shows about it: referral id and link, csb_syncstatus, csb_lastsyncedon and one
 * audit line, plus the mapped values Partner Center changed, in one PATCH as the service's application user (so its
 * webhook comes back marked as an echo). Nothing is written when nothing would change: re-writing unchanged values
 * still fires update events (dataverse.md §4.2) and would wake the reconciler for nothing.
 */
import { SyncStatus, opportunityTable, referralLinkOf, type DataverseRow } from "../../core";
import { ApiError } from "./apiError";
import { formatAuditLine, prependAuditLine, repeatsNewestLine, type AuditDirection } from "./audit";
import { SyncError } from "./errors/syncError";
import type { OpportunityReading } from "./ports";
import type { SyncScope } from "./scope";

const columns = opportunityTable.cosellColumns;

export interface WriteBack {
  readonly direction: AuditDirection;
  readonly status: SyncStatus;
  /** What happened, for the audit line (without time and direction); null writes no line. */
  readonly text: string | null;
  /** Appended to the line for errors. */
  readonly whatToDo?: string;
  /** Writes csb_referralid and csb_referrallink when given. */
  readonly referralId?: string | null;
  /** Stamps csb_lastsyncedon (also stamped whenever the row becomes Synced or gets its referral). */
  readonly synced?: boolean;
  /** Mapped columns to write too (changes that came from Partner Center). */
  readonly values?: Readonly<Record<string, unknown>>;
}

export interface WriteBackContext {
  readonly now: Date;
  readonly auditMaxLength: number;
  readonly referralLinkTemplate: string | undefined;
}

/** The columns to PATCH, or null when the row already says all of it. */
export function writeBackValues(
  row: DataverseRow,
  writeBack: WriteBack,
  context: WriteBackContext,
): Record<string, unknown> | null {
  const values: Record<string, unknown> = { ...writeBack.values };
  const referralId = writeBack.referralId ?? null;
  if (referralId !== null) {
    const link = referralLinkOf(referralId, context.referralLinkTemplate);
    if (row[columns.referralId] !== referralId) values[columns.referralId] = referralId;
    if (row[columns.referralLink] !== link) values[columns.referralLink] = link;
  }
  const currentStatus = row[columns.syncStatus] ?? SyncStatus.NotSynced;
  if (Number(currentStatus) !== writeBack.status) values[columns.syncStatus] = writeBack.status;
  if (writeBack.text !== null) {
    const line = formatAuditLine(context.now, writeBack.direction, writeBack.text, writeBack.whatToDo);
    const somethingElse = Object.keys(values).length > 0;
    if (somethingElse || !repeatsNewestLine(row[columns.audit], line)) {
      values[columns.audit] = prependAuditLine(row[columns.audit], line, context.auditMaxLength);
    }
  }
  // A sync that only links the referral or turns the status to Synced (a retry after a crash, say) is a sync too, and a
  // Synced row must never say "last synced: never".
  const linkedOrSynced =
    writeBack.status === SyncStatus.Synced &&
    (columns.referralId in values ||
      columns.syncStatus in values ||
      row[columns.lastSyncedOn] === null ||
      row[columns.lastSyncedOn] === undefined);
  if (writeBack.synced === true || linkedOrSynced) values[columns.lastSyncedOn] = context.now.toISOString();
  if (Object.keys(values).length === 0) return null;
  return values;
}

/**
 * Writes the write-back with If-Match of the row we read, so the audit line is prepended to the column as it is and
 * no seller edit made meanwhile is overwritten; a 412 makes the whole sync retry on a fresh read.
 * @returns whether anything was written.
 */
export async function writeBackTo(
  scope: SyncScope,
  reading: OpportunityReading,
  writeBack: WriteBack,
  context: WriteBackContext,
): Promise<boolean> {
  const values = writeBackValues(reading.snapshot.opportunity, writeBack, context);
  if (values === null) return false;
  try {
    await scope.dataverse.updateOpportunity(reading.id, values, { ifMatch: reading.etag });
  } catch (error) {
    if (error instanceof ApiError && error.api === "dataverse" && error.status === 412) {
      throw new SyncError("concurrentChange", "The opportunity changed in Dynamics while it was being synced.", {
        cause: error,
        retryAfterMs: 1_000,
      });
    }
    throw error;
  }
  return true;
}
