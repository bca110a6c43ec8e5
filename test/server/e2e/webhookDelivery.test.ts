/**
 * Webhooks as they really arrive: Dataverse's repeated and stale deliveries (the same captured body replayed, old and
 * new interleaved), Partner Center's duplicates and out-of-order events (partner-center.md §2.5), and deliveries
 * nobody sent: a wrong webhook key, a tampered body, a forged signature. The first kind must end with exactly one
 * referral or opportunity and the latest state; the second must be refused with 401 and leave no job behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SyncStatus } from "../../../core";
import { eventually } from "../../support/bridgeStack";
import { anInboundRequest } from "../../support/partnerCenterEmulator";
import {
  jobsStored,
  metricValue,
  opportunityRow,
  referralById,
  referralCalls,
  referralOf,
  referralsOf,
} from "./support/observe";
import { STORAGES, settle, shareOpportunity, startE2eStack, type E2eStack } from "./support/stack";
import { replayWebhook, type CapturedWebhook } from "./support/webhooks";

/** The seller's (not the service's) Dataverse webhook deliveries for the opportunity, oldest first. */
function sellerDeliveries(stack: E2eStack, opportunityId: string): CapturedWebhook[] {
  const integrationUser = stack.dataverse.info().users.integrationUserId;
  return stack.captured.dataverse.filter((webhook) => {
    const body = JSON.parse(webhook.body.toString("utf8")) as Record<string, unknown>;
    return body.PrimaryEntityId === opportunityId && body.InitiatingUserId !== integrationUser;
  });
}

function opportunitiesOfReferral(stack: E2eStack, referralId: string) {
  return stack.dataverse.org.retrieveMultiple("opportunity", { filter: `csb_referralid eq '${referralId}'` }).value;
}

