import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MicrosoftHelpOption, referralLinkOf, SyncStatus } from "../../../core";
import {
  anInbound,
  currencyId,
  newestAuditLine,
  opportunityJob,
  opportunityRow,
  referralJob,
  referralOf,
  syncedOpportunity,
  tick,
} from "./scenarios";
import { startWorld, WORLD_TIMEOUT_MS, type World } from "./world";

describe("referral → opportunity", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(async () => {
    await world.close();
  }, WORLD_TIMEOUT_MS);

  it("creates the opportunity, its account and its contact for a referral Microsoft shares", async () => {
    const { referral, microsoftReferral } = await world.partnerCenter.admin.createInboundReferral(
      anInbound({ name: "Litware data platform", notes: "Wants Azure landing zone help." }),
    );
    tick(world);
    const before = world.partnerCenterCalls();

    const record = await world.engine.syncReferral(referralJob(referral, "referral-created"));

    expect(record).toMatchObject({ outcome: "created", direction: "toDataverse", partnerCenterCalls: 1 });
    expect(world.partnerCenterCalls() - before).toBe(1);
    const opportunityId = String(record.opportunityId);
    const row = await opportunityRow(world, opportunityId);
    expect(row).toMatchObject({
      name: "Litware data platform",
      description: "Wants Azure landing zone help.",
      estimatedvalue: 50000,
      estimatedclosedate: "2027-02-01",
      _transactioncurrencyid_value: await currencyId(world, "USD"),
      csb_syncwithpartnercenter: true,
      csb_referralid: referral.id,
      csb_referrallink: referralLinkOf(referral.id),
      csb_microsoftcrmid: referral.trackingInfo?.microsoftMsxId,
      csb_microsofthelp: String(MicrosoftHelpOption.GeneralOrOther),
      csb_sharewithmicrosoft: true,
      csb_products: "SOL-20418-K2P",
      csb_syncstatus: SyncStatus.Synced,
    });
    expect(newestAuditLine(row)).toContain(
      `Partner Center → Dynamics: Created from referral ${referral.id} with a new account and a new contact.`,
    );
    const account = await world.seller.read("accounts", String(row._parentaccountid_value));
    expect(account).toMatchObject({
      name: referral.customerProfile?.name,
      address1_postalcode: "78701",
      address1_country: "US",
      address1_city: "Austin",
    });
    const contact = await world.seller.read("contacts", String(row._parentcontactid_value));
    expect(contact).toMatchObject({
      firstname: "Lee",
      lastname: "Park",
      emailaddress1: referral.customerProfile?.team?.[0]?.email,
      _parentcustomerid_value: account.accountid,
    });

    // Microsoft's own referral in the engagement never becomes a second opportunity.
    const theirs = await world.engine.syncReferral(referralJob(microsoftReferral, "related-referral-created"));
    expect(theirs).toMatchObject({ outcome: "skipped" });
  });

  it("matches the account of a new referral by customer name and postal code", async () => {
    const first = await world.partnerCenter.admin.createInboundReferral(anInbound());
    tick(world);
    const firstRecord = await world.engine.syncReferral(referralJob(first.referral, "referral-created"));
    const second = await world.partnerCenter.admin.createInboundReferral(
      anInbound({ customer: first.referral.customerProfile as never }),
    );
    tick(world);
    const secondRecord = await world.engine.syncReferral(referralJob(second.referral, "referral-created"));

    expect(secondRecord.summary).toContain("with an existing account");
    const [one, two] = await Promise.all([
      opportunityRow(world, String(firstRecord.opportunityId)),
      opportunityRow(world, String(secondRecord.opportunityId)),
    ]);
    expect(two._parentaccountid_value).toBe(one._parentaccountid_value);
  });

  it("updates the opportunity with only what Microsoft changed, without writing to Partner Center", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    const changed = await world.partnerCenter.admin.updateDealAsMicrosoft(referralId, {
      dealValue: 210000,
      closingDateTime: "2027-05-15T00:00:00Z",
    });
    tick(world);
    const patchesBefore = world.patches.length;

    const record = await world.engine.syncReferral(referralJob(changed));

    expect(record).toMatchObject({ outcome: "updated", opportunityId, partnerCenterCalls: 1 });
    expect(world.patches).toHaveLength(patchesBefore);
    const row = await opportunityRow(world, opportunityId);
    expect(row).toMatchObject({
      estimatedvalue: 210000,
      estimatedclosedate: "2027-05-15",
      csb_microsoftcrmid: changed.trackingInfo?.microsoftMsxId,
      description: "Move the warehouse apps to the cloud.",
    });
    expect(newestAuditLine(row)).toContain("received Deal value, Close date, Microsoft CRM Identifier");

    // Dynamics' webhook for that write comes back as the service's own change: nothing to send.
    const echo = await world.engine.syncOpportunity(opportunityJob(world, opportunityId, { by: "service" }));
    expect(echo).toMatchObject({ outcome: "echo", partnerCenterCalls: 0 });
    // And a later seller save that changes nothing mapped sends nothing back either.
    const resave = await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    expect(resave).toMatchObject({ outcome: "unchanged", partnerCenterCalls: 0 });
  });

  it("recognises the event of its own write as an echo, with no Partner Center call", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    const created = await referralOf(world, referralId);
    const createdEcho = await world.engine.syncReferral(referralJob(created, "referral-created"));
    expect(createdEcho).toMatchObject({ outcome: "echo", partnerCenterCalls: 0, opportunityId });

    await world.seller.update("opportunities", opportunityId, { name: "Renamed deal" });
    await world.engine.syncOpportunity(opportunityJob(world, opportunityId));
    const patched = await referralOf(world, referralId);
    expect(patched.name).toBe("Renamed deal");
    const before = world.partnerCenterCalls();
    const updatedEcho = await world.engine.syncReferral(referralJob(patched));
    expect(updatedEcho).toMatchObject({ outcome: "echo", partnerCenterCalls: 0 });
    expect(world.partnerCenterCalls()).toBe(before);
  });

  it("applies out-of-order events once, keeping the newest value", async () => {
    const { opportunityId, referralId } = await syncedOpportunity(world);
    const older = await world.partnerCenter.admin.updateDealAsMicrosoft(referralId, { dealValue: 111000 });
    tick(world);
    const newer = await world.partnerCenter.admin.updateDealAsMicrosoft(referralId, { dealValue: 222000 });
    tick(world);

    const first = await world.engine.syncReferral(referralJob(newer));
    const late = await world.engine.syncReferral(referralJob(older));

    expect(first).toMatchObject({ outcome: "updated", partnerCenterCalls: 1 });
    expect(late).toMatchObject({ outcome: "echo", partnerCenterCalls: 0 });
    expect(late.summary).toContain("arrived late");
    expect((await opportunityRow(world, opportunityId)).estimatedvalue).toBe(222000);
  });

  it("leaves alone a referral that was already closed when it first reached Dynamics", async () => {
    const { referral } = await world.partnerCenter.admin.createInboundReferral(anInbound());
    tick(world);
    const lost = await world.partnerCenter.admin.closeAsMicrosoft(referral.id, "Lost");
    tick(world);
    const record = await world.engine.syncReferral(referralJob(lost));
    expect(record).toMatchObject({ outcome: "skipped", opportunityId: null });
    expect(record.summary).toContain("closed before it reached Dynamics");
  });
});
