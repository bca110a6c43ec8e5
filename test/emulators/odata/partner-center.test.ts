import { describe, expect, it } from "vitest";
import { compileFilter } from "../../../emulators/odata";
import { referrals } from "./fixtures";

function matchingIds(filter: string): string[] {
  return referrals.filter(compileFilter(filter)).map((referral) => referral.id);
}

// Every $filter example from the Partner Center Referrals API documentation, evaluated against a fixed set.
describe("documented Partner Center filters", () => {
  it("matches a quoted engagement id", () => {
    expect(matchingIds("engagementId eq '65edc0b5-0000-0000-0000-000000000000'")).toEqual(["r1"]);
  });

  it("combines status and qualification with and", () => {
    expect(matchingIds("status eq 'New' and qualification eq 'SalesQualified'")).toEqual(["r1", "r4"]);
  });

  it("follows a nested customer address path", () => {
    expect(matchingIds("customerProfile/address/country eq 'US' and direction eq 'Incoming'")).toEqual(["r1"]);
  });

  it("accepts a fully parenthesized type and direction filter", () => {
    expect(matchingIds("(type eq 'Shared' and direction eq 'Incoming')")).toEqual(["r1", "r4", "r5"]);
  });

  it("accepts a parenthesized direction and substatus filter", () => {
    expect(matchingIds("(direction eq 'Incoming' and substatus eq 'Pending')")).toEqual(["r1", "r4"]);
  });

  it("filters on a team member with any()", () => {
    const filter =
      "status eq 'Active' and direction eq 'Outgoing' and type eq 'Shared' and " +
      "team/any(t:t/email eq 'r2d2@contoso.com')";
    // r3 has the member but is Independent; r6 is Shared but without r2d2.
    expect(matchingIds(filter)).toEqual(["r2"]);
  });

  it("matches an unquoted GUID regardless of letter case", () => {
    expect(matchingIds("engagementId eq f889cdf9-8e09-4126-a1df-46e0ab69bcda")).toEqual(["r2"]);
    expect(matchingIds("engagementId eq F889CDF9-8E09-4126-A1DF-46E0AB69BCDA")).toEqual(["r2"]);
  });

  it("compares updatedDateTime with microsecond precision and across offsets", () => {
    // r1 and r3 are exactly the literal's instant, r2 is one microsecond later, r5 has no value.
    expect(matchingIds("updatedDateTime gt 2022-02-25T13:49:42.887627Z")).toEqual(["r2", "r6"]);
    expect(matchingIds("updatedDateTime eq 2022-02-25T13:49:42.887627Z")).toEqual(["r1", "r3"]);
    expect(matchingIds("updatedDateTime le 2022-02-25T13:49:42.887627Z")).toEqual(["r1", "r3", "r4"]);
  });
});
