import { describe, expect, it } from "vitest";
import type { EmulatorState, InboundReferralRequest } from "../../../../emulators/partner-center/state";
import { aMicrosoftConnectedBody, aReferralBody, day, expectRefusal, hour, newEmulator, startTime } from "./builders";

const solution = {
  id: "SOL-15974-MQF",
  name: "Contoso Supply Chain",
  publisherName: "Contoso Consulting",
  solutionType: "3P",
};

function aRequest(overrides: Partial<InboundReferralRequest> = {}): InboundReferralRequest {
  return {
    customer: {
      name: "Litware Inc",
      address: { city: "Austin", postalCode: "73301", country: "US" },
      size: "1to9employees",
    },
    contacts: [{ firstName: "Lee", lastName: "Park", email: "lee@litware.example", phoneNumber: "0100000002" }],
    dealValue: 75000,
    currency: "USD",
    closingDateTime: "2027-02-01T00:00:00Z",
    ...overrides,
  };
}

/** A shared deal the partner created, with Microsoft's connected referral waiting for an answer. */
function sharedDeal(state: EmulatorState) {
  const mine = state.referrals.create(aReferralBody());
  const microsofts = state.referrals.create(aMicrosoftConnectedBody(mine.engagementId));
  return { mine, microsofts };
}

describe("Microsoft shares a co-sell opportunity", () => {
  it("creates an Incoming New/Pending Shared referral invited by Microsoft, expiring after 14 days", () => {
    const { state } = newEmulator({ solutions: [solution] });
    const { referral } = state.microsoft.createInboundReferral(
      aRequest({ solutions: ["sol-15974-mqf"], assistanceRequestCode: "ProofOfConceptOrDemo", notes: "Call Lee" }),
    );
    expect(referral).toMatchObject({
      name: "Litware Inc co-sell opportunity",
      direction: "Incoming",
      status: "New",
      substatus: "Pending",
      type: "Shared",
      qualification: "SalesQualified",
      organizationId: "4f7c2a10-3b9e-4d61-8a52-0c6e9b1d7f30",
      createdDateTime: startTime,
      expirationDateTime: "2026-11-16T09:00:00.000Z",
      acceptedDateTime: null,
      consent: {
        consentToToShareInfoWithOthers: true,
        consentToContact: true,
        consentToShareReferralWithMicrosoftSellers: true,
      },
      inviteContext: {
        assistanceRequestCode: "ProofOfConceptOrDemo",
        invitedMpnId: "6100001",
        invitedBy: { organizationId: "msft", organizationName: "Microsoft" },
      },
      customerProfile: { name: "Litware Inc", size: "1to9employees", team: aRequest().contacts },
      details: { dealValue: 75000, currency: "USD", notes: "Call Lee", closingDateTime: "2027-02-01T00:00:00Z" },
      target: [{ type: "SolutionProfile", id: "SOL-15974-MQF" }],
    });
    expect(referral.details?.requirements?.solutions).toEqual([
      {
        id: "SOL-15974-MQF",
        name: "Contoso Supply Chain",
        type: "Name",
        publisherName: "Contoso Consulting",
        solutionType: "3P",
      },
    ]);
    expect(referral.eTag).toMatch(/^".+"$/);
  });

  it("adds Microsoft's own Active referral to the same engagement, with one MSX id for both", () => {
    const { state } = newEmulator();
    const { referral, microsoftReferral } = state.microsoft.createInboundReferral(aRequest({ name: "Litware ERP" }));
    expect(microsoftReferral).toMatchObject({
      engagementId: referral.engagementId,
      name: "Litware ERP",
      organizationId: "msft",
      organizationName: "Microsoft",
      status: "Active",
      substatus: "Accepted",
    });
    expect(referral.trackingInfo?.microsoftMsxId).toMatch(/^7-[0-9A-F]{9}$/);
    expect(microsoftReferral.trackingInfo?.microsoftMsxId).toBe(referral.trackingInfo?.microsoftMsxId);
    expect(state.referrals.related(referral.engagementId).map((item) => item.id)).toEqual([
      referral.id,
      microsoftReferral.id,
    ]);
  });

  it("refuses a solution that is not in the partner's catalogue, listing the known ones", () => {
    const { state } = newEmulator({ solutions: [solution] });
    expectRefusal(
      () => state.microsoft.createInboundReferral(aRequest({ solutions: ["SOL-00000-AAA"] })),
      400,
      "InvalidInput",
      /Solution 'SOL-00000-AAA' is not in the partner's co-sell catalogue \(known: SOL-15974-MQF\)/,
    );
    expect(state.referrals.list().value).toEqual([]);
  });

  it("refuses an invalid customer country or currency and stores nothing", () => {
    const { state } = newEmulator();
    expectRefusal(
      () => state.microsoft.createInboundReferral(aRequest({ customer: { name: "X", address: { country: "USA" } } })),
      400,
      "InvalidInput",
      /customerProfile\.address\.country/,
    );
    expectRefusal(() => state.microsoft.createInboundReferral(aRequest({ currency: "usd" })), 400, "InvalidInput");
    expect(state.referrals.list().value).toEqual([]);
  });
});

