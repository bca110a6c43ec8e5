import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SyncStatus } from "../../../core";
import {
  aCoSellOpportunity,
  anInbound,
  opportunityJob,
  opportunityRow,
  referralJob,
  referralOf,
  referralsFor,
  tick,
} from "./scenarios";
import { startWorld, WORLD_TIMEOUT_MS, type World } from "./world";

describe("the sync engine on PostgreSQL (127.0.0.1:5432, a schema of its own)", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ storage: "postgres" });
  }, WORLD_TIMEOUT_MS);
  afterAll(async () => {
    await world.close();
  }, WORLD_TIMEOUT_MS);

  it("creates once from concurrent duplicate jobs, updates with one call, and recognises both echoes", async () => {
    expect(world.database.kind).toBe("postgres");
    const { opportunityId } = await aCoSellOpportunity(world);
    const job = opportunityJob(world, opportunityId, { message: "Create" });
    const created = await Promise.all([world.engine.syncOpportunity(job), world.engine.syncOpportunity(job)]);
    expect(created.map((record) => record.outcome).sort()).toEqual(["created", "unchanged"]);
    const [referral] = await referralsFor(world, opportunityId);
    expect(referral).toBeDefined();
    tick(world);

    await world.seller.update("opportunities", opportunityId, { name: "Renamed on PostgreSQL" });
    const updated = await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    expect(updated).toMatchObject({ outcome: "updated", partnerCenterCalls: 1 });
    const patched = await referralOf(world, String(referral?.id));
    expect(patched.name).toBe("Renamed on PostgreSQL");

    expect(await world.engine.syncReferral(referralJob(patched))).toMatchObject({
      outcome: "echo",
      partnerCenterCalls: 0,
    });
    expect(await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { by: "service" }))).toMatchObject({
      outcome: "echo",
      dataverseCalls: 0,
    });
    const records = await world.store.recentSyncs({ limit: 10, opportunityId });
    expect(records.map((record) => record.outcome)).toEqual(["echo", "echo", "updated", "unchanged", "created"]);
  });

  it("creates the opportunity of an inbound referral and keeps the link for the next event", async () => {
    const { referral } = await world.partnerCenter.admin.createInboundReferral(anInbound());
    tick(world);
    const created = await world.engine.syncReferral(referralJob(referral, "referral-created"));
    expect(created.outcome).toBe("created");
    const row = await opportunityRow(world, String(created.opportunityId));
    expect(row).toMatchObject({ csb_referralid: referral.id, csb_syncstatus: SyncStatus.Synced });
    const link = await world.store.linkByReferral(referral.id);
    expect(link).toMatchObject({ opportunityId: created.opportunityId, referralId: referral.id });

    const changed = await world.partnerCenter.admin.updateDealAsMicrosoft(referral.id, { dealValue: 64000 });
    tick(world);
    expect(await world.engine.syncReferral(referralJob(changed))).toMatchObject({ outcome: "updated" });
    expect((await opportunityRow(world, String(created.opportunityId))).estimatedvalue).toBe(64000);
  });
});
