import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referralLinkOf } from "../../../core";
import type { SyncEngine, SyncJob } from "../../../server/sync";
import type { SyncRecord } from "../../../server/sync/ports";
import {
  aCoSellOpportunity,
  anInbound,
  opportunityJob,
  referralsFor,
  setVariable,
  syncedOpportunity,
  tick,
} from "./scenarios";
import { startWorld, WORLD_TIMEOUT_MS, type World } from "./world";

const OVERLAP_MS = 5_000;

async function runAll(engine: SyncEngine, jobs: readonly SyncJob[]): Promise<SyncRecord[]> {
  const records: SyncRecord[] = [];
  for (const job of jobs) {
    records.push(
      job.kind === "dataverse-opportunity" ? await engine.syncOpportunity(job) : await engine.syncReferral(job),
    );
  }
  return records;
}

describe("reconcile, backfill, solutions and the form's status", () => {
  let world: World;
  let engine: SyncEngine;
  beforeAll(async () => {
    world = await startWorld();
    engine = world.engineWith({ reconcileOverlapMs: OVERLAP_MS });
  }, WORLD_TIMEOUT_MS);
  afterAll(async () => {
    await world.close();
  }, WORLD_TIMEOUT_MS);

  it("heals a missed webhook on each side and advances both watermarks", async () => {
    const start = world.clock.now().getTime();
    const first = await engine.reconcile();
    expect(first).toMatchObject({ jobs: [], opportunities: 0, referrals: 0 });
    const startMark = new Date(start - OVERLAP_MS).toISOString();
    expect(first.watermarks).toEqual({ dataverse: startMark, partnerCenter: startMark });
    expect(await world.store.readWatermark("dataverse")).toBe(startMark);

    tick(world, 60_000);
    // Neither webhook arrives: a seller's new deal, and a referral Microsoft shares.
    const missed = await aCoSellOpportunity(world);
    const sharedAt = world.clock.now().getTime();
    const { referral, microsoftReferral } = await world.partnerCenter.admin.createInboundReferral(anInbound());
    tick(world);

    const healing = await engine.reconcile();
    expect(healing.jobs).toEqual([
      expect.objectContaining({ kind: "dataverse-opportunity", opportunityId: missed.opportunityId }),
      expect.objectContaining({ kind: "partner-center-referral", referralId: referral.id }),
    ]);
    expect(
      healing.jobs.some((job) => job.kind === "partner-center-referral" && job.referralId === microsoftReferral.id),
    ).toBe(false);
    const expected = new Date(sharedAt - OVERLAP_MS).toISOString();
    expect(healing.watermarks).toEqual({ dataverse: expected, partnerCenter: expected });
    expect(await world.store.readWatermark("partnerCenter")).toBe(expected);

    const records = await runAll(world.engine, healing.jobs);
    expect(records.map((record) => record.outcome)).toEqual(["created", "created"]);
    expect(await referralsFor(world, missed.opportunityId)).toHaveLength(1);
    const createdOpportunity = records[1]?.opportunityId;
    expect(createdOpportunity).toEqual(expect.any(String));

    // The next pass re-lists what the sync itself just wrote: recognised, and nothing is created twice.
    tick(world);
    const again = await engine.reconcile();
    const echoes = await runAll(world.engine, again.jobs);
    expect(echoes.filter((record) => record.outcome === "created")).toEqual([]);
    const referralJobs = echoes.filter((record) => record.direction === "toDataverse");
    expect(referralJobs.length).toBeGreaterThan(0);
    expect(referralJobs.every((record) => record.outcome === "echo" && record.partnerCenterCalls === 0)).toBe(true);
    const missedAgain = echoes.find((record) => record.opportunityId === missed.opportunityId);
    expect(missedAgain).toMatchObject({ outcome: "unchanged", partnerCenterCalls: 0 });
    expect(await referralsFor(world, missed.opportunityId)).toHaveLength(1);

    // Watermarks never go back.
    expect(Date.parse(String(again.watermarks.dataverse))).toBeGreaterThanOrEqual(Date.parse(expected));
  });

  it("backfills everything with progress, handing each job to enqueue", async () => {
    const progress: { side: string; done: number; total: number | null }[] = [];
    const enqueued: SyncJob[] = [];
    const result = await engine.reconcile({
      backfill: true,
      enqueue: (job) => {
        enqueued.push(job);
      },
      onProgress: (step) => progress.push({ ...step }),
    });
    expect(result.jobs).toEqual([]);
    expect(enqueued.length).toBe(result.opportunities + result.referrals);
    expect(result.opportunities).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toEqual({ side: "partnerCenter", done: result.referrals, total: null });
    expect(progress.filter((step) => step.side === "dataverse").map((step) => step.done)).toEqual(
      Array.from({ length: result.opportunities }, (_, index) => index + 1),
    );
  });

  it("copies the co-sell solutions from Partner Center into Dynamics", async () => {
    const refresh = await world.engine.refreshSolutions();
    const rows = await world.seller.query("csb_partnercentersolutions?$select=csb_solutionid,csb_name");
    const solutions = await world.partnerCenter.admin.solutions();
    expect(refresh).toMatchObject({ solutions: solutions.length, partnerCenterCalls: 1 });
    for (const solution of solutions) {
      expect(rows).toContainEqual(expect.objectContaining({ csb_solutionid: solution.id, csb_name: solution.name }));
    }
  });

  it("tells the form the sync status, the checkmark, the last error with what to do, and validates", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    const synced = await world.engine.status(opportunityId);
    expect(synced).toMatchObject({
      syncWithPartnerCenter: true,
      syncStatus: "synced",
      checkmark: true,
      referralId,
      referralLink: referralLinkOf(referralId),
      lastError: null,
    });
    expect(synced.audit[0]?.direction).toBe("toPartnerCenter");
    expect(synced.audit[0]?.text).toContain("Created referral");
    expect(synced.recentSyncs[0]).toMatchObject({ outcome: "created", opportunityId, referralId });

    await world.seller.update("opportunities", opportunityId, { estimatedvalue: null });
    await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    const failing = await world.engine.status(opportunityId);
    expect(failing).toMatchObject({ syncStatus: "error", checkmark: false });
    expect(failing.lastError?.message).toContain("Enter an estimated revenue above 0");
    expect(failing.lastError?.whatToDo).toBe("Fix the fields listed and save the opportunity again.");
    const validation = await world.engine.validate(opportunityId);
    expect(validation).toMatchObject({ valid: false, dealType: "coSell" });
    expect(validation.problems).toEqual([
      expect.objectContaining({ code: "dealValueNotPositive", field: "dealValue" }),
    ]);

    await world.seller.update("opportunities", opportunityId, { estimatedvalue: 1000 });
    const now = world.engine.syncNow(opportunityId);
    expect(now).toMatchObject({
      kind: "dataverse-opportunity",
      opportunityId,
      dedupeKey: `opportunity:${opportunityId}`,
    });
    expect(await world.engine.syncOpportunity(now)).toMatchObject({ outcome: "updated", partnerCenterCalls: 1 });

    await setVariable(world, "csb_ShowCheckmark", "no");
    world.engine.invalidateSettings();
    expect(await world.engine.status(opportunityId)).toMatchObject({ syncStatus: "synced", checkmark: false });
    await setVariable(world, "csb_ShowCheckmark", null);
    world.engine.invalidateSettings();
  });

  it("answers 404 for the status of an opportunity that does not exist", async () => {
    const failure = await world.engine.status("00000000-0000-4000-8000-00000000dead").catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "opportunityMissing", httpStatus: 404 });
  });
});
