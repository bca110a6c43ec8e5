/**
 * The form judges an opportunity with core's findOpportunityProblems, which reads the referral's facts straight from
 * the opportunity's fields; the sync service judges the referral it builds (toReferralCreate, then the same rules).
 * Both must give the same problems for any opportunity and any admin mapping, or the form would refuse what the
 * service sends, or let through what it refuses. Raw column values are generated loosely on purpose: numbers as
 * text, dates with times and offsets, lower-case codes, junk.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MicrosoftHelpOption } from "../../core/dataverse/options";
import { customizeMapping } from "../../core/mapping/customizeMapping";
import { defaultFieldMapping } from "../../core/mapping/defaultMapping";
import type { FieldMapping, MappedField } from "../../core/mapping/fields";
import type { OpportunitySnapshot } from "../../core/mapping/snapshot";
import { toReferralCreate } from "../../core/mapping/toReferral";
import { findOpportunityProblems, findReferralProblems } from "../../core/validation/findProblems";
import { validateOpportunityForSync } from "../../core/validation/validateOpportunity";

const junk = fc.oneof(fc.constant(null), fc.constant(""), fc.constant("  "), fc.string({ maxLength: 6 }), fc.integer());
const text = fc.oneof(junk, fc.constantFrom("Contoso rollout", " Ana ", "ana@contoso.example"));
const code = fc.oneof(junk, fc.constantFrom("US", "us", " DE ", "UK", "USD", "eur", "XXX", "JP"));
const money = fc.oneof(junk, fc.double({ noNaN: false }), fc.constantFrom("250000", " 12.5 ", "-3", "0", "1e3"));
const date = fc.oneof(
  junk,
  fc.constantFrom("2026-09-30", "2026-02-30", "2026-05-03", "2026-05-04", "2999-01-01", "0999-12-31"),
  fc.constantFrom("2026-05-04T23:30:00-05:00", "2026-05-03T23:59:59Z", "9999-12-31T23:59:59-05:00", "2026-13-01T00:00"),
);
const help = fc.oneof(
  junk,
  fc.subarray(Object.values(MicrosoftHelpOption)).map((values) => values.join(",")),
  fc.subarray([...Object.values(MicrosoftHelpOption), 1, 2]),
);
const flag = fc.oneof(junk, fc.boolean(), fc.constantFrom(0, 1, "yes", "No", "true"));

const snapshotArbitrary: fc.Arbitrary<OpportunitySnapshot> = fc.record({
  opportunity: fc.record({
    opportunityid: fc.constant("6d81597f-0f9f-e711-8122-000d3aa2331c"),
    name: text,
    description: text,
    estimatedvalue: money,
    budgetamount: money,
    estimatedclosedate: date,
    statecode: fc.oneof(junk, fc.constantFrom(0, 1, 2)),
    salesstage: fc.oneof(junk, fc.constantFrom(0, 1, 2, 3)),
    csb_microsofthelp: help,
    csb_sharewithmicrosoft: flag,
    csb_products: fc.oneof(junk, fc.constantFrom("SOL-1001", " sol-1001 ; SOL-2002", ",;")),
    csb_microsoftcrmid: text,
  }),
  account: fc.option(fc.record({ name: text, address1_city: text, address1_country: code, new_countrycode: code }), {
    nil: null,
  }),
  contact: fc.option(fc.record({ firstname: text, lastname: text, emailaddress1: text }), { nil: null }),
  currencyCode: fc.oneof(
    fc.constant(null),
    code.map((value) => (typeof value === "string" ? value : null)),
  ),
});

const directions = ["both", "toPartnerCenter", "toDataverse", "none"] as const;
const fieldNames = Object.keys(defaultFieldMapping) as MappedField[];

/** The default mapping, or one an admin changed: other directions, another deal value or country column. */
const mappingArbitrary: fc.Arbitrary<FieldMapping> = fc
  .record({
    directions: fc.dictionary(fc.constantFrom(...fieldNames), fc.constantFrom(...directions)),
    dealValueColumn: fc.constantFrom(null, "budgetamount"),
    countryColumn: fc.constantFrom(null, "new_countrycode"),
  })
  .map(({ directions: chosen, dealValueColumn, countryColumn }) => {
    const fields = Object.fromEntries(Object.entries(chosen).map(([field, direction]) => [field, { direction }]));
    const result = customizeMapping({ dealValueColumn, countryColumn, fieldMappingJson: JSON.stringify({ fields }) });
    if (!result.ok) throw new Error(result.errors.join(" "));
    return result.mapping;
  });

const NOW = new Date("2026-05-04T09:00:00.000Z");
/** Enough to meet every rule many times over (the second test checks that), quick enough for a busy machine. */
const RUNS = { numRuns: 1_500 };
/** fast-check runs the property synchronously; on a shared 2-core machine that can take a few seconds. */
const SLOW = { timeout: 30_000 };

describe("the form's validation and the service's", () => {
  it("find the same problems in any opportunity, for any mapping", SLOW, () => {
    fc.assert(
      fc.property(snapshotArbitrary, mappingArbitrary, (snapshot, mapping) => {
        const onForm = findOpportunityProblems(snapshot, mapping, { now: NOW });
        const onReferral = findReferralProblems(toReferralCreate(snapshot, mapping), { now: NOW });
        const byService = validateOpportunityForSync(snapshot, mapping, { now: NOW });

        expect(onForm).toEqual(onReferral);
        expect(onForm.map((problem) => problem.code)).toEqual(byService.map((problem) => problem.code));
      }),
      RUNS,
    );
  });

  it("are not vacuous: the generated opportunities hit every rule", SLOW, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(snapshotArbitrary, mappingArbitrary, (snapshot, mapping) => {
        for (const problem of findOpportunityProblems(snapshot, mapping, { now: NOW })) seen.add(problem.code);
      }),
      RUNS,
    );

    expect([...seen].sort()).toEqual([
      "closeDateInPast",
      "closeDateMissing",
      "closedAtCreation",
      "contactMissing",
      "countryInvalid",
      "countryMissing",
      "currencyInvalid",
      "customerNameMissing",
      "dealValueNotPositive",
      "helpNeedsSharing",
      "nameMissing",
      "solutionMissing",
      "wonTooSoon",
    ]);
  });
});
