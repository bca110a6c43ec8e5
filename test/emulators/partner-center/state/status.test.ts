import { describe, expect, it } from "vitest";
import { aReferralBody, day, expectRefusal, hour, newEmulator } from "./builders";
import type { EmulatorState } from "../../../../emulators/partner-center/state";

function setStatus(state: EmulatorState, id: string, status: string, substatus: string) {
  return state.referrals.patch(id, [
    { op: "replace", path: "/status", value: status },
    { op: "replace", path: "/substatus", value: substatus },
  ]);
}

function inbound(state: EmulatorState) {
  return state.microsoft.createInboundReferral({
    customer: { name: "Litware", address: { country: "US" } },
    contacts: [],
    dealValue: 1000,
    currency: "USD",
    closingDateTime: "2027-01-31T00:00:00Z",
  }).referral;
}

describe("status transitions", () => {
  it("closes an Active referral as Lost at once and stamps closedDateTime", () => {
    const { state, clock } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    clock.advance(hour);
    const lost = setStatus(state, referral.id, "Closed", "Lost");
    expect(lost).toMatchObject({ status: "Closed", substatus: "Lost", closedDateTime: clock.now().toISOString() });
    expect(lost.acceptedDateTime).toBe(referral.acceptedDateTime);
  });

  it("refuses a pair that doesn't exist", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    const error = expectRefusal(
      () => setStatus(state, referral.id, "Active", "Won"),
      400,
      "InvalidStatusTransition",
      /Active\/Won is not a valid state: Active allows Accepted/,
    );
    expect(error.body.data).toEqual([expect.objectContaining({ refusal: "invalidTarget" })]);
  });

  it("refuses going back from Active to New", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    expectRefusal(
      () => setStatus(state, referral.id, "New", "Received"),
      400,
      "InvalidStatusTransition",
      /back to New/,
    );
  });

  it("refuses declining a referral that is already Active", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    expectRefusal(
      () => setStatus(state, referral.id, "Closed", "Declined"),
      400,
      "InvalidStatusTransition",
      /only a New referral can become Closed\/Declined/,
    );
  });

  it("lets the partner accept an inbound referral, stamping acceptedDateTime", () => {
    const { state, clock } = newEmulator();
    const referral = inbound(state);
    expect(referral.acceptedDateTime).toBeNull();
    const received = setStatus(state, referral.id, "New", "Received");
    expect(received.substatus).toBe("Received");
    clock.advance(hour);
    const accepted = setStatus(state, referral.id, "Active", "Accepted");
    expect(accepted.acceptedDateTime).toBe(clock.now().toISOString());
  });

  it("lets the partner decline an inbound referral", () => {
    const { state } = newEmulator();
    const referral = inbound(state);
    expect(setStatus(state, referral.id, "Closed", "Declined")).toMatchObject({
      status: "Closed",
      substatus: "Declined",
    });
  });
});

describe("the 72 hours before Won", () => {
  it("refuses Won 71 hours after creation and says how long to wait", () => {
    const { state, clock } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    clock.advance(71 * hour);
    const error = expectRefusal(
      () => setStatus(state, referral.id, "Closed", "Won"),
      400,
      "InvalidStatusTransition",
      /72 hours between creating a referral and marking it Won; try again in about 1 hours/,
    );
    expect(error.body.data).toEqual([expect.objectContaining({ refusal: "wonTooSoon" })]);
    expect(state.referrals.get(referral.id).status).toBe("Active");
  });

  it("allows Won exactly 72 hours after creation", () => {
    const { state, clock } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    clock.advance(3 * day);
    expect(setStatus(state, referral.id, "Closed", "Won").substatus).toBe("Won");
  });

  it("applies to PUT as well", () => {
    const { state, clock } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    clock.advance(hour);
    const body = aReferralBody({ status: "Closed", substatus: "Won" });
    expectRefusal(() => state.referrals.replace(referral.id, body, referral.eTag), 400, "InvalidStatusTransition");
  });
});

describe("terminal states", () => {
  it.each(["Won", "Lost"])("refuses every change after Closed/%s, by PATCH and by PUT", (outcome) => {
    const { state, clock } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    clock.advance(4 * day);
    const closed = setStatus(state, referral.id, "Closed", outcome);
    expectRefusal(
      () => state.referrals.patch(referral.id, [{ op: "replace", path: "/details/notes", value: "late" }]),
      400,
      "ReferralClosed",
      new RegExp(`is Closed/${outcome}, a terminal state: deals can't be modified after they move into a terminal`),
    );
    expectRefusal(
      () => state.referrals.replace(referral.id, aReferralBody({ status: "Closed", substatus: outcome }), closed.eTag),
      400,
      "ReferralClosed",
    );
    expect(state.referrals.get(referral.id)).toEqual(closed);
  });

  it("refuses reopening an expired referral", () => {
    const { state, clock } = newEmulator();
    const referral = inbound(state);
    clock.advance(14 * day);
    state.microsoft.expireUnanswered();
    expectRefusal(() => setStatus(state, referral.id, "Active", "Accepted"), 400, "ReferralClosed", /Closed\/Expired/);
  });
});
