/**
 * Microsoft's side through the admin API (shared/reference/partner-center.md §1.5): inbound co-sell referrals,
 * answers to the partner's invitations, deal edits, closing, and expiry after 14 days on the manual clock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Referral } from "../../../../core";
import { PartnerCenterAdminError, REFERRALS_PATH } from "../../../../emulators/partner-center";
import {
  aReferralBody,
  anInboundRequest,
  call,
  DAY,
  HOUR,
  referralPath,
  startTestEmulator,
  tokensFor,
} from "./harness";

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let tokens: ReturnType<typeof tokensFor>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  tokens = tokensFor(emulator);
});

afterAll(async () => {
  await emulator.close();
});

async function getReferral(id: string): Promise<Referral> {
  const fetched = await call(emulator, "GET", referralPath(id), { token: await tokens.referrals() });
  expect(fetched.status).toBe(200);
  return fetched.body as Referral;
}

async function patch(id: string, operations: unknown[]): Promise<number> {
  return (await call(emulator, "PATCH", referralPath(id), { token: await tokens.referrals(), body: operations }))
    .status;
}

/** The partner's Shared referral plus its connected referral for Microsoft, waiting for an answer. */
async function invitation(): Promise<{ mine: Referral; microsoft: Referral }> {
  const token = await tokens.referrals();
  const mine = (await call(emulator, "POST", REFERRALS_PATH, { token, body: aReferralBody() })).body as Referral;
  const connected = await call(emulator, "POST", REFERRALS_PATH, {
    token,
    body: aReferralBody({ engagementId: mine.engagementId, target: [{ type: "BusinessProfileLocation", id: "msft" }] }),
  });
  return { mine, microsoft: connected.body as Referral };
}

async function refusal(action: Promise<unknown>): Promise<PartnerCenterAdminError> {
  const error: unknown = await action.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PartnerCenterAdminError);
  return error as PartnerCenterAdminError;
}

describe("Microsoft shares a co-sell opportunity", () => {
  it("creates the partner's Incoming New/Pending referral and Microsoft's own in one engagement", async () => {
    const { referral, microsoftReferral } = await emulator.admin.createInboundReferral(anInboundRequest());
    expect(referral).toMatchObject({
      direction: "Incoming",
      status: "New",
      substatus: "Pending",
      type: "Shared",
      qualification: "SalesQualified",
      customerProfile: {
        name: "Litware Inc",
        address: { country: "US" },
        team: [{ email: "lee.park@litware.example" }],
      },
      details: { dealValue: 50000, currency: "USD", closingDateTime: "2027-02-01T00:00:00Z" },
      inviteContext: { assistanceRequestCode: "GeneralOrOther", invitedBy: { organizationId: "msft" } },
      target: [{ type: "SolutionProfile", id: "SOL-20418-K2P" }],
    });
    expect(referral.details?.requirements?.solutions?.[0]).toMatchObject({ id: "SOL-20418-K2P", type: "Name" });
    expect(referral.expirationDateTime).toBe(new Date(emulator.clock.now().getTime() + 14 * DAY).toISOString());
    expect(microsoftReferral).toMatchObject({
      engagementId: referral.engagementId,
      organizationId: "msft",
      status: "Active",
      substatus: "Accepted",
    });
    expect(await getReferral(referral.id)).toEqual(referral);
  });

  it("refuses an unknown solution and a missing deal value with 400", async () => {
    const unknown = await refusal(
      emulator.admin.createInboundReferral(anInboundRequest({ solutions: ["SOL-99999-ZZZ"] })),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: "InvalidInput" });
    const withoutValue: Partial<ReturnType<typeof anInboundRequest>> = anInboundRequest();
    delete withoutValue.dealValue;
    const missing = await refusal(
      emulator.admin.createInboundReferral(withoutValue as ReturnType<typeof anInboundRequest>),
    );
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ description: expect.stringContaining("dealValue") as unknown });
  });

  it("lets the partner accept or decline the inbound referral through the API", async () => {
    const accepted = await emulator.admin.createInboundReferral(anInboundRequest());
    const acceptOps = [
      { op: "replace", path: "/status", value: "Active" },
      { op: "replace", path: "/substatus", value: "Accepted" },
    ];
    expect(await patch(accepted.referral.id, acceptOps)).toBe(204);
    const afterAccept = await getReferral(accepted.referral.id);
    expect(afterAccept).toMatchObject({ status: "Active", substatus: "Accepted" });
    expect(afterAccept.acceptedDateTime).toBe(emulator.clock.now().toISOString());

    const declined = await emulator.admin.createInboundReferral(anInboundRequest());
    const declineOps = [
      { op: "replace", path: "/status", value: "Closed" },
      { op: "replace", path: "/substatus", value: "Declined" },
    ];
    expect(await patch(declined.referral.id, declineOps)).toBe(204);
    expect(await getReferral(declined.referral.id)).toMatchObject({ status: "Closed", substatus: "Declined" });
  });
});

