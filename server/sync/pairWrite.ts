/**
 * The last steps every pair sync shares, in the order that keeps a crash harmless: Partner Center first (syncPair),
 * then Dynamics (write-back with Partner Center's changes, then Win/Lose), and only then the link. A crash before
 * the link is saved leaves the old base and eTag, so the retry's PATCH meets a 412, reads the referral again and
 * finds both sides already equal.
 */
import type { FieldMapping } from "../../core";
import { prepareDataverseWrites } from "./dataverseWrites";
import type { EngineCore } from "./engineCore";
import { linkAfterReferral, readPairState } from "./linkState";
import { baseAfter, syncPair } from "./pairSync";
import type { OpportunityReading, SyncLink, VersionedReferral } from "./ports";
import type { FailureSite, JobOutcome, SyncDirection } from "./runJob";
import type { SyncScope } from "./scope";
import { pairVerdict } from "./verdict";
import { writeBackTo } from "./writeBack";

export interface ApplyPairInput {
  readonly reading: OpportunityReading;
  readonly mapping: FieldMapping;
  readonly link: SyncLink | null;
  readonly referral: VersionedReferral;
  /** True when `referral` was just read from Partner Center. */
  readonly confirmed: boolean;
  readonly direction: SyncDirection;
  /** Said first in the audit line, e.g. that an earlier attempt's referral was found. */
  readonly prefix?: string;
  /** Reported instead of updated/unchanged, e.g. "created" when an earlier attempt's referral is adopted. */
  readonly outcome?: "created";
}

export async function applyPair(
  core: EngineCore,
  scope: SyncScope,
  site: FailureSite,
  input: ApplyPairInput,
): Promise<JobOutcome> {
  const { reading, mapping } = input;
  const state = readPairState(input.link);
  const pair = await syncPair(scope, {
    mapping,
    reading,
    base: state.fields,
    referral: input.referral,
    confirmed: input.confirmed,
    maxConflictRetries: core.options.maxConflictRetries,
  });
  const referralId = pair.referral.value.id;
  site.referralId = referralId;
  const writes = await prepareDataverseWrites(scope, reading, pair.received, mapping, pair.referral.value);
  const verdict = pairVerdict(pair, writes, mapping, reading.snapshot.opportunity);
  const text = input.prefix === undefined ? verdict.text : `${input.prefix} ${verdict.text ?? ""}`.trim();
  await writeBackTo(
    scope,
    reading,
    {
      direction: input.direction,
      status: verdict.status,
      text,
      ...(verdict.whatToDo === undefined ? {} : { whatToDo: verdict.whatToDo }),
      referralId,
      synced: verdict.outcome === "updated" || input.outcome === "created",
      values: writes.values,
    },
    core.writeBackContext(scope),
  );
  if (writes.close !== null) await scope.dataverse.closeOpportunity(reading.id, writes.close);
  const base = baseAfter(pair, state.fields, writes.applied, mapping);
  if (base !== null) {
    await core.store.saveLink(linkAfterReferral(reading.id, input.link, pair.referral, base, scope.nowIso));
  }
  return {
    outcome: input.outcome ?? verdict.outcome,
    summary: text ?? `Referral ${referralId}: already in sync.`,
    opportunityId: reading.id,
    referralId,
  };
}
