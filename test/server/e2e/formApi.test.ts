/**
 * What the Opportunity form asks the service (/api/v1), over real HTTP with a seller's token, once the loop has run:
 * the sync status panel, "Sync now" and the pre-flight validation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../support/bridgeStack";
import { formCall } from "./support/formApi";
import { referralCalls, referralsOf } from "./support/observe";
import { STORAGES, settle, shareOpportunity, startE2eStack, type E2eStack } from "./support/stack";

describe.each(STORAGES)("the form's API over the loop on %s", (storage) => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack(storage, "form_api");
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  it("answers the sync status of a synced opportunity: Synced, the checkmark, the referral link and the audit", async () => {
    const deal = await shareOpportunity(stack, "Status panel");
    const answer = await formCall(stack, "GET", `/opportunities/${deal.opportunityId}/sync-status`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      opportunityId: deal.opportunityId,
      status: "Synced",
      checkmark: true,
      referralId: deal.referral.id,
      referralLink: expect.stringContaining(deal.referral.id) as unknown,
      lastSyncedAt: expect.any(String) as unknown,
      lastError: null,
      pending: [],
      // The partner's own referral: nothing to accept or decline.
      awaitingAnswer: false,
    });
    expect(answer.body.audit).toEqual([
      {
        at: expect.any(String) as unknown,
        text: expect.stringContaining(`Created referral ${deal.referral.id}`) as unknown,
        line: expect.stringMatching(
          new RegExp(`^\\[[-0-9 :]+ UTC\\] Dynamics → Partner Center: Created referral ${deal.referral.id}`),
        ) as unknown,
      },
    ]);
  });

  it("queues a sync on POST .../sync, which runs at once and costs no Partner Center call when nothing changed", async () => {
    const deal = await shareOpportunity(stack, "Sync now");
    const syncs = await stack.service.syncState.recentSyncs({ limit: 50, opportunityId: deal.opportunityId });
    const calls = referralCalls(stack).length;

    const answer = await formCall(stack, "POST", `/opportunities/${deal.opportunityId}/sync`);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ jobId: expect.any(String) as unknown, coalesced: false });
    await eventually("the requested sync to run", async () => {
      const now = await stack.service.syncState.recentSyncs({ limit: 50, opportunityId: deal.opportunityId });
      return now.length > syncs.length ? now : undefined;
    });
    await settle(stack);
    const [latest] = await stack.service.syncState.recentSyncs({ limit: 1, opportunityId: deal.opportunityId });
    expect(latest).toMatchObject({ direction: "toPartnerCenter", outcome: "unchanged", partnerCenterCalls: 0 });
    expect(referralCalls(stack).length).toBe(calls);
  });

  it("lists what is wrong with an invalid opportunity on POST .../validate, and nothing for a valid one", async () => {
    const customer = await stack.seller.createCustomer();
    const invalid = await stack.seller.createOpportunity(customer, { name: "Half-filled deal", dealValue: 0 });
    await stack.seller.save(invalid, { csb_microsofthelp: "582100000" });
    const answer = await formCall(stack, "POST", `/opportunities/${invalid}/validate`);
    expect(answer.status).toBe(200);
    expect(answer.body.valid).toBe(false);
    const codes = (answer.body.problems as { code: string; field: string; message: string }[]).map(
      (problem) => problem.code,
    );
    expect(codes.sort()).toEqual(["dealValueNotPositive", "helpNeedsSharing", "solutionMissing"]);

    const valid = await shareOpportunity(stack, "Valid deal");
    const fine = await formCall(stack, "POST", `/opportunities/${valid.opportunityId}/validate`);
    expect(fine.body).toMatchObject({ opportunityId: valid.opportunityId, valid: true, problems: [] });
    await settle(stack);
    expect(referralsOf(stack, invalid)).toEqual([]);
  });

  it("answers 404 for an opportunity that does not exist, and 401 without a token", async () => {
    const missing = "0b2a8a4e-3f6c-4f55-9f65-7c2a1d9e3b10";
    expect((await formCall(stack, "GET", `/opportunities/${missing}/sync-status`)).status).toBe(404);
    const anonymous = await fetch(`${stack.service.url ?? ""}/api/v1/opportunities/${missing}/sync-status`);
    expect(anonymous.status).toBe(401);
  });
});
