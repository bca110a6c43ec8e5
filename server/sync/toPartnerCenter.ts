/**
 * Opportunity → referral. Reads the opportunity, honours Sync with Partner Center and csb_SyncCoSellOnly, then
 * creates the referral (createReferral.ts) or brings an existing one up to date (pairWrite.ts). An update is planned
 * against the referral stored at the last sync and sent with its eTag, so a change costs one Partner Center call and
 * a save that changed nothing mapped costs none.
 */
import { SyncStatus, opportunityTable, readOpportunity, toFlag, toText, type FieldMapping } from "../../core";
import type { OpportunitySyncJob } from "../intake/dataverse";
import { createReferral } from "./createReferral";
import type { EngineCore } from "./engineCore";
import { readPairState } from "./linkState";
import { applyPair } from "./pairWrite";
import type { OpportunityReading, SyncLink, SyncRecord } from "./ports";
import { runJob, type FailureSite, type JobOutcome } from "./runJob";
import type { SyncScope } from "./scope";
import { requireMapping } from "./settings";
import { SyncError } from "./errors/syncError";
import { writeBackTo } from "./writeBack";

const columns = opportunityTable.cosellColumns;

export async function syncOpportunity(core: EngineCore, job: OpportunitySyncJob): Promise<SyncRecord> {
  const opportunityId = normalizeId(job.opportunityId);
  const target = {
    direction: "toPartnerCenter",
    opportunityId,
    referralId: null,
    changedAt: job.operationCreatedOn,
  } as const;
  if (job.echo) {
    // The intake saw the service's own user make this change (dataverse.md §3.5): nothing to read or send.
    return runJob(core, target, () =>
      Promise.resolve({ outcome: "echo", summary: "Written by Co-sell Bridge itself; nothing to send." }),
    );
  }
  return core.locks.run(`opportunity:${opportunityId}`, () =>
    runJob(core, target, (scope, site) => sendOpportunity(core, scope, site, opportunityId)),
  );
}

async function sendOpportunity(
  core: EngineCore,
  scope: SyncScope,
  site: FailureSite,
  opportunityId: string,
): Promise<JobOutcome> {
  const reading = await scope.dataverse.readOpportunity(opportunityId);
  if (reading === null) return { outcome: "skipped", summary: "The opportunity no longer exists in Dynamics." };
  const row = reading.snapshot.opportunity;
  const settings = await core.settings.get(scope.dataverse);
  if (toFlag(row[columns.syncWithPartnerCenter]) !== true) return syncIsOff(core, scope, reading);
  site.reading = reading;
  const mapping = requireMapping(settings);
  const fields = readOpportunity(reading.snapshot, mapping);
  site.context = { customerCountry: fields.customerCountry, currency: fields.currency };
  const link = await core.store.linkByOpportunity(opportunityId);
  const referralId = link?.referralId ?? toText(row[columns.referralId]);
  site.referralId = referralId;

  if (referralId === null) {
    if (settings.syncCoSellOnly && fields.helpRequested.length === 0) {
      const text =
        "Not sent to Partner Center: only co-sell opportunities are synced here (csb_SyncCoSellOnly). " +
        "Choose how Microsoft can help to send it.";
      return skippedWithNote(core, scope, reading, text);
    }
    return createReferral(core, scope, site, { reading, mapping, link });
  }
  return updateReferral(core, scope, site, { reading, mapping, link, referralId });
}

async function updateReferral(
  core: EngineCore,
  scope: SyncScope,
  site: FailureSite,
  input: { reading: OpportunityReading; mapping: FieldMapping; link: SyncLink | null; referralId: string },
): Promise<JobOutcome> {
  const { reading, mapping, link, referralId } = input;
  const stored = readPairState(link).referral;
  if (stored !== null) {
    return applyPair(core, scope, site, {
      reading,
      mapping,
      link,
      referral: stored,
      confirmed: false,
      direction: "toPartnerCenter",
    });
  }
  const fetched = await scope.partnerCenter.getReferral(referralId);
  if (fetched !== null) {
    return applyPair(core, scope, site, {
      reading,
      mapping,
      link,
      referral: fetched,
      confirmed: true,
      direction: "toPartnerCenter",
    });
  }
  if (link?.referralId !== null && link?.referralId !== undefined) {
    throw new SyncError("referralMissing", `Referral ${referralId} no longer exists in Partner Center.`);
  }
  // The row names a referral this Partner Center account doesn't have (and we never linked it): make a new one.
  return createReferral(core, scope, site, { reading, mapping, link });
}

/** Sync turned off: say so once on a row that showed a sync status; the referral stays as it is in Partner Center. */
/** Nothing goes to Partner Center: the row says Not synced, and the audit says why. */
async function skippedWithNote(
  core: EngineCore,
  scope: SyncScope,
  reading: OpportunityReading,
  text: string,
): Promise<JobOutcome> {
  const writeBack = { direction: "toPartnerCenter", status: SyncStatus.NotSynced, text } as const;
  await writeBackTo(scope, reading, writeBack, core.writeBackContext(scope));
  return { outcome: "skipped", summary: text };
}

async function syncIsOff(core: EngineCore, scope: SyncScope, reading: OpportunityReading): Promise<JobOutcome> {
  const summary = "Sync with Partner Center is No: nothing was sent.";
  const current = reading.snapshot.opportunity[columns.syncStatus] ?? SyncStatus.NotSynced;
  if (Number(current) !== SyncStatus.NotSynced) {
    const text = "Sync with Partner Center was turned off: changes are no longer sent; the referral stays as it is.";
    return skippedWithNote(core, scope, reading, text);
  }
  return { outcome: "skipped", summary };
}

/** Dataverse GUIDs in lower case without braces, as the intake and the gateway write them. */
export function normalizeId(id: string): string {
  return id
    .trim()
    .replace(/^\{|\}$/g, "")
    .toLowerCase();
}
