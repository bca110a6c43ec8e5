import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReferral, referralLinkOf, defaultFieldMapping, SyncStatus } from "../../../core";
import {
  aCoSellOpportunity,
  createLikeTheEngine,
  newestAuditLine,
  opportunityJob,
  opportunityRow,
  patchesServed,
  referralOf,
  referralsFor,
  syncedOpportunity,
  tick,
} from "./scenarios";
import { startWorld, WORLD_TIMEOUT_MS, type World } from "./world";

describe("opportunity → referral", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(async () => {
    await world.close();
  }, WORLD_TIMEOUT_MS);

  it("creates the referral of a new opportunity with Sync = Yes, with the mapped fields, and writes it back", async () => {
    const { opportunityId } = await aCoSellOpportunity(
      world,
      { name: "Warehouse modernisation" },
      { name: "Fabrikam Ltd" },
    );
    const before = world.partnerCenterCalls();
    const record = await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { message: "Create" }));

    expect(record).toMatchObject({ outcome: "created", direction: "toPartnerCenter", partnerCenterCalls: 1 });
    expect(world.partnerCenterCalls() - before).toBe(1);
    const [referral, ...others] = await referralsFor(world, opportunityId);
    expect(others).toEqual([]);
    if (referral === undefined) throw new Error("no referral was created");
    expect(referral).toMatchObject({
      name: "Warehouse modernisation",
      externalReferenceId: opportunityId,
      type: "Shared",
      qualification: "SalesQualified",
      consent: { consentToShareReferralWithMicrosoftSellers: true },
      inviteContext: { assistanceRequestCode: "GeneralOrOther" },
      target: [{ type: "SolutionProfile", id: "SOL-20418-K2P" }],
      details: {
        notes: "Move the warehouse apps to the cloud.",
        dealValue: 125000,
        currency: "USD",
        closingDateTime: "2027-03-31T00:00:00Z",
        requirements: { solutions: [{ id: "SOL-20418-K2P" }] },
      },
      customerProfile: { name: "Fabrikam Ltd", address: { city: "Seattle", postalCode: "98101", country: "US" } },
      team: [{ firstName: "Avery", lastName: "Howard" }],
    });
    expect(referral.customerProfile?.team?.[0]).toMatchObject({ firstName: "Ana" });

    const row = await opportunityRow(world, opportunityId);
    expect(row).toMatchObject({
      csb_referralid: referral.id,
      csb_referrallink: referralLinkOf(referral.id),
      csb_syncstatus: SyncStatus.Synced,
    });
    expect(Date.parse(String(row.csb_lastsyncedon))).toBe(world.clock.now().getTime());
    expect(newestAuditLine(row)).toMatch(
      new RegExp(
        `^\\[2026-05-04 \\d\\d:\\d\\d:\\d\\d UTC\\] Dynamics → Partner Center: Created referral ${referral.id}`,
      ),
    );
  });

  it("patches only the fields a seller changed, with If-Match, in one call, and the write-back's echo costs nothing", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    const stored = await world.store.linkByOpportunity(opportunityId);
    await world.seller.update("opportunities", opportunityId, {
      estimatedvalue: 150000,
      estimatedclosedate: "2027-06-30",
    });
    const before = world.partnerCenterCalls();
    world.patches.length = 0;

    const record = await world.engine.syncOpportunity(
      opportunityJob(world, opportunityId, { changed: { estimatedvalue: 150000, estimatedclosedate: "2027-06-30" } }),
    );

    expect(record).toMatchObject({ outcome: "updated", partnerCenterCalls: 1 });
    expect(world.partnerCenterCalls() - before).toBe(1);
    expect(patchesServed(world, referralId)).toBe(1);
    expect(world.patches).toEqual([
      {
        referralId,
        etag: stored?.referralEtag,
        operations: [
          { op: "replace", path: "/details/dealValue", value: 150000 },
          { op: "replace", path: "/details/closingDateTime", value: "2027-06-30T00:00:00Z" },
        ],
      },
    ]);
    expect((await referralOf(world, referralId)).details).toMatchObject({
      dealValue: 150000,
      closingDateTime: "2027-06-30T00:00:00Z",
    });
    const row = await opportunityRow(world, opportunityId);
    expect(newestAuditLine(row)).toContain(`Referral ${referralId}: sent Deal value, Close date.`);

    // Dataverse's webhook for the write-back comes from the service's own user: an echo, no call anywhere.
    const echo = await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { by: "service" }));
    expect(echo).toMatchObject({ outcome: "echo", partnerCenterCalls: 0, dataverseCalls: 0 });
  });

  it("makes no Partner Center call (and no write-back) when nothing mapped changed", async () => {
    const { opportunityId } = await syncedOpportunity(world);
    await world.seller.update("opportunities", opportunityId, { closeprobability: 40 });
    const rowBefore = await opportunityRow(world, opportunityId);
    const before = world.partnerCenterCalls();

    const record = await world.engine.syncOpportunity(
      opportunityJob(world, opportunityId, { changed: { closeprobability: 40 } }),
    );

    expect(record).toMatchObject({ outcome: "unchanged", partnerCenterCalls: 0 });
    expect(world.partnerCenterCalls()).toBe(before);
    expect((await opportunityRow(world, opportunityId))["@odata.etag"]).toBe(rowBefore["@odata.etag"]);
  });

  it("reports an invalid opportunity on the row with what to do, and never calls Partner Center", async () => {
    const { opportunityId } = await aCoSellOpportunity(world, { estimatedclosedate: null, csb_products: null });
    const before = world.partnerCenterCalls();

    const record = await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { message: "Create" }));

    expect(record).toMatchObject({ outcome: "invalid", partnerCenterCalls: 0 });
    expect(world.partnerCenterCalls()).toBe(before);
    expect(await referralsFor(world, opportunityId)).toEqual([]);
    const row = await opportunityRow(world, opportunityId);
    expect(row.csb_syncstatus).toBe(SyncStatus.Error);
    expect(newestAuditLine(row)).toContain("Enter an estimated close date.");
    expect(newestAuditLine(row)).toContain("Pick at least one of your co-sell solutions in Products");
    expect(newestAuditLine(row)).toContain("What to do: Fix the fields listed and save the opportunity again.");

    // The same problems on the next save are not written again: no churn, no webhook echo.
    const etag = row["@odata.etag"];
    await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    expect((await opportunityRow(world, opportunityId))["@odata.etag"]).toBe(etag);
  });

  it("makes one referral from duplicate jobs, run one after the other or at the same time", async () => {
    const first = await aCoSellOpportunity(world);
    const job = opportunityJob(world, first.opportunityId, { message: "Create" });
    const records = [await world.engine.syncOpportunity(job), await world.engine.syncOpportunity(job)];
    expect(records.map((record) => record.outcome)).toEqual(["created", "unchanged"]);
    expect(records[1]?.partnerCenterCalls).toBe(0);
    expect(await referralsFor(world, first.opportunityId)).toHaveLength(1);

    const second = await aCoSellOpportunity(world);
    const twin = opportunityJob(world, second.opportunityId, { message: "Create" });
    const together = await Promise.all([world.engine.syncOpportunity(twin), world.engine.syncOpportunity(twin)]);
    expect(together.map((record) => record.outcome).sort()).toEqual(["created", "unchanged"]);
    expect(await referralsFor(world, second.opportunityId)).toHaveLength(1);
  });

  it("adopts the referral of a create that crashed between the POST and the write-back", async () => {
    const { opportunityId } = await aCoSellOpportunity(world);
    // The crashed attempt: intent saved, referral created in Partner Center, nothing written back.
    await world.store.saveLink({
      opportunityId,
      referralId: null,
      base: null,
      referralEtag: null,
      referralUpdatedAt: null,
      createIntentAt: world.clock.now().toISOString(),
      lastSyncedAt: null,
    });
    const orphan = await createLikeTheEngine(world, opportunityId);
    tick(world);

    const record = await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { message: "Create" }));

    expect(record).toMatchObject({ outcome: "created", referralId: orphan.value.id });
    expect(record.summary).toContain(`Found referral ${orphan.value.id}, created by an earlier attempt.`);
    expect(await referralsFor(world, opportunityId)).toHaveLength(1);
    expect((await opportunityRow(world, opportunityId)).csb_referralid).toBe(orphan.value.id);
  });

  it("re-reads and re-applies when the referral changed between the last read and the PATCH (412)", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    const microsoft = await world.partnerCenter.admin.updateDealAsMicrosoft(referralId, {
      notes: "Customer wants a PoC first.",
    });
    tick(world);
    await world.seller.update("opportunities", opportunityId, { estimatedvalue: 99000 });
    world.patches.length = 0;

    const record = await world.engine.syncOpportunity(
      opportunityJob(world, opportunityId, { changed: { estimatedvalue: 99000 } }),
    );

    expect(record).toMatchObject({ outcome: "updated", partnerCenterCalls: 3 });
    expect(world.patches.map((patch) => patch.etag)).toEqual([expect.any(String), microsoft.eTag]);
    expect(world.patches[1]?.operations).toEqual([{ op: "replace", path: "/details/dealValue", value: 99000 }]);
    const referral = await referralOf(world, referralId);
    expect(referral.details).toMatchObject({ dealValue: 99000, notes: "Customer wants a PoC first." });
    // Microsoft's side of the change came back to Dynamics in the same sync.
    const row = await opportunityRow(world, opportunityId);
    expect(row).toMatchObject({
      description: "Customer wants a PoC first.",
      csb_microsoftcrmid: referral.trackingInfo?.microsoftMsxId,
      csb_syncstatus: SyncStatus.Synced,
    });
    expect(newestAuditLine(row)).toContain("sent Deal value; received Description (notes), Microsoft CRM Identifier");
    expect(readReferral(referral, defaultFieldMapping).dealValue).toBe(99000);
  });
});
