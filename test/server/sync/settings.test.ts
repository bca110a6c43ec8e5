import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SyncStatus } from "../../../core";
import { SyncError } from "../../../server/sync";
import {
  aCoSellOpportunity,
  newestAuditLine,
  opportunityJob,
  opportunityRow,
  referralJob,
  referralsFor,
  setVariable,
  syncedOpportunity,
  tick,
} from "./scenarios";
import { startWorld, WORLD_TIMEOUT_MS, type World } from "./world";

describe("the admin's settings (csb_ environment variables)", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(async () => {
    await world.close();
  }, WORLD_TIMEOUT_MS);
  afterEach(async () => {
    for (const name of ["csb_SyncCoSellOnly", "csb_DealValueField", "csb_FieldMapping"]) {
      await setVariable(world, name, null);
    }
    world.engine.invalidateSettings();
  });

  async function configure(name: string, value: string): Promise<void> {
    await setVariable(world, name, value);
    world.engine.invalidateSettings();
  }

  it("csb_SyncCoSellOnly = Yes: a deal that asks Microsoft for no help is not sent, and the row says why", async () => {
    await configure("csb_SyncCoSellOnly", "yes");
    const { opportunityId } = await aCoSellOpportunity(world, {
      csb_microsofthelp: null,
      csb_sharewithmicrosoft: false,
    });
    const before = world.partnerCenterCalls();

    const record = await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { message: "Create" }));

    expect(record).toMatchObject({ outcome: "skipped", partnerCenterCalls: 0 });
    expect(world.partnerCenterCalls()).toBe(before);
    expect(await referralsFor(world, opportunityId)).toEqual([]);
    const row = await opportunityRow(world, opportunityId);
    expect(row.csb_syncstatus).toBe(SyncStatus.NotSynced);
    expect(newestAuditLine(row)).toContain("only co-sell opportunities are synced here (csb_SyncCoSellOnly)");

    const coSell = await aCoSellOpportunity(world);
    const created = await world.engine.syncOpportunity(
      opportunityJob(world, coSell.opportunityId, { message: "Create" }),
    );
    expect(created.outcome).toBe("created");
  });

  it("csb_DealValueField: the deal value lives in the column the admin names, both ways", async () => {
    await configure("csb_DealValueField", "budgetamount");
    const { opportunityId, referralId } = await syncedOpportunity(world, { estimatedvalue: 1, budgetamount: 77000 });
    const [referral] = await referralsFor(world, opportunityId);
    expect(referral?.details?.dealValue).toBe(77000);

    await world.seller.update("opportunities", opportunityId, { budgetamount: 88000 });
    world.patches.length = 0;
    await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { changed: { budgetamount: 88000 } }));
    expect(world.patches.map((patch) => patch.operations)).toEqual([
      [{ op: "replace", path: "/details/dealValue", value: 88000 }],
    ]);
    tick(world);

    const changed = await world.partnerCenter.admin.updateDealAsMicrosoft(referralId, { dealValue: 99000 });
    tick(world);
    await world.engine.syncReferral(referralJob(changed));
    expect(await opportunityRow(world, opportunityId)).toMatchObject({ budgetamount: 99000, estimatedvalue: 1 });
  });

  it("a bad csb_FieldMapping stops every sync with an error that names the entries to fix", async () => {
    await configure("csb_FieldMapping", '{"fields":{"dealValue":{"column":"Deal Value"},"budget":{}}}');
    const { opportunityId } = await aCoSellOpportunity(world);
    const before = world.partnerCenterCalls();

    const failure = await world.engine
      .syncOpportunity(opportunityJob(world, opportunityId, { message: "Create" }))
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SyncError);
    expect(failure).toMatchObject({ code: "mappingInvalid", retryable: false });
    expect(world.partnerCenterCalls()).toBe(before);
    const line = newestAuditLine(await opportunityRow(world, opportunityId));
    expect(line).toContain("csb_FieldMapping: fields.dealValue.column: 'Deal Value' is not a Dataverse logical name");
    expect(line).toContain("csb_FieldMapping: fields.budget is not a mapped field.");
    expect(line).toContain("What to do: Ask your Dynamics admin to fix the environment variable entries named here");

    const validation = await world.engine.validate(opportunityId);
    expect(validation).toMatchObject({ valid: false });
    expect(validation.problems.map((problem) => problem.code)).toEqual(["mappingInvalid", "mappingInvalid"]);
  });

  it("reads the settings once per minute, and again at once after invalidateSettings", async () => {
    const reads = () => world.dataverse.log.count((entry) => entry.path.endsWith("/environmentvariabledefinitions"));
    world.engine.invalidateSettings();
    const { opportunityId } = await syncedOpportunity(world);
    const afterFirst = reads();
    await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    expect(reads()).toBe(afterFirst);

    tick(world, 61_000);
    await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    expect(reads()).toBe(afterFirst + 1);

    world.engine.invalidateSettings();
    await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    expect(reads()).toBe(afterFirst + 2);
  });
});
