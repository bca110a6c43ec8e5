import { describe, expect, it } from "vitest";
import {
  dealTypeLabels,
  dealTypeOf,
  defaultFieldMapping,
  toReferralCreate,
  validateOpportunityForSync,
  validateReferralForCreate,
  type ReferralCreateRequest,
} from "../../core";
import { anOpportunity, now } from "./builders";

const validBody = (): ReferralCreateRequest => toReferralCreate(anOpportunity(), defaultFieldMapping);
const codesOf = (body: ReferralCreateRequest) =>
  validateReferralForCreate(body, { now }).map((problem) => problem.code);

describe("validateReferralForCreate", () => {
  it("finds nothing wrong with a complete co-sell deal", () => {
    expect(validateReferralForCreate(validBody(), { now })).toEqual([]);
  });

  it("wants a solution when help is requested or the deal is shared", () => {
    const body = validBody();
    body.details = { ...body.details, requirements: { solutions: [] } };
    expect(validateReferralForCreate(body, { now })).toEqual([
      {
        code: "solutionMissing",
        field: "solutions",
        message: expect.stringContaining("Pick at least one of your co-sell solutions in Products") as string,
      },
    ]);
    const privateDeal = toReferralCreate(
      anOpportunity({ opportunity: { csb_products: null, csb_microsofthelp: null, csb_sharewithmicrosoft: false } }),
      defaultFieldMapping,
    );
    expect(codesOf(privateDeal)).toEqual([]);
  });

  it("asks to share the deal when help is requested but it is private", () => {
    const body = toReferralCreate(
      anOpportunity({ opportunity: { csb_sharewithmicrosoft: false } }),
      defaultFieldMapping,
    );
    expect(codesOf(body)).toEqual(["helpNeedsSharing"]);
  });

  it.each([
    [null, "countryMissing"],
    ["", "countryMissing"],
    ["United States", "countryInvalid"],
    ["USA", "countryInvalid"],
    ["UK", "countryInvalid"],
    ["us", "countryInvalid"],
  ])("checks the customer's country %j", (country, code) => {
    const body = validBody();
    body.customerProfile = { ...body.customerProfile, address: { country } };
    expect(codesOf(body)).toEqual([code]);
  });

  it("names the bad country in the message", () => {
    const body = validBody();
    body.customerProfile = { ...body.customerProfile, address: { country: "Germany" } };
    expect(validateReferralForCreate(body, { now })[0]?.message).toContain("'Germany'");
  });

  it("wants a customer contact with a name and an e-mail address when help is requested", () => {
    const withTeam = (team: NonNullable<NonNullable<ReferralCreateRequest["customerProfile"]>["team"]>) => {
      const body = validBody();
      body.customerProfile = { ...body.customerProfile, team };
      return codesOf(body);
    };
    expect(withTeam([])).toEqual(["contactMissing"]);
    expect(withTeam([{ firstName: "Avery", email: " " }])).toEqual(["contactMissing"]);
    expect(withTeam([{ firstName: "", lastName: "Nguyen", email: "a@b.example" }])).toEqual([]);
    const noHelp = toReferralCreate(
      anOpportunity({ contact: null, opportunity: { csb_microsofthelp: null } }),
      defaultFieldMapping,
    );
    expect(codesOf(noHelp)).toEqual([]);
  });

  it.each([
    [0, ["dealValueNotPositive"]],
    [-5, ["dealValueNotPositive"]],
    [null, ["dealValueNotPositive"]],
    ["abc", ["dealValueNotPositive"]],
    ["10000", []],
    [0.01, []],
  ])("wants a deal value above 0: %j", (dealValue, codes) => {
    const body = validBody();
    body.details = { ...body.details, dealValue };
    expect(codesOf(body)).toEqual(codes);
  });

  it.each([
    [null, ["closeDateMissing"]],
    ["not a date", ["closeDateMissing"]],
    ["2026-11-24T00:00:00Z", ["closeDateInPast"]],
    ["2026-11-25T00:00:00Z", []],
    ["2030-01-01", []],
  ])("wants a close date that is not in the past: %j", (closingDateTime, codes) => {
    const body = validBody();
    body.details = { ...body.details, closingDateTime };
    expect(codesOf(body)).toEqual(codes);
  });

  it.each([
    ["USD", []],
    ["usd", ["currencyInvalid"]],
    ["US$", ["currencyInvalid"]],
    ["HRK", ["currencyInvalid"]],
    [null, ["currencyInvalid"]],
  ])("wants an ISO 4217 currency: %j", (currency, codes) => {
    const body = validBody();
    body.details = { ...body.details, currency };
    expect(codesOf(body)).toEqual(codes);
  });

  it("refuses a deal created as Won (72-hour rule) or already closed", () => {
    expect(codesOf({ ...validBody(), status: "Closed", substatus: "Won" })).toEqual(["wonTooSoon"]);
    expect(codesOf({ ...validBody(), status: "Closed", substatus: "Lost" })).toEqual(["closedAtCreation"]);
  });

  it("reports every problem of an empty opportunity once, each with a message", () => {
    const problems = validateOpportunityForSync(
      anOpportunity({
        account: null,
        contact: null,
        currencyCode: null,
        opportunity: { name: null, estimatedvalue: null, estimatedclosedate: null, csb_products: null },
      }),
      defaultFieldMapping,
      { now },
    );
    expect(problems.map((problem) => problem.code)).toEqual([
      "nameMissing",
      "customerNameMissing",
      "solutionMissing",
      "countryMissing",
      "contactMissing",
      "dealValueNotPositive",
      "closeDateMissing",
      "currencyInvalid",
    ]);
    for (const problem of problems) expect(problem.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe("dealTypeOf", () => {
  it("follows Partner Center's three deal types", () => {
    expect(dealTypeOf([], false)).toBe("private");
    expect(dealTypeOf([], true)).toBe("partnerLed");
    expect(dealTypeOf(["GeneralOrOther"], true)).toBe("coSell");
    // Privacy is decided by sharing alone; validation flags help without sharing.
    expect(dealTypeOf(["GeneralOrOther"], false)).toBe("private");
  });

  it("has words for each type", () => {
    expect(Object.keys(dealTypeLabels).sort()).toEqual(["coSell", "partnerLed", "private"]);
  });
});
