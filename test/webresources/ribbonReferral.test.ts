import { describe, expect, it } from "vitest";
import { useBridgeWorld } from "./support/bridgeWorld";
import { REFERRAL_ID, REFERRAL_LINK, decision, ok, syncStatus } from "./support/serviceAnswers";
import { errorBody } from "./support/syncServiceStub";

const ACCEPT = `/referrals/${REFERRAL_ID}/accept`;
const DECLINE = `/referrals/${REFERRAL_ID}/decline`;

const world = useBridgeWorld();

const form = world.formWithOnSave;

describe("Open in Partner Center", () => {
  it("opens the referral link, and is enabled only when there is one", () => {
    const linked = form();
    const unlinked = form({ referralLink: null, referralId: null });

    expect(world.bridge.Ribbon.canOpenInPartnerCenter(linked.form)).toBe(true);
    expect(world.bridge.Ribbon.canOpenInPartnerCenter(unlinked.form)).toBe(false);
    world.bridge.Ribbon.openInPartnerCenter(linked.form);
    world.bridge.Ribbon.openInPartnerCenter(unlinked.form);

    expect(world.runtime.opened).toEqual([REFERRAL_LINK]);
    expect(unlinked.notifications().csb_command?.message).toBe(
      "This opportunity has no Partner Center link yet. Sync it first.",
    );
  });

  it("never opens a link that is not https", () => {
    const opened = form({ referralLink: "javascript:alert(1)" });

    expect(world.bridge.Ribbon.canOpenInPartnerCenter(opened.form)).toBe(false);
  });
});

describe("Accept and Decline referral", () => {
  it("accepts the referral, says so, and refreshes the form with what the service wrote", async () => {
    world.stub.answer("POST", ACCEPT, ok(decision("Active", "Accepted")));
    const opened = form();

    await world.bridge.Ribbon.acceptReferral(opened.form);

    expect(opened.notifications().csb_command).toEqual({
      level: "INFO",
      message: "Referral accepted in Partner Center.",
    });
    expect(opened.calls).toEqual(["refresh(false)"]);
    expect(world.stub.requestsTo(ACCEPT)[0]?.authorization).toBe("Bearer token-of-ana");
  });

  it("declines only after the seller confirms, sending the reason body", async () => {
    world.stub.answer("POST", DECLINE, ok(decision("Closed", "Declined")));
    const opened = form();

    world.runtime.confirmAnswer = false;
    await world.bridge.Ribbon.declineReferral(opened.form);
    expect(world.stub.requests).toHaveLength(0);

    world.runtime.confirmAnswer = true;
    await world.bridge.Ribbon.declineReferral(opened.form);
    expect(world.runtime.confirms).toEqual(["Decline this referral?", "Decline this referral?"]);
    expect(world.stub.requestsTo(DECLINE)[0]?.body).toEqual({ reason: null });
    expect(opened.notifications().csb_command?.message).toBe(
      "Referral declined in Partner Center; the opportunity is closed as lost.",
    );
  });

  it("shows the service's refusal when the referral can't be answered", async () => {
    const refusal = errorBody(
      "referral_not_inbound",
      "Referral 5a5e8d95 can't be accepted: it is Closed/Won, a final state.",
      "Nothing to do: the deal is closed in Partner Center.",
    );
    world.stub.answer("POST", ACCEPT, { status: 409, body: refusal });
    const opened = form();

    await world.bridge.Ribbon.acceptReferral(opened.form);

    expect(opened.notifications().csb_command?.level).toBe("ERROR");
    expect(opened.notifications().csb_command?.message).toContain("it is Closed/Won, a final state.");
    expect(opened.calls).toEqual([]);
  });

  it("is enabled only for an open opportunity whose inbound referral waits for the partner's answer", async () => {
    const can = (opened: { form: Xrm.FormContext }) => world.bridge.Ribbon.canAnswerReferral(opened.form);
    const waiting = ok(syncStatus({ awaitingAnswer: true }));

    expect(can(await world.load({}, waiting))).toBe(true);
    // An outgoing referral, or one already answered, as the service saw it.
    expect(can(await world.load({}, ok(syncStatus())))).toBe(false);
    expect(can(await world.load({ statecode: 1 }, waiting))).toBe(false);
  });
});