describe.each(STORAGES)("webhook deliveries end to end on %s", (storage) => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack(storage, "deliveries");
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  describe("duplicates and stale deliveries", () => {
    it("makes one referral when the seller's turn-on webhook arrives six times while the first is being synced", async () => {
      const customer = await stack.seller.createCustomer();
      const opportunityId = await stack.seller.createOpportunity(customer, {
        name: "Replayed turn-on",
        dealValue: 70_000,
      });
      await settle(stack);
      const posts = referralCalls(stack, "POST").length;
      const delivered = sellerDeliveries(stack, opportunityId).length;
      // The create takes 300 ms, so the copies arrive while the first sync is still creating the referral.
      const slowCreate = await stack.partnerCenter.admin.addFault({
        match: { method: "POST", pathPrefix: "/v1.0/engagements/referrals" },
        fault: { kind: "latency", ms: 300 },
      });
      try {
        await stack.seller.turnOnSync(opportunityId, {
          help: ["GeneralOrOther"],
          products: [stack.products[0] ?? ""],
          share: true,
        });
        const turnOn = await eventually("the turn-on webhook", () => sellerDeliveries(stack, opportunityId)[delivered]);
        const answers = await Promise.all(Array.from({ length: 5 }, () => replayWebhook(turnOn)));
        expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202]);
        await referralOf(stack, opportunityId);
        await settle(stack);
      } finally {
        await stack.partnerCenter.admin.removeFault(slowCreate);
      }
      expect(referralsOf(stack, opportunityId)).toHaveLength(1);
      expect(referralCalls(stack, "POST").length - posts).toBe(1);
      expect(opportunityRow(stack, opportunityId).csb_syncstatus).toBe(SyncStatus.Synced);
    });

    it("keeps the newest deal value when an old webhook is replayed five times, interleaved with the new one", async () => {
      const deal = await shareOpportunity(stack, "Old and new", 100_000);
      const old = sellerDeliveries(stack, deal.opportunityId).at(-1);
      await stack.seller.save(deal.opportunityId, { estimatedvalue: 130_000 });
      await eventually("the new deal value in Partner Center", () => {
        return referralById(stack, deal.referral.id).details?.dealValue === 130_000;
      });
      await settle(stack);
      const latest = sellerDeliveries(stack, deal.opportunityId).at(-1);
      if (old === undefined || latest === undefined || old === latest) throw new Error("no deliveries captured");
      const calls = referralCalls(stack).length;

      for (const webhook of [old, latest, old, old, latest, old, old]) {
        expect((await replayWebhook(webhook)).status).toBe(202);
      }
      await settle(stack);
      // The engine reads the opportunity itself: an old body can't bring the old value back.
      expect(referralById(stack, deal.referral.id).details?.dealValue).toBe(130_000);
      expect(referralsOf(stack, deal.opportunityId)).toHaveLength(1);
      expect(referralCalls(stack).length).toBe(calls);
      expect(opportunityRow(stack, deal.opportunityId)).toMatchObject({
        estimatedvalue: 130_000,
        csb_syncstatus: SyncStatus.Synced,
      });
    });

    it("makes one opportunity from Partner Center events delivered twice each and in reverse order", async () => {
      await stack.partnerCenter.admin.configureDeliveries({
        duplicates: 2,
        outOfOrder: { windowMs: 300, order: "reversed" },
      });
      try {
        const name = `Woodgrove ${storage} ${Date.now()}`;
        const inbound = await stack.partnerCenter.admin.createInboundReferral(
          anInboundRequest({
            customer: { name, address: { city: "Denver", state: "CO", postalCode: "80202", country: "US" } },
            solutions: [stack.products[0] ?? ""],
            dealValue: 40_000,
          }),
        );
        const referralId = inbound.referral.id;
        await stack.partnerCenter.admin.updateDealAsMicrosoft(referralId, { dealValue: 45_000 });
        await stack.partnerCenter.admin.updateDealAsMicrosoft(referralId, { dealValue: 47_500 });
        await eventually("the opportunity with Microsoft's latest deal value", () => {
          return opportunitiesOfReferral(stack, referralId)[0]?.estimatedvalue === 47_500;
        });
        await settle(stack);

        const deliveries = (await stack.partnerCenter.admin.deliveries()).filter(
          (entry) => entry.referralId === referralId,
        );
        expect(deliveries.filter((entry) => entry.delivered).length).toBeGreaterThanOrEqual(6);
        expect(opportunitiesOfReferral(stack, referralId)).toHaveLength(1);
        const accounts = stack.dataverse.org.retrieveMultiple("account", { filter: `name eq '${name}'` }).value;
        expect(accounts).toHaveLength(1);
        expect(referralById(stack, referralId).details?.dealValue).toBe(47_500);
      } finally {
        await stack.partnerCenter.admin.configureDeliveries({ duplicates: 1, outOfOrder: false });
      }
    });

    it("treats a replayed old Partner Center event as already handled: no call to either side", async () => {
      const deal = await shareOpportunity(stack, "Old event");
      const created = stack.captured.partnerCenter.find((webhook) =>
        webhook.body.toString("utf8").includes(deal.referral.id),
      );
      if (created === undefined) throw new Error("the referral-created event was not captured");
      const before = { partnerCenter: referralCalls(stack).length, dataverse: stack.dataverse.log.entries().length };

      for (let copy = 0; copy < 3; copy += 1) expect((await replayWebhook(created)).status).toBe(200);
      await settle(stack);
      expect(referralCalls(stack).length).toBe(before.partnerCenter);
      expect(stack.dataverse.log.entries().length).toBe(before.dataverse);
      const [latest] = await stack.service.syncState.recentSyncs({ limit: 1, opportunityId: deal.opportunityId });
      expect(latest).toMatchObject({ direction: "toDataverse", outcome: "echo" });
    });
  });

  describe("deliveries nobody sent", () => {
    /** Everything a refused delivery must leave as it was. */
    async function untouched() {
      return {
        jobs: await jobsStored(stack),
        depth: await stack.service.queue.depth(),
        partnerCenter: JSON.stringify((await stack.partnerCenter.admin.snapshot()).referrals),
        partnerCenterCalls: stack.partnerCenter.log.entries().length,
      };
    }

    it("refuses a Dataverse delivery with a wrong or missing key (401) and stores no job", async () => {
      const deal = await shareOpportunity(stack, "Wrong key");
      const genuine = sellerDeliveries(stack, deal.opportunityId).at(-1);
      if (genuine === undefined) throw new Error("no delivery captured");
      const before = await untouched();
      const url = new URL(genuine.url);

      url.searchParams.set("code", "not-the-webhook-key");
      expect((await replayWebhook(genuine, { url: url.toString() })).status).toBe(401);
      url.searchParams.delete("code");
      expect((await replayWebhook(genuine, { url: url.toString() })).status).toBe(401);
      await settle(stack);
      expect(await untouched()).toEqual(before);
      expect(await metricValue(stack, "cosell_webhook_refusals_total", { source: "dataverse" })).toBeGreaterThanOrEqual(
        2,
      );
    });

    it("refuses a Partner Center delivery with a tampered body or a forged signature (401), touching nothing", async () => {
      const first = await shareOpportunity(stack, "Tampered event");
      const second = await shareOpportunity(stack, "Other referral");
      const genuine = stack.captured.partnerCenter.find((webhook) =>
        webhook.body.toString("utf8").includes(first.referral.id),
      );
      const other = stack.captured.partnerCenter.find((webhook) =>
        webhook.body.toString("utf8").includes(second.referral.id),
      );
      if (genuine === undefined || other === undefined) throw new Error("the events were not captured");
      const before = await untouched();

      // The same signature over a body that now names another referral, with a newer change date.
      const tampered = Buffer.from(
        genuine.body
          .toString("utf8")
          .replace(first.referral.id, second.referral.id)
          .replace(/"ResourceChangeUtcDate":"[^"]+"/, `"ResourceChangeUtcDate":"${new Date().toISOString()}"`),
      );
      expect((await replayWebhook(genuine, { body: tampered })).status).toBe(401);
      // A genuine body with the signature of another delivery.
      const signatureHeader = genuine.headers.authorization === undefined ? "x-ms-signature" : "authorization";
      const forged = { [signatureHeader]: other.headers[signatureHeader] };
      expect((await replayWebhook(genuine, { headers: forged })).status).toBe(401);
      // A signature made up from nothing.
      const madeUp = `Signature ${Buffer.alloc(256, 7).toString("base64")}`;
      expect((await replayWebhook(genuine, { headers: { [signatureHeader]: madeUp } })).status).toBe(401);

      await settle(stack);
      expect(await untouched()).toEqual(before);
      expect(
        await metricValue(stack, "cosell_webhook_refusals_total", { source: "partnerCenter" }),
      ).toBeGreaterThanOrEqual(3);
    });
  });
});
