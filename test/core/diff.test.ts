import { describe, expect, it } from "vitest";
import { applyChanges, defaultFieldMapping, diffDeals, flowsToDataverse, reconcile } from "../../core";
import { aDeal } from "./builders";

describe("diffDeals", () => {
  it("finds nothing between a deal and itself", () => {
    expect(diffDeals(aDeal(), aDeal(), defaultFieldMapping)).toEqual([]);
  });

  it("lists each changed field once, in mapping order, with both values", () => {
    const before = aDeal();
    const after = aDeal({ dealValue: 1, name: "Renamed", solutions: ["SOL-1"] });
    expect(diffDeals(before, after, defaultFieldMapping)).toEqual([
      { field: "name", from: before.name, to: "Renamed" },
      { field: "dealValue", from: 250000, to: 1 },
      { field: "solutions", from: before.solutions, to: ["SOL-1"] },
    ]);
  });

  it("ignores formatting-only differences", () => {
    const noisy = {
      ...aDeal(),
      dealValue: "250000.00",
      currency: "usd",
      customerCountry: "us",
      closeDate: "2027-03-31T00:00:00Z",
      customerName: "Contoso Ltd  ",
      contactEmail: "AVERY.NGUYEN@contoso.example",
      solutions: ["sol-20011-abc", "SOL-15974-MQF"],
    } as unknown as ReturnType<typeof aDeal>;
    expect(diffDeals(aDeal(), noisy, defaultFieldMapping)).toEqual([]);
  });

  it("can be limited to the fields that flow one way", () => {
    const changes = diffDeals(
      aDeal(),
      aDeal({ microsoftCrmId: "7-1", name: "x" }),
      defaultFieldMapping,
      flowsToDataverse,
    );
    expect(changes.map((change) => change.field)).toEqual(["name", "microsoftCrmId"]);
  });

  it("applies changes to give the other deal", () => {
    const before = aDeal();
    const after = aDeal({ notes: null, outcome: "Won", helpRequested: [] });
    expect(applyChanges(before, diffDeals(before, after, defaultFieldMapping))).toEqual(after);
  });
});

describe("reconcile", () => {
  const base = aDeal();

  it("sends a change made on one side to the other", () => {
    const result = reconcile(
      { base, dataverse: aDeal({ name: "New name" }), partnerCenter: aDeal({ dealValue: 9 }) },
      defaultFieldMapping,
    );
    expect(result.toPartnerCenter).toEqual([{ field: "name", from: base.name, to: "New name" }]);
    expect(result.toDataverse).toEqual([{ field: "dealValue", from: 250000, to: 9 }]);
    expect(result.conflicts).toEqual([]);
  });

  it("gives a field changed on both sides to its owner and reports the conflict", () => {
    const result = reconcile(
      {
        base,
        dataverse: aDeal({ dealValue: 1, outcome: "Lost" }),
        partnerCenter: aDeal({ dealValue: 2, outcome: "Won" }),
      },
      defaultFieldMapping,
    );
    expect(result.toPartnerCenter).toEqual([{ field: "dealValue", from: 2, to: 1 }]);
    expect(result.toDataverse).toEqual([{ field: "outcome", from: "Lost", to: "Won" }]);
    expect(result.conflicts).toEqual([
      { field: "dealValue", dataverse: 1, partnerCenter: 2, winner: "dataverse" },
      { field: "outcome", dataverse: "Lost", partnerCenter: "Won", winner: "partnerCenter" },
    ]);
  });

  it("lets the other side win when the owner's value can't flow", () => {
    const mapping = {
      ...defaultFieldMapping,
      name: { ...defaultFieldMapping.name, direction: "toDataverse" as const },
    };
    const result = reconcile(
      { base: null, dataverse: aDeal({ name: "A" }), partnerCenter: aDeal({ name: "B" }) },
      mapping,
    );
    expect(result.toDataverse).toEqual([{ field: "name", from: "A", to: "B" }]);
    expect(result.conflicts[0]?.winner).toBe("partnerCenter");
  });

  it("drops changes whose direction forbids them, and fields that are out of the sync", () => {
    const mapping = { ...defaultFieldMapping, notes: { ...defaultFieldMapping.notes, direction: "none" as const } };
    const result = reconcile(
      { base, dataverse: aDeal({ microsoftCrmId: "mine", notes: "x" }), partnerCenter: aDeal({ notes: "y" }) },
      mapping,
    );
    expect(result).toEqual({ toPartnerCenter: [], toDataverse: [], conflicts: [] });
  });

  it("treats every difference as a conflict before the first sync", () => {
    const result = reconcile(
      { base: null, dataverse: aDeal({ name: "A" }), partnerCenter: aDeal({ name: "B" }) },
      defaultFieldMapping,
    );
    expect(result.toPartnerCenter).toEqual([{ field: "name", from: "B", to: "A" }]);
    expect(result.conflicts).toHaveLength(1);
  });
});
