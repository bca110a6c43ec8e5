import { describe, expect, it } from "vitest";
import { defaultFieldMapping, toOpportunityUpdate, toReferralUpdate } from "../../core";
import { aReferral, anOpportunity, now } from "./builders";

describe("toReferralUpdate", () => {
  it("patches only what the seller changed, and nothing for an opportunity in sync", () => {
    expect(toReferralUpdate(anOpportunity(), aReferral(), defaultFieldMapping, { now })).toEqual({
      operations: [],
      refused: [],
    });
    const edited = anOpportunity({ opportunity: { estimatedvalue: 275000, name: "Contoso phase 2" } });
    expect(toReferralUpdate(edited, aReferral(), defaultFieldMapping, { now }).operations).toEqual([
      { op: "replace", path: "/name", value: "Contoso phase 2" },
      { op: "replace", path: "/details/dealValue", value: 275000 },
    ]);
  });

  it("names new solutions from the snapshot's catalogue", () => {
    const edited = anOpportunity({ opportunity: { csb_products: "SOL-15974-MQF" } });
    expect(toReferralUpdate(edited, aReferral(), defaultFieldMapping, { now }).operations).toEqual([
      {
        op: "replace",
        path: "/details/requirements/solutions",
        value: [{ id: "SOL-15974-MQF", name: "Contoso Supply Chain Accelerator", type: "Name" }],
      },
    ]);
  });

  it("does not send Microsoft's CRM id back, and reports a refused un-share", () => {
    const edited = anOpportunity({ opportunity: { csb_microsoftcrmid: "local", csb_sharewithmicrosoft: false } });
    const plan = toReferralUpdate(edited, aReferral(), defaultFieldMapping, { now });
    expect(plan.operations).toEqual([]);
    expect(plan.refused.map((refusal) => refusal.field)).toEqual(["sharedWithMicrosoft"]);
  });
});

describe("toOpportunityUpdate", () => {
  it("writes what Microsoft's seller changed, including the close as Won", () => {
    const referral = aReferral({
      status: "Closed",
      substatus: "Won",
      details: { ...aReferral().details, dealValue: "300000", notes: "Signed." },
      trackingInfo: { microsoftMsxId: "7-ABC" },
    });
    expect(toOpportunityUpdate(referral, anOpportunity(), defaultFieldMapping)).toEqual({
      opportunity: { description: "Signed.", estimatedvalue: 300000, csb_microsoftcrmid: "7-ABC" },
      account: {},
      contact: {},
      state: { outcome: "Won", statecode: 1, statuscode: 3 },
    });
  });

  it("changes nothing when both sides agree up to formatting", () => {
    const referral = aReferral({
      details: { ...aReferral().details, dealValue: "250000.00", currency: "usd" },
      customerProfile: { ...aReferral().customerProfile, name: "Contoso Ltd " },
    });
    expect(toOpportunityUpdate(referral, anOpportunity(), defaultFieldMapping)).toEqual({
      opportunity: {},
      account: {},
      contact: {},
    });
  });
});
