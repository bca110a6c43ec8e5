import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpportunityState, SyncStatus } from "../../../core";
import { SyncError } from "../../../server/sync";
import {
  anInbound,
  newestAuditLine,
  opportunityJob,
  opportunityRow,
  referralJob,
  referralOf,
  syncedOpportunity,
  tick,
} from "./scenarios";
import { HOUR_MS, startWorld, WORLD_TIMEOUT_MS, type World } from "./world";

describe("won, lost, accepted and declined, both ways", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(async () => {
    await world.close();
  }, WORLD_TIMEOUT_MS);

  const closeInDynamics = (opportunityId: string, action: "WinOpportunity" | "LoseOpportunity") =>
    world.seller.action(action, {
      Status: action === "WinOpportunity" ? 3 : 4,
      OpportunityClose: {
        subject: "Closed by the seller",
        "opportunityid@odata.bind": `/opportunities(${opportunityId})`,
      },
    });
  const served = (action: string) =>
    world.dataverse.log.count((entry) => entry.method === "POST" && entry.path.endsWith(`/${action}`));

  it("sends a win from Dynamics once Partner Center's 72 hours have passed, and says so on the row before", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    await closeInDynamics(opportunityId, "WinOpportunity");

    const early = await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { message: "Win" }));
    expect(early).toMatchObject({ outcome: "unchanged", partnerCenterCalls: 0 });
    let row = await opportunityRow(world, opportunityId);
    expect(row.csb_syncstatus).toBe(SyncStatus.Error);
    expect(newestAuditLine(row)).toContain("Partner Center can't take Status: Partner Center needs 72 hours");
    expect(newestAuditLine(row)).toContain("What to do: Wait until 72 hours have passed");

    world.clock.advance(73 * HOUR_MS);
    const late = await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    expect(late).toMatchObject({ outcome: "updated", partnerCenterCalls: 1 });
    expect(await referralOf(world, referralId)).toMatchObject({ status: "Closed", substatus: "Won" });
    row = await opportunityRow(world, opportunityId);
    expect(row.csb_syncstatus).toBe(SyncStatus.Synced);
    expect(newestAuditLine(row)).toContain("sent Status");
  });

  it("sends a loss from Dynamics, then keeps later edits out of the closed referral without an error loop", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    await closeInDynamics(opportunityId, "LoseOpportunity");
    const lost = await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { message: "Lose" }));
    expect(lost).toMatchObject({ outcome: "updated", partnerCenterCalls: 1 });
    expect(await referralOf(world, referralId)).toMatchObject({ status: "Closed", substatus: "Lost" });
    tick(world);

    await world.seller.update("opportunities", opportunityId, { description: "Post-mortem notes" });
    const before = world.partnerCenterCalls();
    const edit = await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    expect(edit).toMatchObject({ outcome: "unchanged", partnerCenterCalls: 0 });
    expect(world.partnerCenterCalls()).toBe(before);
    const row = await opportunityRow(world, opportunityId);
    expect(row.csb_syncstatus).toBe(SyncStatus.Synced);
    expect(newestAuditLine(row)).toContain(
      "Partner Center can't take Description (notes): the referral is Closed/Lost",
    );
  });

  it("refuses to make a shared deal private again, with what to do", async () => {
    const { opportunityId } = await syncedOpportunity(world);
    await world.seller.update("opportunities", opportunityId, { csb_sharewithmicrosoft: false });
    const record = await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    expect(record).toMatchObject({ outcome: "unchanged", partnerCenterCalls: 0 });
    const row = await opportunityRow(world, opportunityId);
    expect(row.csb_syncstatus).toBe(SyncStatus.Error);
    expect(newestAuditLine(row)).toContain("What to do: Set Visible to Microsoft sellers back to Yes");
  });

  it("closes the opportunity through WinOpportunity when Microsoft wins the deal in Partner Center", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    const wins = served("WinOpportunity");
    const won = await world.partnerCenter.admin.closeAsMicrosoft(referralId, "Won", true);
    tick(world);

    const record = await world.engine.syncReferral(referralJob(won));

    expect(record).toMatchObject({ outcome: "updated", opportunityId, partnerCenterCalls: 1 });
    expect(served("WinOpportunity")).toBe(wins + 1);
    const row = await opportunityRow(world, opportunityId);
    expect(row).toMatchObject({ statecode: OpportunityState.Won, csb_syncstatus: SyncStatus.Synced });
    expect(newestAuditLine(row)).toContain("Partner Center → Dynamics: Referral");
    expect(newestAuditLine(row)).toContain("received Status");
  });

  it("closes the opportunity through LoseOpportunity when the deal is lost in Partner Center", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    const losses = served("LoseOpportunity");
    const lost = await world.partnerCenter.admin.closeAsMicrosoft(referralId, "Lost");
    tick(world);

    await world.engine.syncReferral(referralJob(lost));

    expect(served("LoseOpportunity")).toBe(losses + 1);
    expect((await opportunityRow(world, opportunityId)).statecode).toBe(OpportunityState.Lost);
  });

  it("accepts an inbound referral from the form, once, and refuses to decline it afterwards", async () => {
    const { referral } = await world.partnerCenter.admin.createInboundReferral(anInbound());
    tick(world);
    const arrived = await world.engine.syncReferral(referralJob(referral, "referral-created"));
    expect(arrived.outcome).toBe("created");
    tick(world);

    const accepted = await world.engine.acceptReferral(referral.id);

    expect(accepted).toMatchObject({ status: "Active", substatus: "Accepted", opportunityId: arrived.opportunityId });
    // GET, the accept PATCH, and one PATCH that gives Partner Center the sales stage Dynamics set by default when it
    // created the opportunity (Dynamics owns that field; the inbound referral had none).
    expect(accepted.record).toMatchObject({ outcome: "updated", partnerCenterCalls: 3 });
    expect((await referralOf(world, referral.id)).salesStage).toBe("Qualify");
    expect(await referralOf(world, referral.id)).toMatchObject({ status: "Active", substatus: "Accepted" });
    const row = await opportunityRow(world, String(arrived.opportunityId));
    expect(newestAuditLine(row)).toContain(`Accepted referral ${referral.id} in Partner Center.`);

    const again = await world.engine.acceptReferral(referral.id);
    expect(again.record.partnerCenterCalls).toBe(1);

    const refused = await world.engine.declineReferral(referral.id, "Too late").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SyncError);
    expect(refused).toMatchObject({ code: "invalidTransition", httpStatus: 409, retryable: false });
    expect((refused as Error).message).toContain("only a New referral can become Closed/Declined");
  });

  it("declines an inbound referral from the form and closes its opportunity as lost", async () => {
    const { referral } = await world.partnerCenter.admin.createInboundReferral(anInbound());
    tick(world);
    const arrived = await world.engine.syncReferral(referralJob(referral, "referral-created"));
    tick(world);
    const losses = served("LoseOpportunity");

    const declined = await world.engine.declineReferral(referral.id, "No capacity this quarter");

    expect(declined).toMatchObject({ status: "Closed", substatus: "Declined" });
    expect(await referralOf(world, referral.id)).toMatchObject({
      status: "Closed",
      substatus: "Declined",
      statusReason: "No capacity this quarter",
    });
    expect(served("LoseOpportunity")).toBe(losses + 1);
    expect((await opportunityRow(world, String(arrived.opportunityId))).statecode).toBe(OpportunityState.Lost);
  });
});
