import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SyncStatus } from "../../../core";
import { SyncError } from "../../../server/sync";
import { ApiError } from "../../../server/sync/apiError";
import {
  aCoSellOpportunity,
  createLikeTheEngine,
  newestAuditLine,
  opportunityJob,
  opportunityRow,
  referralJob,
  referralsFor,
  syncedOpportunity,
  tick,
} from "./scenarios";
import { SECRETS, startWorld, WORLD_TIMEOUT_MS, type World } from "./world";

describe("failures: what the row says, what the queue is told", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(async () => {
    await world.close();
  }, WORLD_TIMEOUT_MS);

  it("says on the row what to do when Partner Center refuses the customer's country, and does not retry", async () => {
    const { opportunityId } = await aCoSellOpportunity(world);
    world.partnerCenter.faults.add({
      match: { method: "POST", pathPrefix: "/v1.0/engagements/referrals" },
      fault: {
        kind: "status",
        status: 400,
        body: {
          code: "InvalidInput",
          description: 'customerProfile.address.country must be an ISO 3166 alpha-2 code such as US; got "XX".',
          data: [],
          source: "PartnerCenter",
        },
      },
      remaining: 1,
    });

    const failure = await world.engine
      .syncOpportunity(opportunityJob(world, opportunityId))
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SyncError);
    expect(failure).toMatchObject({ code: "countryRefused", retryable: false });
    const row = await opportunityRow(world, opportunityId);
    expect(row.csb_syncstatus).toBe(SyncStatus.Error);
    expect(newestAuditLine(row)).toContain(
      "Partner Center refused the customer's country 'XX'. What to do: Set the customer account's country to a " +
        "two-letter ISO code (such as US or DE) and save the opportunity again.",
    );
    const [record] = await world.store.recentSyncs({ limit: 1, opportunityId });
    expect(record).toMatchObject({ outcome: "failed", partnerCenterCalls: 1 });
  });

  it("marks the row Pending on a temporary failure and finishes on the retry, looking before creating again", async () => {
    const { opportunityId } = await aCoSellOpportunity(world);
    world.partnerCenter.faults.add({
      match: { method: "POST", pathPrefix: "/v1.0/engagements/referrals" },
      fault: { kind: "status", status: 503, headers: { "retry-after": "7" } },
      remaining: 1,
    });

    const failure = await world.engine
      .syncOpportunity(opportunityJob(world, opportunityId))
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "partnerCenterBusy", retryable: true, retryAfterMs: 7000 });
    expect((await opportunityRow(world, opportunityId)).csb_syncstatus).toBe(SyncStatus.Pending);

    tick(world, 7_000);
    const retry = await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    // One lookup by externalReferenceId (the create intent was saved before the failed POST), then the create.
    expect(retry).toMatchObject({ outcome: "created", partnerCenterCalls: 2 });
    expect(await referralsFor(world, opportunityId)).toHaveLength(1);
    expect((await opportunityRow(world, opportunityId)).csb_syncstatus).toBe(SyncStatus.Synced);
  });

  it("does nothing for Sync = No, and turns the status off once for a deal that was synced", async () => {
    const { opportunityId } = await aCoSellOpportunity(world, { csb_syncwithpartnercenter: false });
    const before = world.partnerCenterCalls();
    expect(await world.engine.syncOpportunity(opportunityJob(world, opportunityId))).toMatchObject({
      outcome: "skipped",
      partnerCenterCalls: 0,
    });
    expect(world.partnerCenterCalls()).toBe(before);

    const synced = await syncedOpportunity(world);
    await world.seller.update("opportunities", synced.opportunityId, { csb_syncwithpartnercenter: false });
    const off = await world.engine.syncOpportunity(opportunityJob(world, synced.opportunityId));
    expect(off).toMatchObject({ outcome: "skipped", partnerCenterCalls: 0 });
    expect((await opportunityRow(world, synced.opportunityId)).csb_syncstatus).toBe(SyncStatus.NotSynced);
  });

  it("keeps secrets out of audit lines and records when Partner Center refuses the service's sign-in", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    await world.seller.update("opportunities", opportunityId, { name: "Needs a new token" });
    // Every attempt is refused, including the client's own retry with a fresh token.
    const fault = world.partnerCenter.faults.add({
      match: { method: "PATCH", pathPrefix: `/v1.0/engagements/referrals/${referralId}` },
      fault: { kind: "status", status: 401 },
    });
    const failure = await world.engine
      .syncOpportunity(opportunityJob(world, opportunityId))
      .catch((error: unknown) => error);
    world.partnerCenter.faults.remove(fault);

    expect(failure).toMatchObject({ code: "partnerCenterAccess", retryable: false });
    const row = await opportunityRow(world, opportunityId);
    expect(newestAuditLine(row)).toContain("What to do: Ask your admin to renew the Partner Center connection");
    const [record] = await world.store.recentSyncs({ limit: 1, opportunityId });
    const everything = `${String(row.csb_audit)}\n${JSON.stringify(record)}\n${(failure as Error).message}`;
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });

  it("marks the row Error when the queue gives up retrying", async () => {
    const { opportunityId } = await syncedOpportunity(world);
    const job = opportunityJob(world, opportunityId);
    const busy = new ApiError(
      {
        api: "partnerCenter",
        status: 503,
        code: null,
        request: "PATCH /v1.0/engagements/referrals/x",
        retryAfterMs: null,
      },
      "Partner Center answered 503",
    );

    await world.engine.reportGaveUp(job, busy);

    const row = await opportunityRow(world, opportunityId);
    expect(row.csb_syncstatus).toBe(SyncStatus.Error);
    expect(newestAuditLine(row)).toContain(
      "Stopped retrying: Partner Center answered HTTP 503; the sync will be retried.",
    );
    expect(newestAuditLine(row)).toContain("What to do: Use Sync now on the opportunity once the cause is gone");
    const [record] = await world.store.recentSyncs({ limit: 1, opportunityId });
    expect(record).toMatchObject({ outcome: "failed" });

    // A permanent failure was already reported by its sync, with better advice: nothing is written over it.
    const etag = row["@odata.etag"];
    await world.engine.reportGaveUp(job, new SyncError("countryRefused", "Partner Center refused the country 'XX'."));
    expect((await opportunityRow(world, opportunityId))["@odata.etag"]).toBe(etag);
  });

  it("asks the queue to come back later for an event about a referral whose create is still in flight", async () => {
    const { opportunityId } = await aCoSellOpportunity(world);
    await world.store.saveLink({
      opportunityId,
      referralId: null,
      base: null,
      referralEtag: null,
      referralUpdatedAt: null,
      createIntentAt: world.clock.now().toISOString(),
      lastSyncedAt: null,
    });
    const created = await createLikeTheEngine(world, opportunityId);

    const early = await world.engine
      .syncReferral(referralJob(created.value, "referral-created"))
      .catch((error: unknown) => error);
    expect(early).toMatchObject({ code: "createInFlight", retryable: true, retryAfterMs: 3_000 });

    await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { message: "Create" }));
    const later = await world.engine.syncReferral(referralJob(created.value, "referral-created"));
    expect(later).toMatchObject({ outcome: "echo", partnerCenterCalls: 0, opportunityId });
    expect(await referralsFor(world, opportunityId)).toHaveLength(1);
  });
});
