/**
 * The seed connector's SCENARIOS (shared/reference/seed-co-sell-connector.md), end to end over real HTTP and through
 * webhooks only: a seller works in Dynamics (Dataverse Web API with the seller's token), Microsoft works in Partner
 * Center (the emulator's admin API), and the service, on PGlite and on PostgreSQL, keeps both sides in step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpportunityState, SyncStatus } from "../../../core";
import { eventually } from "../../support/bridgeStack";
import { anInboundRequest } from "../../support/partnerCenterEmulator";
import { formCall } from "./support/formApi";
import { inboundDeal, ageReferral } from "./support/microsoft";
import {
  actionCalls,
  auditLines,
  opportunityRow,
  referralById,
  referralCalls,
  referralOf,
  referralsOf,
} from "./support/observe";
import { STORAGES, settle, shareOpportunity, sleep, startE2eStack, type E2eStack } from "./support/stack";

describe.each(STORAGES)("co-sell scenarios end to end on %s", (storage) => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack(storage, "scenarios");
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  describe("Scenario 1: an opportunity synced from Dynamics to Partner Center", () => {
    it("becomes a referral with the opportunity's fields, and the form shows the link, Synced and one audit line", async () => {
      const product = stack.products[0] ?? "";
      const customer = await stack.seller.createCustomer();
      const opportunityId = await stack.seller.createOpportunity(customer, {
        name: "Fabrikam rollout",
        dealValue: 120_000,
      });
      await stack.seller.turnOnSync(opportunityId, { help: ["GeneralOrOther"], products: [product], share: true });

      const referral = await referralOf(stack, opportunityId);
      await settle(stack);
      expect(referralsOf(stack, opportunityId)).toHaveLength(1);
      expect(referral).toMatchObject({
        externalReferenceId: opportunityId,
        name: "Fabrikam rollout",
        status: "Active",
        customerProfile: { name: customer.name, address: { country: "US", postalCode: "98052" } },
        details: { dealValue: 120_000, currency: "USD", requirements: { solutions: [{ id: product }] } },
        inviteContext: { assistanceRequestCode: "GeneralOrOther" },
        consent: { consentToShareReferralWithMicrosoftSellers: true },
      });

      const row = opportunityRow(stack, opportunityId);
      expect(row.csb_referralid).toBe(referral.id);
      expect(row.csb_referrallink).toEqual(expect.stringContaining(referral.id));
      expect(row.csb_syncstatus).toBe(SyncStatus.Synced);
      expect(row.csb_lastsyncedon).toEqual(expect.any(String));
      const lines = auditLines(row);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`Dynamics → Partner Center: Created referral ${referral.id}`));
    });

    it("sends a changed deal value as exactly one PATCH, and its echoes make no further call", async () => {
      const deal = await shareOpportunity(stack, "Deal value change");
      const before = { all: referralCalls(stack).length, patches: referralCalls(stack, "PATCH").length };

      await stack.seller.save(deal.opportunityId, { estimatedvalue: 150_000 });
      await eventually("the new deal value in Partner Center", () => {
        return referralById(stack, deal.referral.id).details?.dealValue === 150_000;
      });
      await settle(stack);
      expect(referralCalls(stack, "PATCH").length - before.patches).toBe(1);
      expect(referralCalls(stack).length - before.all).toBe(1);

      // Partner Center's referral-updated event and Dynamics' webhook for the write-back both come back: no loop.
      const settled = referralCalls(stack).length;
      await sleep(1_000);
      await settle(stack);
      expect(referralCalls(stack).length).toBe(settled);
      expect(referralsOf(stack, deal.opportunityId)).toHaveLength(1);
      const row = opportunityRow(stack, deal.opportunityId);
      expect(row.csb_syncstatus).toBe(SyncStatus.Synced);
      expect(auditLines(row)[0]).toMatch(/sent Deal value/i);
    });
  });

  describe("Scenario 2: a referral Microsoft shares in Partner Center, synced into Dynamics", () => {
    it("creates the opportunity with a new account and contact, and follows Microsoft's deal value", async () => {
      const name = `Litware ${storage} ${Date.now()}`;
      const inbound = await stack.partnerCenter.admin.createInboundReferral(
        anInboundRequest({
          customer: { name, address: { city: "Austin", state: "TX", postalCode: "73301", country: "US" } },
          solutions: [stack.products[1] ?? ""],
          dealValue: 50_000,
        }),
      );
      const referralId = inbound.referral.id;
      const opportunity = await eventually("the opportunity of Microsoft's referral", () => {
        const rows = stack.dataverse.org.retrieveMultiple("opportunity", {
          filter: `csb_referralid eq '${referralId}'`,
        });
        return rows.value[0];
      });
      await settle(stack);
      const rows = stack.dataverse.org.retrieveMultiple("opportunity", { filter: `csb_referralid eq '${referralId}'` });
      expect(rows.value).toHaveLength(1);
      expect(opportunity).toMatchObject({ estimatedvalue: 50_000, csb_syncwithpartnercenter: true, statecode: 0 });
      expect(opportunity.csb_syncstatus).toBe(SyncStatus.Synced);
      const account = stack.dataverse.org.retrieve("account", String(opportunity._parentaccountid_value));
      expect(account).toMatchObject({ name, address1_country: "US" });
      const contact = stack.dataverse.org.retrieve("contact", String(opportunity._parentcontactid_value));
      expect(contact).toMatchObject({ emailaddress1: "lee.park@litware.example" });

      await stack.partnerCenter.admin.updateDealAsMicrosoft(referralId, { dealValue: 65_000 });
      await eventually("Microsoft's deal value in Dynamics", () => {
        return opportunityRow(stack, String(opportunity.opportunityid)).estimatedvalue === 65_000;
      });
      await settle(stack);
      // Microsoft's value stays, and taking it starts no ping-pong between the two sides.
      const calls = referralCalls(stack).length;
      await sleep(500);
      await settle(stack);
      expect(referralCalls(stack).length).toBe(calls);
      expect(referralById(stack, referralId).details?.dealValue).toBe(65_000);
    });

    it("accepts Microsoft's referral from the form (POST /api/v1/referrals/:id/accept)", async () => {
      const deal = await inboundDeal(stack);
      expect(referralById(stack, deal.referralId)).toMatchObject({ status: "New", substatus: "Pending" });
      const statusPath = `/opportunities/${deal.opportunityId}/sync-status`;
      // What the form's Accept and Decline enable rule reads: waiting for the partner's answer.
      expect((await formCall(stack, "GET", statusPath)).body).toMatchObject({ awaitingAnswer: true });

      const answer = await formCall(stack, "POST", `/referrals/${deal.referralId}/accept`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        referralId: deal.referralId,
        status: "Active",
        substatus: "Accepted",
        opportunityId: deal.opportunityId,
      });
      expect(referralById(stack, deal.referralId)).toMatchObject({ status: "Active", substatus: "Accepted" });
      await settle(stack);
      expect((await formCall(stack, "GET", statusPath)).body).toMatchObject({ awaitingAnswer: false });
      const row = opportunityRow(stack, deal.opportunityId);
      expect(row.statecode).toBe(OpportunityState.Open);
      expect(auditLines(row)[0]).toMatch(new RegExp(`Accepted referral ${deal.referralId}`));

      const again = await formCall(stack, "POST", `/referrals/${deal.referralId}/decline`);
      expect(again.status).toBe(409);
      expect(referralById(stack, deal.referralId)).toMatchObject({ status: "Active", substatus: "Accepted" });
    });

    it("declines Microsoft's referral from the form with a reason, and the opportunity closes as Lost", async () => {
      const deal = await inboundDeal(stack);
      const loses = actionCalls(stack, "LoseOpportunity");

      const answer = await formCall(stack, "POST", `/referrals/${deal.referralId}/decline`, {
        reason: "No capacity this quarter",
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status: "Closed", substatus: "Declined", opportunityId: deal.opportunityId });
      expect(referralById(stack, deal.referralId)).toMatchObject({
        status: "Closed",
        substatus: "Declined",
        statusReason: "No capacity this quarter",
      });
      await settle(stack);
      expect(opportunityRow(stack, deal.opportunityId).statecode).toBe(OpportunityState.Lost);
      expect(actionCalls(stack, "LoseOpportunity")).toBe(loses + 1);
    });
  });

  describe("Won and Lost, both ways", () => {
    it("refuses the seller's Won within 72 hours of the referral's creation, and says so on the opportunity", async () => {
      const deal = await shareOpportunity(stack, "Won too soon");
      const patches = referralCalls(stack, "PATCH").length;

      await stack.seller.close(deal.opportunityId, "Won");
      await eventually("the opportunity to show the refusal", () => {
        return opportunityRow(stack, deal.opportunityId).csb_syncstatus === SyncStatus.Error;
      });
      await settle(stack);
      expect(auditLines(opportunityRow(stack, deal.opportunityId))[0]).toMatch(/72 hours/);
      expect(referralById(stack, deal.referral.id)).toMatchObject({ status: "Active", substatus: "Accepted" });
      expect(referralCalls(stack, "PATCH").length).toBe(patches);
    });

    it("closes the referral as Won when the seller wins a deal Microsoft shared more than 72 hours ago", async () => {
      const deal = await inboundDeal(stack, 80_000);
      await ageReferral(stack, deal.referralId, 4);
      expect((await formCall(stack, "POST", `/referrals/${deal.referralId}/accept`)).status).toBe(200);
      await settle(stack);

      await stack.seller.close(deal.opportunityId, "Won");
      await eventually("the referral to close as Won", () => {
        return referralById(stack, deal.referralId).status === "Closed";
      });
      await settle(stack);
      expect(referralById(stack, deal.referralId)).toMatchObject({ status: "Closed", substatus: "Won" });
      const row = opportunityRow(stack, deal.opportunityId);
      expect(row.statecode).toBe(OpportunityState.Won);
      expect(row.csb_syncstatus).toBe(SyncStatus.Synced);
    });

    it("closes the seller's referral as Lost when the seller loses the opportunity", async () => {
      const deal = await shareOpportunity(stack, "Lost by the seller");
      await stack.seller.close(deal.opportunityId, "Lost");
      await eventually("the referral to close as Lost", () => {
        return referralById(stack, deal.referral.id).status === "Closed";
      });
      await settle(stack);
      expect(referralById(stack, deal.referral.id)).toMatchObject({ status: "Closed", substatus: "Lost" });
      expect(opportunityRow(stack, deal.opportunityId).csb_syncstatus).toBe(SyncStatus.Synced);
    });

    it("loses the opportunity through LoseOpportunity when Microsoft closes the referral as Lost", async () => {
      const deal = await shareOpportunity(stack, "Lost by Microsoft");
      const loses = actionCalls(stack, "LoseOpportunity");
      await stack.partnerCenter.admin.closeAsMicrosoft(deal.referral.id, "Lost");
      await eventually("the opportunity to close as Lost", () => {
        return opportunityRow(stack, deal.opportunityId).statecode === OpportunityState.Lost;
      });
      await settle(stack);
      expect(actionCalls(stack, "LoseOpportunity")).toBe(loses + 1);
      expect(referralsOf(stack, deal.opportunityId)).toHaveLength(1);
    });

    it("wins the opportunity through WinOpportunity, with the deal value, when Microsoft closes it as Won", async () => {
      const deal = await shareOpportunity(stack, "Won by Microsoft", 90_000);
      const wins = actionCalls(stack, "WinOpportunity");
      await stack.partnerCenter.admin.closeAsMicrosoft(deal.referral.id, "Won", true);
      await eventually("the opportunity to close as Won", () => {
        return opportunityRow(stack, deal.opportunityId).statecode === OpportunityState.Won;
      });
      await settle(stack);
      expect(actionCalls(stack, "WinOpportunity")).toBe(wins + 1);
      expect(opportunityRow(stack, deal.opportunityId).actualvalue).toBe(90_000);
    });
  });
});