describe("Microsoft answers the partner's invitation", () => {
  it("accepts: Microsoft's connected referral becomes Active/Accepted", async () => {
    const { mine, microsoft } = await invitation();
    expect(microsoft).toMatchObject({ status: "New", substatus: "Pending" });
    const accepted = await emulator.admin.acceptAsMicrosoft(mine.id);
    expect(accepted).toMatchObject({ id: microsoft.id, status: "Active", substatus: "Accepted" });
    expect(await getReferral(microsoft.id)).toMatchObject({ status: "Active", substatus: "Accepted" });
  });

  it("declines: Microsoft's connected referral becomes Closed/Declined", async () => {
    const { mine, microsoft } = await invitation();
    const declined = await emulator.admin.declineAsMicrosoft(mine.engagementId);
    expect(declined).toMatchObject({ id: microsoft.id, status: "Closed", substatus: "Declined" });
  });

  it("ensures Microsoft's side exists, once per engagement", async () => {
    const token = await tokens.referrals();
    const mine = (await call(emulator, "POST", REFERRALS_PATH, { token, body: aReferralBody() })).body as Referral;
    const ensured = await emulator.admin.ensureMicrosoftSide(mine.engagementId);
    expect(ensured).toMatchObject({
      engagementId: mine.engagementId,
      target: [{ type: "BusinessProfileLocation", id: "msft" }],
    });
    expect((await emulator.admin.ensureMicrosoftSide(mine.engagementId)).id).toBe(ensured.id);
  });

  it("answers 404 for an engagement that does not exist, with Partner Center's error body", async () => {
    const missing = await refusal(emulator.admin.acceptAsMicrosoft("00000000-0000-4000-8000-00000000dead"));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: "EngagementNotFound", source: "PartnerCenterEmulator" });
  });
});

describe("Microsoft's seller edits and closes deals", () => {
  it("updates deal value, closing date and notes; the change shows through the API with a new eTag", async () => {
    const { referral } = await emulator.admin.createInboundReferral(anInboundRequest());
    const updated = await emulator.admin.updateDealAsMicrosoft(referral.id, {
      dealValue: 125000,
      closingDateTime: "2027-06-30T00:00:00Z",
      notes: "Customer doubled the scope.",
    });
    expect(updated.eTag).not.toBe(referral.eTag);
    expect(updated.trackingInfo?.microsoftMsxId).toMatch(/^7-[0-9A-Z]{9}$/);
    expect((await getReferral(referral.id)).details).toMatchObject({
      dealValue: 125000,
      closingDateTime: "2027-06-30T00:00:00Z",
      notes: "Customer doubled the scope.",
    });
  });

  it("closes as Lost at once, and as Won only after 72 hours unless told to ignore it", async () => {
    const lost = await emulator.admin.createInboundReferral(anInboundRequest());
    expect(await emulator.admin.closeAsMicrosoft(lost.microsoftReferral.id, "Lost")).toMatchObject({
      status: "Closed",
      substatus: "Lost",
    });

    const won = await emulator.admin.createInboundReferral(anInboundRequest());
    const early = await refusal(emulator.admin.closeAsMicrosoft(won.microsoftReferral.id, "Won"));
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ code: "InvalidStatusTransition" });
    expect(await emulator.admin.closeAsMicrosoft(won.microsoftReferral.id, "Won", true)).toMatchObject({
      substatus: "Won",
    });

    const later = await emulator.admin.createInboundReferral(anInboundRequest());
    await emulator.admin.advanceClock({ hours: 73 });
    expect(await emulator.admin.closeAsMicrosoft(later.microsoftReferral.id, "Won")).toMatchObject({
      substatus: "Won",
    });
  });

  it("refuses changes to a closed deal", async () => {
    const { microsoftReferral } = await emulator.admin.createInboundReferral(anInboundRequest());
    await emulator.admin.closeAsMicrosoft(microsoftReferral.id, "Lost");
    const refused = await refusal(emulator.admin.updateDealAsMicrosoft(microsoftReferral.id, { notes: "too late" }));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: "ReferralClosed" });
  });
});

describe("expiry of unanswered inbound referrals (§1.5: 14 days)", () => {
  it("expires when the clock passes 14 days, seen at the next API call", async () => {
    const { referral } = await emulator.admin.createInboundReferral(anInboundRequest());
    emulator.clock.advance(14 * DAY - HOUR);
    expect(await getReferral(referral.id)).toMatchObject({ status: "New", substatus: "Pending" });
    emulator.clock.advance(HOUR);
    expect(await getReferral(referral.id)).toMatchObject({ status: "Closed", substatus: "Expired" });
  });

  it("reports what a clock advance through the admin API expired; answered ones stay", async () => {
    const unanswered = await emulator.admin.createInboundReferral(anInboundRequest());
    const answered = await emulator.admin.createInboundReferral(anInboundRequest());
    expect(
      await patch(answered.referral.id, [
        { op: "replace", path: "/status", value: "Active" },
        { op: "replace", path: "/substatus", value: "Accepted" },
      ]),
    ).toBe(204);
    const moved = await emulator.admin.advanceClock({ days: 14 });
    expect(moved.now).toBe(emulator.clock.now().toISOString());
    expect(moved.expired).toEqual([unanswered.referral.id]);
    expect(await getReferral(answered.referral.id)).toMatchObject({ status: "Active" });
    const late = await patch(unanswered.referral.id, [
      { op: "replace", path: "/status", value: "Active" },
      { op: "replace", path: "/substatus", value: "Accepted" },
    ]);
    expect(late).toBe(400);
  });

  it("sets and reads the manual clock; refuses a date that is not one", async () => {
    const target = new Date(emulator.clock.now().getTime() + DAY).toISOString();
    expect((await emulator.admin.setClock(target)).now).toBe(target);
    expect(await emulator.admin.getClock()).toEqual({ now: target, manual: true });
    const refused = await refusal(emulator.admin.setClock("not a date"));
    expect(refused.status).toBe(400);
    expect((await refusal(emulator.admin.advanceClock({ days: -1 }))).status).toBe(400);
  });
});
