import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DealFields,
  type FieldChange,
  type Referral,
  type ReferralCreateRequest,
  applyChanges,
  defaultFieldMapping,
  diffDeals,
  flowsToPartnerCenter,
  mappingEntries,
  readOpportunity,
  readReferral,
  sameValue,
  toDataverseChanges,
  toOpportunityCreate,
  toReferralCreate,
  toReferralPatch,
} from "../../core";
import { applyJsonPatch } from "../support/jsonPatch";
import { dealArbitrary, snapshotOf } from "./arbitraries";

const twoWayFields = mappingEntries(defaultFieldMapping).filter((entry) => entry.direction === "both");
const allChanges = (deal: DealFields): FieldChange[] =>
  mappingEntries(defaultFieldMapping).map((entry) => ({ field: entry.field, from: null, to: deal[entry.field] }));

/** What Partner Center returns for a create: the body plus server fields, accepted at once (§1.5). */
function created(body: ReferralCreateRequest): Referral {
  return {
    ...body,
    id: "c5fbb3b6-0000-4795-9fb5-4324c73fed37",
    engagementId: "65edc0b5-0000-4f3c-9e5d-0123456789ab",
    name: body.name,
    createdDateTime: "2026-01-01T00:00:00Z",
    updatedDateTime: "2026-01-01T00:00:00Z",
    eTag: '"1"',
    status: "Active",
    substatus: "Accepted",
    type: body.type ?? "Independent",
  };
}

function expectSameOnTwoWayFields(actual: DealFields, expected: DealFields): void {
  for (const { field, kind } of twoWayFields) {
    expect(sameValue(kind, actual[field], expected[field]), `${field}: ${JSON.stringify(actual[field])}`).toBe(true);
  }
}

describe("round trips", () => {
  it("opportunity → referral → opportunity keeps every two-way field", () => {
    fc.assert(
      fc.property(dealArbitrary(["Open"]), (deal) => {
        const snapshot = snapshotOf(toDataverseChanges(allChanges(deal), defaultFieldMapping));
        const referral = created(toReferralCreate(snapshot, defaultFieldMapping));
        const back = snapshotOf(toOpportunityCreate(referral, defaultFieldMapping));
        expectSameOnTwoWayFields(
          readOpportunity(back, defaultFieldMapping),
          readOpportunity(snapshot, defaultFieldMapping),
        );
        expectSameOnTwoWayFields(readOpportunity(snapshot, defaultFieldMapping), deal);
      }),
      { numRuns: 300 },
    );
  });

  it("referral → opportunity → referral keeps every two-way field", () => {
    fc.assert(
      fc.property(dealArbitrary(["Open"]), (deal) => {
        const source = created(
          toReferralCreate(snapshotOf(toDataverseChanges(allChanges(deal), defaultFieldMapping)), defaultFieldMapping),
        );
        const snapshot = snapshotOf(toOpportunityCreate(source, defaultFieldMapping));
        const again = created(toReferralCreate(snapshot, defaultFieldMapping));
        expectSameOnTwoWayFields(readReferral(again, defaultFieldMapping), readReferral(source, defaultFieldMapping));
      }),
      { numRuns: 300 },
    );
  });
});

describe("diff properties", () => {
  it("diff(a, a) is empty", () => {
    fc.assert(fc.property(dealArbitrary(), (deal) => diffDeals(deal, deal, defaultFieldMapping).length === 0));
  });

  it("applying diff(a, b) to a gives b on every mapped field", () => {
    fc.assert(
      fc.property(dealArbitrary(), dealArbitrary(), (a, b) => {
        const patched = applyChanges(a, diffDeals(a, b, defaultFieldMapping));
        expect(diffDeals(patched, b, defaultFieldMapping)).toEqual([]);
      }),
    );
  });

  it("the JSON Patch for diff(referral, wanted) turns the referral into the wanted deal", () => {
    fc.assert(
      fc.property(dealArbitrary(["Open"]), dealArbitrary(["Open"]), (start, wanted) => {
        const referral = created(
          toReferralCreate(snapshotOf(toDataverseChanges(allChanges(start), defaultFieldMapping)), defaultFieldMapping),
        );
        const current = readReferral(referral, defaultFieldMapping);
        const changes = diffDeals(current, wanted, defaultFieldMapping, flowsToPartnerCenter);
        const plan = toReferralPatch(referral, changes, defaultFieldMapping, { now: new Date("2026-06-01T00:00:00Z") });
        const patched = readReferral(applyJsonPatch(referral, plan.operations), defaultFieldMapping);
        const refusedFields = new Set(plan.refused.map((refusal) => refusal.field));
        for (const change of changes.filter((candidate) => !refusedFields.has(candidate.field))) {
          const { kind } = defaultFieldMapping[change.field];
          expect(sameValue(kind, patched[change.field], change.to), change.field).toBe(true);
        }
        // The only refusal for two open deals is un-sharing.
        expect([...refusedFields].every((field) => field === "sharedWithMicrosoft")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
