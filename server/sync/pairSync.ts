/**
 * The heart of a sync: bring one opportunity and its referral together. core's three-way reconcile decides, field by
 * field, which side each difference goes to (the owner wins a conflict); core's toReferralPatch turns Partner Center's
 * half into a JSON Patch and refuses what Partner Center would refuse (closed referrals, un-sharing, reopening, Won
 * within 72 hours). The PATCH carries If-Match; a stale eTag (412, or 409 / 400 code 2055, partner-center.md §1.6)
 * means the referral changed, so it is read again and the plan made again, a bounded number of times.
 * Dynamics' half is returned to the caller, which writes it with the write-back.
 */
import {
  applyChanges,
  readOpportunity,
  readReferral,
  reconcile,
  toReferralPatch,
  type DealFields,
  type FieldChange,
  type FieldConflict,
  type FieldMapping,
  type JsonPatchOperation,
  type MappedField,
  type ReferralPatchOptions,
  type RefusedChange,
  type ValidationProblem,
} from "../../core";
import { ApiError } from "./apiError";
import { SyncError } from "./errors/syncError";
import { agreedFields } from "./linkState";
import type { OpportunityReading, VersionedReferral } from "./ports";
import type { SyncScope } from "./scope";
import { problemsForUpdate } from "./validation";

export interface PairInput {
  readonly mapping: FieldMapping;
  readonly reading: OpportunityReading;
  /** The deal both sides agreed on at the last sync; null before the first. */
  readonly base: DealFields | null;
  readonly referral: VersionedReferral;
  /** True when `referral` was just read from Partner Center, false when it is the copy stored at the last sync. */
  readonly confirmed: boolean;
  readonly maxConflictRetries: number;
}

export interface PairOutcome {
  readonly referral: VersionedReferral;
  /** Whether Partner Center confirmed `referral` during this sync (a GET, or a PATCH whose If-Match held). */
  readonly confirmed: boolean;
  readonly patched: boolean;
  /** Fields written to Partner Center. */
  readonly sent: readonly MappedField[];
  /** Changes to write to Dynamics. */
  readonly received: readonly FieldChange[];
  readonly refused: readonly RefusedChange[];
  readonly conflicts: readonly FieldConflict[];
  /** Validation problems that kept the changes from being sent. */
  readonly problems: readonly ValidationProblem[];
  /** The opportunity's deal as read, before Partner Center's changes are written. */
  readonly dataverse: DealFields;
  /** The referral's deal after the sync. */
  readonly partnerCenter: DealFields;
}

/**
 * The agreed deal to store once Dynamics has `applied` changes written, or null when Partner Center confirmed
 * nothing during the sync (then the stored referral and base stay as they were).
 */
export function baseAfter(
  pair: PairOutcome,
  previous: DealFields | null,
  applied: readonly FieldChange[],
  mapping: FieldMapping,
): DealFields | null {
  if (!pair.confirmed) return null;
  return agreedFields(previous, applyChanges(pair.dataverse, applied), pair.partnerCenter, mapping);
}

export async function syncPair(scope: SyncScope, input: PairInput): Promise<PairOutcome> {
  const { mapping, reading } = input;
  const dataverse = readOpportunity(reading.snapshot, mapping);
  const closed = dataverse.outcome === "Won" || dataverse.outcome === "Lost";
  let current = input.referral;
  let confirmed = input.confirmed;
  for (let attempt = 0; ; attempt += 1) {
    const partnerCenter = readReferral(current.value, mapping);
    const plan = reconcile({ base: input.base, dataverse, partnerCenter }, mapping);
    const patch = toReferralPatch(current.value, plan.toPartnerCenter, mapping, patchOptions(scope, reading));
    const refusedFields = new Set(patch.refused.map((refusal) => refusal.field));
    const sending = plan.toPartnerCenter.map((change) => change.field).filter((field) => !refusedFields.has(field));
    const problems =
      patch.operations.length === 0 ? [] : problemsForUpdate(reading.snapshot, mapping, scope.now, sending, closed);
    const finish = (referral: VersionedReferral, isConfirmed: boolean, patched: boolean): PairOutcome => ({
      referral,
      confirmed: isConfirmed,
      patched,
      sent: patched ? writtenFields(sending, patch.operations, mapping) : [],
      // Partner Center's half only counts when Partner Center confirmed it during this sync.
      received: isConfirmed ? plan.toDataverse : [],
      refused: patch.refused,
      conflicts: plan.conflicts,
      problems,
      dataverse,
      partnerCenter: readReferral(referral.value, mapping),
    });
    if (patch.operations.length === 0 || problems.length > 0) return finish(current, confirmed, false);
    try {
      const patched = await scope.partnerCenter.patchReferral(current.value.id, patch.operations, current.etag);
      return finish(patched, true, true);
    } catch (error) {
      if (!isStaleETag(error)) throw error;
      if (attempt >= input.maxConflictRetries) {
        throw new SyncError("concurrentChange", "The referral kept changing in Partner Center while it was updated.", {
          cause: error,
        });
      }
      const fresh = await scope.partnerCenter.getReferral(current.value.id);
      if (fresh === null) {
        throw new SyncError("referralMissing", `Referral ${current.value.id} no longer exists in Partner Center.`);
      }
      current = fresh;
      confirmed = true;
    }
  }
}

/** Partner Center's answers to an If-Match that is no longer current (partner-center.md §1.6, all three possible). */
export function isStaleETag(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.api !== "partnerCenter") return false;
  return error.status === 412 || error.status === 409 || (error.status === 400 && error.code === "2055");
}

/** The fields an operation actually wrote (a change core dropped, such as "Open" on an open referral, is not sent). */
function writtenFields(
  fields: readonly MappedField[],
  operations: readonly JsonPatchOperation[],
  mapping: FieldMapping,
): MappedField[] {
  // An append ("/customerProfile/team/-") writes the array itself; a parent object written whole holds the field.
  const written = operations.map((operation) => operation.path.replace(/\/-$/, ""));
  return fields.filter((field) => {
    const { kind, referralPath } = mapping[field];
    // core writes the outcome as status + substatus, and help codes as the whole of inviteContext's two members.
    const paths =
      kind === "outcome" ? ["/status", "/substatus"] : kind === "helpCodes" ? ["/inviteContext"] : [referralPath];
    return paths.some((target) =>
      written.some((done) => done === target || target.startsWith(`${done}/`) || done.startsWith(`${target}/`)),
    );
  });
}

function patchOptions(scope: SyncScope, reading: OpportunityReading): ReferralPatchOptions {
  const catalog = reading.snapshot.solutionCatalog;
  return catalog === undefined ? { now: scope.now } : { now: scope.now, solutionCatalog: catalog };
}
