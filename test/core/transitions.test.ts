import { describe, expect, it } from "vitest";
import {
  ReferralStatus,
  ReferralSubstatus,
  checkTransition,
  isTerminal,
  substatusesByStatus,
  terminalSubstatuses,
  type ReferralState,
} from "../../core";

const state = (status: ReferralState["status"], substatus: ReferralState["substatus"]): ReferralState => ({
  status,
  substatus,
});

describe("referral status transitions", () => {
  it("lists the documented status/substatus pairs", () => {
    expect(substatusesByStatus).toEqual({
      None: [],
      New: ["Pending", "Received"],
      Active: ["Accepted"],
      Closed: ["Won", "Lost", "Declined", "Expired"],
    });
    expect(terminalSubstatuses).toEqual(["Won", "Lost", "Declined", "Expired"]);
  });

  it.each([
    [state("New", "Pending"), state("New", "Received")],
    [state("New", "Pending"), state("Active", "Accepted")],
    [state("New", "Received"), state("Closed", "Declined")],
    [state("New", "Pending"), state("Closed", "Expired")],
    [state("Active", "Accepted"), state("Closed", "Won")],
    [state("Active", "Accepted"), state("Closed", "Lost")],
    [state("Closed", "Won"), state("Closed", "Won")],
  ])("allows %o → %o", (from, to) => {
    expect(checkTransition(from, to)).toEqual({ allowed: true });
  });

  it("refuses every change out of a terminal state, naming it", () => {
    for (const substatus of terminalSubstatuses) {
      const verdict = checkTransition(state("Closed", substatus), state("Active", "Accepted"));
      expect(verdict).toMatchObject({ allowed: false, code: "terminal" });
      expect(!verdict.allowed && verdict.reason).toContain(`Closed/${substatus}`);
    }
    expect(checkTransition(state("Closed", "Won"), state("Closed", "Lost"))).toMatchObject({ code: "terminal" });
  });

  it("refuses moving an active referral back to New", () => {
    expect(checkTransition(state("Active", "Accepted"), state("New", "Pending"))).toMatchObject({
      allowed: false,
      code: "statusNotReachable",
      reason: "a Active referral can't go back to New.",
    });
  });

  it("refuses pairs that do not exist, saying which substatuses the status allows", () => {
    const verdict = checkTransition(state("New", "Pending"), state("Active", "Won"));
    expect(verdict).toMatchObject({ allowed: false, code: "invalidTarget" });
    expect(!verdict.allowed && verdict.reason).toContain("Active allows Accepted");
    expect(checkTransition(state("New", "Pending"), state("None", "None"))).toMatchObject({ code: "invalidTarget" });
  });

  it("lets only New referrals be declined or expire", () => {
    expect(checkTransition(state("Active", "Accepted"), state("Closed", "Declined"))).toMatchObject({
      code: "substatusNotReachable",
    });
    expect(checkTransition(state("Active", "Accepted"), state("Closed", "Expired"))).toMatchObject({
      code: "substatusNotReachable",
    });
  });

  it("enforces 72 hours between creation and Won when it knows both times", () => {
    const context = { createdDateTime: "2026-11-23T09:30:00Z", now: new Date("2026-11-25T09:30:00Z") };
    const verdict = checkTransition(state("Active", "Accepted"), state("Closed", "Won"), context);
    expect(verdict).toMatchObject({ allowed: false, code: "wonTooSoon" });
    expect(!verdict.allowed && verdict.reason).toContain("about 24 hours");

    const later = { ...context, now: new Date("2026-11-26T09:30:00Z") };
    expect(checkTransition(state("Active", "Accepted"), state("Closed", "Won"), later)).toEqual({ allowed: true });
    // Lost has no waiting time.
    expect(checkTransition(state("Active", "Accepted"), state("Closed", "Lost"), context)).toEqual({ allowed: true });
  });

  it("knows which states are terminal", () => {
    expect(isTerminal(state("Closed", "Expired"))).toBe(true);
    expect(isTerminal(state("Active", "Accepted"))).toBe(false);
    expect(isTerminal(state("New", "Pending"))).toBe(false);
  });

  it("covers every status and substatus of the enumerations", () => {
    const pairs = Object.values(substatusesByStatus).flat();
    for (const substatus of Object.values(ReferralSubstatus).filter((value) => value !== "None")) {
      expect(pairs).toContain(substatus);
    }
    expect(Object.keys(substatusesByStatus).sort()).toEqual(Object.values(ReferralStatus).sort());
  });
});
