import { describe, expect, it, vi } from "vitest";
import type { ReferralEvent } from "../../../../emulators/partner-center/state";
import { aMicrosoftConnectedBody, aReferralBody, day, hour, newEmulator, startTime } from "./builders";

function recording() {
  const emulator = newEmulator();
  const events: ReferralEvent[] = [];
  const unsubscribe = emulator.state.onEvent((event) => events.push(event));
  return { ...emulator, events, unsubscribe };
}

const names = (events: readonly ReferralEvent[]) => events.map((event) => event.eventName);

describe("change events", () => {
  it("announces the partner's own creates and updates as referral-*", () => {
    const { state, clock, events } = recording();
    const referral = state.referrals.create(aReferralBody());
    clock.advance(hour);
    state.referrals.patch(referral.id, [{ op: "replace", path: "/name", value: "Renamed" }]);
    const fresh = state.referrals.get(referral.id);
    state.referrals.replace(referral.id, { ...fresh, name: "Put" }, fresh.eTag);

    expect(events).toEqual([
      { eventName: "referral-created", referralId: referral.id, engagementId: referral.engagementId, at: startTime },
      {
        eventName: "referral-updated",
        referralId: referral.id,
        engagementId: referral.engagementId,
        at: clock.now().toISOString(),
      },
      {
        eventName: "referral-updated",
        referralId: referral.id,
        engagementId: referral.engagementId,
        at: clock.now().toISOString(),
      },
    ]);
  });

  it("announces Microsoft's side as related-referral-*, naming the partner's referral", () => {
    const { state, events } = recording();
    const mine = state.referrals.create(aReferralBody());
    const microsofts = state.referrals.create(aMicrosoftConnectedBody(mine.engagementId));
    state.microsoft.accept(mine.engagementId);

    expect(names(events)).toEqual(["referral-created", "related-referral-created", "related-referral-updated"]);
    for (const event of events.slice(1)) {
      expect(event.referralId).toBe(mine.id);
      expect(event.referralId).not.toBe(microsofts.id);
      expect(event.engagementId).toBe(mine.engagementId);
    }
  });

  it("announces a decline of the invitation as related-referral-updated", () => {
    const { state, events } = recording();
    const mine = state.referrals.create(aReferralBody());
    state.microsoft.ensureMicrosoftSide(mine.engagementId);
    state.microsoft.decline(mine.id);
    expect(names(events)).toEqual(["referral-created", "related-referral-created", "related-referral-updated"]);
  });

  it("announces an inbound co-sell referral and Microsoft's related referral", () => {
    const { state, events } = recording();
    const { referral } = state.microsoft.createInboundReferral({
      customer: { name: "Litware", address: { country: "US" } },
      contacts: [],
      dealValue: 1,
      currency: "USD",
      closingDateTime: "2027-01-01T00:00:00Z",
    });
    expect(events.map((event) => [event.eventName, event.referralId])).toEqual([
      ["referral-created", referral.id],
      ["related-referral-created", referral.id],
    ]);
  });

  it("announces Microsoft's changes to the partner's referral as referral-updated", () => {
    const { state, clock, events } = recording();
    const mine = state.referrals.create(aReferralBody());
    state.microsoft.updateDeal(mine.id, { notes: "From Microsoft" });
    clock.advance(4 * day);
    state.microsoft.close(mine.id, "Won");
    expect(names(events)).toEqual(["referral-created", "referral-updated", "referral-updated"]);
  });

  it("announces expiry as referral-updated", () => {
    const { state, clock, events } = recording();
    const { referral } = state.microsoft.createInboundReferral({
      customer: { name: "Litware", address: { country: "US" } },
      contacts: [],
      dealValue: 1,
      currency: "USD",
      closingDateTime: "2027-01-01T00:00:00Z",
    });
    events.length = 0;
    clock.advance(14 * day);
    state.microsoft.expireUnanswered();
    expect(events).toEqual([expect.objectContaining({ eventName: "referral-updated", referralId: referral.id })]);
  });

  it("announces nothing for a refused change", () => {
    const { state, events } = recording();
    const referral = state.referrals.create(aReferralBody());
    events.length = 0;
    expect(() => state.referrals.patch(referral.id, [{ op: "remove", path: "/name" }])).toThrow();
    expect(() => state.referrals.replace(referral.id, aReferralBody(), '"stale"')).toThrow();
    expect(events).toEqual([]);
  });

  it("stops delivering after unsubscribe, and keeps other listeners", () => {
    const { state, events, unsubscribe } = recording();
    const other: ReferralEvent[] = [];
    state.onEvent((event) => other.push(event));
    state.referrals.create(aReferralBody());
    unsubscribe();
    state.referrals.create(aReferralBody());
    expect(events).toHaveLength(1);
    expect(other).toHaveLength(2);
  });

  it("keeps the change and the other listeners when a listener throws, and warns", () => {
    const { state, events } = recording();
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      state.onEvent(() => {
        throw new Error("listener broke");
      });
      const after: ReferralEvent[] = [];
      state.onEvent((event) => after.push(event));
      const referral = state.referrals.create(aReferralBody());
      expect(state.referrals.get(referral.id).id).toBe(referral.id);
      expect(events).toHaveLength(1);
      expect(after).toHaveLength(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("listener broke"));
    } finally {
      warn.mockRestore();
    }
  });
});
