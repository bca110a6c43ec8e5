/**
 * Referral → opportunity. Echoes first: an event no newer than the referral the service last wrote or read is its
 * own write (or a duplicate, or out of order) and costs no call. Otherwise the referral is read (events carry no data,
 * partner-center.md §2.3), its opportunity found (link, csb_referralid, then externalReferenceId when it names one of
 * ours) and brought up to date, or created.
 */
import { toFlag, opportunityTable } from "../../core";
import type { PartnerCenterReferralJob } from "../intake/partnerCenter";
import { createOpportunity } from "./createOpportunity";
import type { EngineCore } from "./engineCore";
import { SyncError } from "./errors/syncError";
import { isNotOlder } from "./linkState";
import { externalOpportunityId, isMicrosoftSide } from "./microsoftSide";
import { applyPair } from "./pairWrite";
import type { SyncLink, SyncRecord, VersionedReferral } from "./ports";
import { runJob, type FailureSite, type JobOutcome } from "./runJob";
import type { SyncScope } from "./scope";
import { requireMapping } from "./settings";

export async function syncReferral(core: EngineCore, job: PartnerCenterReferralJob): Promise<SyncRecord> {
  const target = {
    direction: "toDataverse",
    opportunityId: null,
    referralId: job.referralId,
    changedAt: job.changedAt,
  } as const;
  return core.locks.run(`referral:${job.referralId}`, async () => {
    const known = await core.store.linkByReferral(job.referralId);
    const run = (held: string | null) =>
      runJob(core, target, (scope, site) => receiveReferral(core, scope, site, job, held));
    return known === null
      ? run(null)
      : core.locks.run(`opportunity:${known.opportunityId}`, () => run(known.opportunityId));
  });
}

async function receiveReferral(
  core: EngineCore,
  scope: SyncScope,
  site: FailureSite,
  job: PartnerCenterReferralJob,
  heldOpportunity: string | null,
): Promise<JobOutcome> {
  const link = await core.store.linkByReferral(job.referralId);
  if (link !== null) site.opportunityId = link.opportunityId;
  const echo = echoOf(link, job);
  if (echo !== null) return echo;

  const referral = await scope.partnerCenter.getReferral(job.referralId);
  if (referral === null) {
    return {
      outcome: "skipped",
      summary: `Referral ${job.referralId} does not exist (or is not ours) in Partner Center.`,
    };
  }
  if (isMicrosoftSide(referral.value)) {
    return { outcome: "skipped", summary: `Referral ${job.referralId} is Microsoft's side of the engagement.` };
  }
  const found = link !== null ? link.opportunityId : await findOpportunity(scope, referral);
  if (found === null) {
    const mapping = requireMapping(await core.settings.get(scope.dataverse));
    return createOpportunity(core, scope, site, referral, mapping);
  }
  site.opportunityId = found;
  const update = () => updateOpportunity(core, scope, site, job, referral, found);
  return heldOpportunity === found ? update() : core.locks.run(`opportunity:${found}`, update);
}

async function updateOpportunity(
  core: EngineCore,
  scope: SyncScope,
  site: FailureSite,
  job: PartnerCenterReferralJob,
  referral: VersionedReferral,
  opportunityId: string,
): Promise<JobOutcome> {
  // Read the link (and the row) again under the opportunity's lock: a sync of ours may have finished meanwhile.
  const link = await core.store.linkByOpportunity(opportunityId);
  const echo = link?.referralId === job.referralId ? echoOf(link, job) : null;
  if (echo !== null) return echo;
  if (link !== null && link.referralId === null && link.createIntentAt !== null) {
    throw new SyncError("createInFlight", `Referral ${job.referralId} is still being created from its opportunity.`, {
      retryAfterMs: core.options.createInFlightRetryMs,
    });
  }
  const reading = await scope.dataverse.readOpportunity(opportunityId);
  if (reading === null) {
    return {
      outcome: "skipped",
      summary: "The opportunity of this referral was deleted in Dynamics; nothing to update.",
    };
  }
  const settings = await core.settings.get(scope.dataverse);
  if (toFlag(reading.snapshot.opportunity[opportunityTable.cosellColumns.syncWithPartnerCenter]) !== true) {
    return { outcome: "skipped", summary: "Sync with Partner Center is No on the opportunity: nothing was applied." };
  }
  site.reading = reading;
  const mapping = requireMapping(settings);
  // A link to another referral (the row was re-pointed) says nothing about this one.
  const pairLink = link?.referralId === job.referralId ? link : null;
  return applyPair(core, scope, site, {
    reading,
    mapping,
    link: pairLink,
    referral,
    confirmed: true,
    direction: "toDataverse",
  });
}

/** The echo outcome when the link already reflects this event's change (or a newer one). */
function echoOf(link: SyncLink | null, job: PartnerCenterReferralJob): JobOutcome | null {
  if (link === null || !isNotOlder(link.referralUpdatedAt, job.changedAt)) return null;
  const same = link.referralUpdatedAt !== null && Date.parse(link.referralUpdatedAt) === Date.parse(job.changedAt);
  return {
    outcome: "echo",
    summary: same
      ? "This change is the service's own write (or an event already handled): nothing to do."
      : "A newer version of this referral was already synced: this event arrived late.",
    opportunityId: link.opportunityId,
    referralId: link.referralId,
  };
}

/** The opportunity of a referral we have no link for: by csb_referralid, then by externalReferenceId. */
async function findOpportunity(scope: SyncScope, referral: VersionedReferral): Promise<string | null> {
  const byReferralId = await scope.dataverse.findOpportunityByReferralId(referral.value.id);
  if (byReferralId !== null) return byReferralId;
  const external = externalOpportunityId(referral.value);
  if (external === null) return null;
  return (await scope.dataverse.readOpportunity(external))?.id ?? null;
}
