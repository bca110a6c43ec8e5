import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCoSellBridge, type CoSellBridgeHandlers } from "../../webresources/createCoSellBridge";
import { MemoryDataverse } from "./support/memoryDataverse";
import { openOpportunityForm, type OpenForm, type OpportunityValues } from "./support/opportunityForm";
import { REFERRAL_ID, REFERRAL_LINK, decision, ok } from "./support/serviceAnswers";
import { SyncServiceStub, errorBody } from "./support/syncServiceStub";
import { testRuntime, type TestRuntime } from "./support/testRuntime";

const ACCEPT = `/referrals/${REFERRAL_ID}/accept`;
const DECLINE = `/referrals/${REFERRAL_ID}/decline`;

let stub: SyncServiceStub;
let dataverse: MemoryDataverse;
let runtime: TestRuntime;
let bridge: CoSellBridgeHandlers;

beforeEach(async () => {
  stub = await SyncServiceStub.start();
  dataverse = new MemoryDataverse(stub.url);
  runtime = testRuntime(dataverse);
  bridge = createCoSellBridge(runtime);
});

afterEach(async () => {
  runtime.hidePage();
  await stub.close();
});

function form(values: OpportunityValues = {}): OpenForm {
  const opened = openOpportunityForm(values);
  opened.form.data.entity.addOnSave(bridge.Opportunity.onSave);
  return opened;
}

describe("Open in Partner Center", () => {
  it("opens the referral link, and is enabled only when there is one", () => {
    const linked = form();
    const unlinked = form({ referralLink: null, referralId: null });

    expect(bridge.Ribbon.canOpenInPartnerCenter(linked.form)).toBe(true);
    expect(bridge.Ribbon.canOpenInPartnerCenter(unlinked.form)).toBe(false);
    bridge.Ribbon.openInPartnerCenter(linked.form);
    bridge.Ribbon.openInPartnerCenter(unlinked.form);

    expect(runtime.opened).toEqual([REFERRAL_LINK]);
    expect(unlinked.notifications().csb_command?.message).toBe(
      "This opportunity has no Partner Center link yet. Sync it first.",
    );
  });

  it("never opens a link that is not https", () => {
    const opened = form({ referralLink: "javascript:alert(1)" });

    expect(bridge.Ribbon.canOpenInPartnerCenter(opened.form)).toBe(false);
  });
});

describe("Accept and Decline referral", () => {
  it("accepts the referral, says so, and refreshes the form with what the service wrote", async () => {
    stub.answer("POST", ACCEPT, ok(decision("Active", "Accepted")));
    const opened = form();

    await bridge.Ribbon.acceptReferral(opened.form);

    expect(opened.notifications().csb_command).toEqual({
      level: "INFO",
      message: "Referral accepted in Partner Center.",
    });
    expect(opened.calls).toEqual(["refresh(false)"]);
    expect(stub.requestsTo(ACCEPT)[0]?.authorization).toBe("Bearer token-of-ana");
  });

  it("declines only after the seller confirms, sending the reason body", async () => {
    stub.answer("POST", DECLINE, ok(decision("Closed", "Declined")));
    const opened = form();

    runtime.confirmAnswer = false;
    await bridge.Ribbon.declineReferral(opened.form);
    expect(stub.requests).toHaveLength(0);

    runtime.confirmAnswer = true;
    await bridge.Ribbon.declineReferral(opened.form);
    expect(runtime.confirms).toEqual(["Decline this referral?", "Decline this referral?"]);
    expect(stub.requestsTo(DECLINE)[0]?.body).toEqual({ reason: null });
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
    stub.answer("POST", ACCEPT, { status: 409, body: refusal });
    const opened = form();

    await bridge.Ribbon.acceptReferral(opened.form);

    expect(opened.notifications().csb_command?.level).toBe("ERROR");
    expect(opened.notifications().csb_command?.message).toContain("it is Closed/Won, a final state.");
    expect(opened.calls).toEqual([]);
  });

  it("is enabled for an open opportunity with a referral only", () => {
    expect(bridge.Ribbon.canAnswerReferral(form().form)).toBe(true);
    expect(bridge.Ribbon.canAnswerReferral(form({ referralId: null }).form)).toBe(false);
    expect(bridge.Ribbon.canAnswerReferral(form({ statecode: 1 }).form)).toBe(false);
  });
});
