import { describe, expect, it } from "vitest";
import {
  defaultFieldMapping,
  diffDeals,
  flowsToPartnerCenter,
  readReferral,
  toReferralPatch,
  type FieldChange,
  type Referral,
} from "../../core";
import { aDeal, aReferral, now } from "./builders";

function patchFor(referral: Referral, changes: FieldChange[], at: Date = now) {
  return toReferralPatch(referral, changes, defaultFieldMapping, { now: at });
}

describe("toReferralPatch", () => {
  it("replaces only the fields that changed, with the API's value formats", () => {
    const referral = aReferral();
    const wanted = aDeal({ dealValue: 300000, closeDate: "2027-05-01", notes: "Phase 2 added." });
    const changes = diffDeals(
      readReferral(referral, defaultFieldMapping),
      wanted,
      defaultFieldMapping,
      flowsToPartnerCenter,
    );
    expect(patchFor(referral, changes)).toEqual({
      operations: [
        { op: "replace", path: "/details/notes", value: "Phase 2 added." },
        { op: "replace", path: "/details/dealValue", value: 300000 },
        { op: "replace", path: "/details/closingDateTime", value: "2027-05-01T00:00:00Z" },
      ],
      refused: [],
    });
  });

  it("adds a customer contact once when the referral has none, then fills the rest into it", () => {
    const referral = aReferral({ customerProfile: { name: "Contoso Ltd", team: [] } });
    const changes: FieldChange[] = [
      { field: "contactFirstName", from: null, to: "Avery" },
      { field: "contactEmail", from: null, to: "avery@contoso.example" },
    ];
    expect(patchFor(referral, changes).operations).toEqual([
      { op: "add", path: "/customerProfile/team/-", value: { firstName: "Avery" } },
      { op: "add", path: "/customerProfile/team/0/email", value: "avery@contoso.example" },
    ]);
  });

  it("adds a missing parent object with just the new value", () => {
    const referral = aReferral({ customerProfile: { name: "Contoso Ltd" } });
    const changes: FieldChange[] = [{ field: "customerCountry", from: null, to: "DE" }];
    expect(patchFor(referral, changes).operations).toEqual([
      { op: "add", path: "/customerProfile/address", value: { country: "DE" } },
    ]);
  });

  it("closes the referral as Won once 72 hours have passed since creation", () => {
    const changes: FieldChange[] = [{ field: "outcome", from: "Open", to: "Won" }];
    expect(patchFor(aReferral(), changes)).toEqual({
      operations: [
        { op: "replace", path: "/status", value: "Closed" },
        { op: "replace", path: "/substatus", value: "Won" },
      ],
      refused: [],
    });
  });

  it("refuses Won within 72 hours of creation, saying when to try again", () => {
    const referral = aReferral({ createdDateTime: "2026-11-24T09:30:00Z" });
    const plan = patchFor(referral, [{ field: "outcome", from: "Open", to: "Won" }]);
    expect(plan.operations).toEqual([]);
    expect(plan.refused).toEqual([{ field: "outcome", reason: expect.stringContaining("about 48 hours") as string }]);
  });

  it("refuses every change to a closed referral", () => {
    const plan = patchFor(aReferral({ status: "Closed", substatus: "Lost" }), [
      { field: "name", from: "a", to: "b" },
      { field: "outcome", from: "Lost", to: "Open" },
    ]);
    expect(plan.operations).toEqual([]);
    expect(plan.refused.map((refusal) => refusal.field)).toEqual(["name", "outcome"]);
    expect(plan.refused[0]?.reason).toContain("Closed/Lost");
  });

  it("refuses making a shared referral private again", () => {
    const plan = patchFor(aReferral(), [{ field: "sharedWithMicrosoft", from: true, to: false }]);
    expect(plan).toEqual({
      operations: [],
      refused: [{ field: "sharedWithMicrosoft", reason: expect.stringContaining("can't be made private") as string }],
    });
  });

  it("shares a private referral and rewrites help and solutions as whole values", () => {
    const referral = aReferral({
      consent: { consentToShareReferralWithMicrosoftSellers: false },
      inviteContext: null,
    });
    const plan = patchFor(referral, [
      { field: "sharedWithMicrosoft", from: false, to: true },
      { field: "helpRequested", from: [], to: ["QuotesOrLicensing"] },
      { field: "solutions", from: [], to: ["SOL-9"] },
    ]);
    expect(plan.operations).toEqual([
      { op: "replace", path: "/consent/consentToShareReferralWithMicrosoftSellers", value: true },
      // The member exists with a null value, so it is replaced rather than added.
      { op: "replace", path: "/inviteContext", value: { assistanceRequestCode: "QuotesOrLicensing" } },
      { op: "replace", path: "/details/requirements/solutions", value: [{ id: "SOL-9", type: "Name" }] },
    ]);
  });

  it("adds the invite context when the referral has none at all", () => {
    const referral = aReferral();
    delete referral.inviteContext;
    const plan = patchFor(referral, [
      { field: "helpRequested", from: [], to: ["GeneralOrOther", "QuotesOrLicensing"] },
    ]);
    expect(plan.operations).toEqual([
      { op: "add", path: "/inviteContext", value: { assistanceRequestCode: "GeneralOrOther" } },
      { op: "add", path: "/inviteContext/notes", value: "Help requested: GeneralOrOther, QuotesOrLicensing" },
    ]);
  });

  it("skips changes whose direction does not flow to Partner Center, and no-op writes", () => {
    const plan = patchFor(aReferral(), [
      { field: "microsoftCrmId", from: null, to: "7-ABC" },
      { field: "outcome", from: "Lost", to: "Open" },
    ]);
    expect(plan).toEqual({ operations: [], refused: [] });
  });
});
