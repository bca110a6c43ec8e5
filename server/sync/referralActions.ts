/**
 * Accept and decline, from the form: the seller answers an inbound referral without opening Partner Center. The
 * move is checked with core's transitions first (an invalid one is a 409-style SyncError with the reason), sent as
 * a PATCH of status and substatus with If-Match, and the opportunity is brought along at once (a declined referral
 * closes it as Lost through LoseOpportunity).
 */
import {
  checkTransition,
  type JsonPatchOperation,
  type ReferralState,
  type ReferralStatus,
  type ReferralSubstatus,
} from "../../core";
import type { EngineCore } from "./engineCore";
import { SyncError } from "./errors/syncError";
import { isStaleETag } from "./pairSync";
import { applyPair } from "./pairWrite";
import type { SyncRecord, VersionedReferral } from "./ports";
import { runJob, type FailureSite, type JobOutcome } from "./runJob";
import type { SyncScope } from "./scope";
import { requireMapping } from "./settings";

export interface ReferralActionResult {
  readonly referralId: string;
  readonly status: ReferralStatus;
  readonly substatus: ReferralSubstatus;
  /** The opportunity brought along, if the referral has one. */
  readonly opportunityId: string | null;
  readonly record: SyncRecord;
}

export function acceptReferral(core: EngineCore, referralId: string): Promise<ReferralActionResult> {
  return answer(core, referralId, { status: "Active", substatus: "Accepted" }, null, "Accepted");
}

export function declineReferral(
  core: EngineCore,
  referralId: string,
  reason: string | null = null,
): Promise<ReferralActionResult> {
  return answer(core, referralId, { status: "Closed", substatus: "Declined" }, reason, "Declined");
}

async function answer(
  core: EngineCore,
  referralId: string,
  target: ReferralState,
  reason: string | null,
  verb: string,
): Promise<ReferralActionResult> {
  let final: VersionedReferral | null = null;
  const record = await core.locks.run(`referral:${referralId}`, () =>
    runJob(
      core,
      { direction: "toPartnerCenter", opportunityId: null, referralId, changedAt: core.now().toISOString() },
      async (scope, site) => {
        final = await moveReferral(core, scope, referralId, target, reason, verb);
        return bringOpportunityAlong(core, scope, site, final, `${verb} referral ${referralId} in Partner Center.`);
      },
    ),
  );
  const referral = (final as VersionedReferral | null)?.value;
  return {
    referralId,
    status: referral?.status ?? target.status,
    substatus: referral?.substatus ?? target.substatus,
    opportunityId: record.opportunityId,
    record,
  };
}

async function moveReferral(
  core: EngineCore,
  scope: SyncScope,
  referralId: string,
  target: ReferralState,
  reason: string | null,
  verb: string,
): Promise<VersionedReferral> {
  let current = await scope.partnerCenter.getReferral(referralId);
  for (let attempt = 0; ; attempt += 1) {
    if (current === null)
      throw new SyncError("referralMissing", `Referral ${referralId} does not exist in Partner Center.`);
    const { value } = current;
    if (value.status === target.status && value.substatus === target.substatus) return current;
    const verdict = checkTransition(value, target, { createdDateTime: value.createdDateTime, now: scope.now });
    if (!verdict.allowed) {
      throw new SyncError(
        "invalidTransition",
        `Referral ${referralId} can't be ${verb.toLowerCase()}: ${verdict.reason}`,
      );
    }
    const operations: JsonPatchOperation[] = [
      { op: "replace", path: "/status", value: target.status },
      { op: "replace", path: "/substatus", value: target.substatus },
    ];
    // `add` sets a member whether or not the service sent it (RFC 6902), and statusReason is often absent.
    if (reason !== null && reason.trim() !== "") operations.push({ op: "add", path: "/statusReason", value: reason });
    try {
      return await scope.partnerCenter.patchReferral(referralId, operations, current.etag);
    } catch (error) {
      if (!isStaleETag(error) || attempt >= core.options.maxConflictRetries) throw error;
      current = await scope.partnerCenter.getReferral(referralId);
    }
  }
}

/** Syncs the opportunity of the referral, if there is one, against the referral just written. */
async function bringOpportunityAlong(
  core: EngineCore,
  scope: SyncScope,
  site: FailureSite,
  referral: VersionedReferral,
  said: string,
): Promise<JobOutcome> {
  const referralId = referral.value.id;
  const opportunityId =
    (await core.store.linkByReferral(referralId))?.opportunityId ??
    (await scope.dataverse.findOpportunityByReferralId(referralId));
  if (opportunityId === null) return { outcome: "updated", summary: said };
  site.opportunityId = opportunityId;
  return core.locks.run(`opportunity:${opportunityId}`, async () => {
    const reading = await scope.dataverse.readOpportunity(opportunityId);
    if (reading === null) return { outcome: "updated", summary: said };
    site.reading = reading;
    const mapping = requireMapping(await core.settings.get(scope.dataverse));
    const link = await core.store.linkByOpportunity(opportunityId);
    const outcome = await applyPair(core, scope, site, {
      reading,
      mapping,
      link: link?.referralId === referralId ? link : null,
      referral,
      confirmed: true,
      direction: "toDataverse",
      prefix: said,
    });
    return { ...outcome, outcome: "updated" };
  });
}