describe("expiry of unanswered invitations", () => {
  it("leaves an invitation open after 13 days and expires it after exactly 14", () => {
    const { state, clock } = newEmulator();
    const { referral, microsoftReferral } = state.microsoft.createInboundReferral(aRequest());
    clock.advance(13 * day);
    expect(state.microsoft.expireUnanswered()).toEqual([]);
    expect(state.referrals.get(referral.id).status).toBe("New");
    clock.advance(day - 1);
    expect(state.microsoft.expireUnanswered()).toEqual([]);
    clock.advance(1);
    expect(state.microsoft.expireUnanswered()).toEqual([referral.id]);
    expect(state.referrals.get(referral.id)).toMatchObject({
      status: "Closed",
      substatus: "Expired",
      closedDateTime: "2026-11-16T09:00:00.000Z",
    });
    expect(state.referrals.get(microsoftReferral.id).status).toBe("Active");
    expect(state.microsoft.expireUnanswered()).toEqual([]);
  });

  it("doesn't expire an invitation the partner answered, nor the partner's own referrals", () => {
    const { state, clock } = newEmulator();
    const answered = state.microsoft.createInboundReferral(aRequest()).referral;
    state.referrals.patch(answered.id, [
      { op: "replace", path: "/status", value: "Active" },
      { op: "replace", path: "/substatus", value: "Accepted" },
    ]);
    const { microsofts } = sharedDeal(state);
    clock.advance(30 * day);
    expect(state.microsoft.expireUnanswered()).toEqual([]);
    expect(state.referrals.get(microsofts.id).status).toBe("New");
  });

  it("honours the expiryDays option", () => {
    const { state, clock } = newEmulator({ expiryDays: 3 });
    const { referral } = state.microsoft.createInboundReferral(aRequest());
    expect(referral.expirationDateTime).toBe("2026-11-05T09:00:00.000Z");
    clock.advance(3 * day);
    expect(state.microsoft.expireUnanswered()).toEqual([referral.id]);
  });
});

describe("Microsoft's seller answers the partner's invitation", () => {
  it("accepts by engagement id or by any referral id of the engagement", () => {
    const { state, clock } = newEmulator();
    const { mine, microsofts } = sharedDeal(state);
    clock.advance(hour);
    const accepted = state.microsoft.accept(mine.id);
    expect(accepted).toMatchObject({
      id: microsofts.id,
      status: "Active",
      substatus: "Accepted",
      acceptedDateTime: clock.now().toISOString(),
    });
    expect(state.microsoft.accept(mine.engagementId)).toEqual(accepted);
    expect(state.referrals.get(mine.id)).toEqual(mine);
  });

  it("declines, after which accepting is refused", () => {
    const { state } = newEmulator();
    const { mine } = sharedDeal(state);
    expect(state.microsoft.decline(mine.engagementId)).toMatchObject({ status: "Closed", substatus: "Declined" });
    expectRefusal(() => state.microsoft.accept(mine.engagementId), 400, "ReferralClosed");
  });

  it("can't decline once it has accepted", () => {
    const { state } = newEmulator();
    const { mine } = sharedDeal(state);
    state.microsoft.accept(mine.id);
    expectRefusal(() => state.microsoft.decline(mine.id), 400, "InvalidStatusTransition");
  });

  it("explains that an engagement without Microsoft's referral has nothing to answer", () => {
    const { state } = newEmulator();
    const mine = state.referrals.create(aReferralBody());
    expectRefusal(
      () => state.microsoft.accept(mine.id),
      404,
      "NotFound",
      /has no referral for Microsoft yet: the partner creates it with the same engagementId/,
    );
    expectRefusal(() => state.microsoft.decline("unknown"), 404, "EngagementNotFound", /'unknown'/);
  });

  it("creates Microsoft's side on demand, once", () => {
    const { state } = newEmulator();
    const mine = state.referrals.create(aReferralBody());
    const created = state.microsoft.ensureMicrosoftSide(mine.engagementId);
    expect(created).toMatchObject({
      engagementId: mine.engagementId,
      status: "New",
      substatus: "Pending",
      target: [{ type: "BusinessProfileLocation", id: "msft" }],
      customerProfile: mine.customerProfile,
    });
    expect(state.microsoft.ensureMicrosoftSide(mine.engagementId)).toEqual(created);
    expect(state.referrals.related(mine.engagementId)).toHaveLength(2);
    expectRefusal(() => state.microsoft.ensureMicrosoftSide("unknown"), 404, "EngagementNotFound");
  });
});

