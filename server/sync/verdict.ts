/**
 * What a finished pair sync means for the seller: the SyncRecord outcome, csb_syncstatus, and the one audit line that
 * names the fields sent and received (never their values). Changes Partner Center refuses are reported, not retried:
 * on a closed referral that is simply how Partner Center works (the row stays Synced); un-sharing, reopening or Won
 * within 72 hours is something the seller can undo or wait for, so the row says Error with what to do.
 */
import {
  SyncStatus,
  isTerminal,
  opportunityTable,
  type DataverseRow,
  type FieldMapping,
  type MappedField,
  type Referral,
  type RefusedChange,
} from "../../core";
import { whatToDoCatalogue, type WhatToDoCode } from "./errors/catalogue";
import type { PairOutcome } from "./pairSync";
import type { DataverseWrites } from "./dataverseWrites";
import { describeProblems } from "./validation";

export interface Verdict {
  readonly outcome: "updated" | "unchanged" | "invalid";
  readonly status: SyncStatus;
  /** The audit line's text, or null when there is nothing worth a line. */
  readonly text: string | null;
  readonly whatToDo?: string;
}

export function pairVerdict(
  pair: PairOutcome,
  writes: DataverseWrites,
  mapping: FieldMapping,
  row: DataverseRow,
): Verdict {
  const referral = pair.referral.value;
  const parts: string[] = [];
  const labels = (fields: readonly MappedField[]) => fields.map((field) => mapping[field].label).join(", ");
  if (pair.sent.length > 0) parts.push(`sent ${labels(pair.sent)}`);
  if (writes.applied.length > 0) parts.push(`received ${labels(writes.applied.map((change) => change.field))}`);
  for (const winner of ["dataverse", "partnerCenter"] as const) {
    const fields = pair.conflicts.filter((conflict) => conflict.winner === winner).map((conflict) => conflict.field);
    const side = winner === "dataverse" ? "Dynamics" : "Partner Center";
    if (fields.length > 0) parts.push(`both sides changed ${labels(fields)}; kept ${side}'s value`);
  }
  parts.push(...writes.notes);
  let advice: WhatToDoCode | null = null;
  if (pair.problems.length > 0) {
    parts.push(describeProblems(pair.problems));
    advice = "opportunityInvalid";
  }
  for (const refusal of pair.refused) {
    parts.push(`Partner Center can't take ${mapping[refusal.field].label}: ${refusal.reason}`);
    advice ??= refusalAdvice(refusal, referral);
  }

  const changed = pair.sent.length > 0 || writes.applied.length > 0;
  const failing = advice !== null && advice !== "referralClosed";
  const status = failing ? SyncStatus.Error : SyncStatus.Synced;
  const outcome = changed ? "updated" : pair.problems.length > 0 ? "invalid" : "unchanged";
  const text = parts.length > 0 ? `Referral ${referral.id}: ${parts.join("; ")}.` : quietText(referral.id, row, status);
  return failing && advice !== null
    ? { outcome, status, text, whatToDo: whatToDoCatalogue[advice].whatToDo }
    : { outcome, status, text };
}

/** Which catalogue entry explains a refusal from core's toReferralPatch. */
export function refusalAdvice(refusal: RefusedChange, referral: Referral): WhatToDoCode {
  if (isTerminal(referral)) return "referralClosed";
  if (refusal.field === "sharedWithMicrosoft") return "unshareRefused";
  if (refusal.field === "outcome" && refusal.reason.includes("72 hours")) return "wonTooSoon";
  return "transitionRefused";
}

/** A line for a sync that changed nothing, only when the row needs to hear about the link or a recovery. */
function quietText(referralId: string, row: DataverseRow, status: SyncStatus): string | null {
  const columns = opportunityTable.cosellColumns;
  if (row[columns.referralId] !== referralId) return `Linked to referral ${referralId} in Partner Center.`;
  const current = row[columns.syncStatus] ?? SyncStatus.NotSynced;
  if (Number(current) !== status) return `Referral ${referralId}: in sync again.`;
  return null;
}