describe("Microsoft's seller works the deal", () => {
  it("updates the deal and sets Microsoft's CRM id the first time only", () => {
    const { state } = newEmulator();
    const { mine } = sharedDeal(state);
    expect(mine.trackingInfo?.microsoftMsxId).toBeNull();
    const first = state.microsoft.updateDeal(mine.id, { dealValue: "300000", notes: "Microsoft joined" });
    expect(first.details).toMatchObject({ dealValue: 300000, notes: "Microsoft joined", currency: "USD" });
    expect(first.trackingInfo?.microsoftMsxId).toMatch(/^7-[0-9A-F]{9}$/);
    expect(first.eTag).not.toBe(mine.eTag);
    const second = state.microsoft.updateDeal(mine.id, { closingDateTime: "2027-06-30T00:00:00Z" });
    expect(second.trackingInfo?.microsoftMsxId).toBe(first.trackingInfo?.microsoftMsxId);
    expect(second.details?.closingDateTime).toBe("2027-06-30T00:00:00Z");
    expect(second.details?.dealValue).toBe(300000);
  });

  it("refuses an invalid deal update", () => {
    const { state } = newEmulator();
    const { mine } = sharedDeal(state);
    expectRefusal(() => state.microsoft.updateDeal(mine.id, { closingDateTime: "soon" }), 400, "InvalidInput");
    expectRefusal(() => state.microsoft.updateDeal("missing", {}), 404, "NotFound");
  });

  it("closes as Won only after 72 hours unless told to ignore the delay", () => {
    const { state, clock } = newEmulator();
    const { mine } = sharedDeal(state);
    clock.advance(hour);
    expectRefusal(() => state.microsoft.close(mine.id, "Won"), 400, "InvalidStatusTransition", /72 hours/);
    const won = state.microsoft.close(mine.id, "Won", { ignoreWonDelay: true });
    expect(won).toMatchObject({ status: "Closed", substatus: "Won", closedDateTime: clock.now().toISOString() });
    expectRefusal(() => state.microsoft.updateDeal(mine.id, { notes: "late" }), 400, "ReferralClosed");
  });

  it("closes as Lost at once, and an unanswered invitation as Won once 72 hours have passed", () => {
    const { state, clock } = newEmulator();
    const { mine } = sharedDeal(state);
    expect(state.microsoft.close(mine.id, "Lost").substatus).toBe("Lost");
    const inbound = state.microsoft.createInboundReferral(aRequest()).referral;
    clock.advance(4 * day);
    // Partner Center's transitions allow New → Closed/Won.
    expect(state.microsoft.close(inbound.id, "Won").substatus).toBe("Won");
  });
});

describe("seeded ids", () => {
  it("give the same ids and eTags for the same seed and actions", () => {
    const run = () => {
      const { state } = newEmulator();
      const created = state.referrals.create(aReferralBody());
      const patched = state.referrals.patch(created.id, [{ op: "replace", path: "/name", value: "x" }]);
      return [created.id, created.engagementId, created.eTag, patched.eTag];
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first).size).toBe(4);
  });
});
