import { describe, expect, it } from "vitest";
import { describeFilter, parseFilter } from "../../../emulators/odata";

describe("describeFilter", () => {
  const canonical: readonly (readonly [input: string, output: string])[] = [
    ["status   eq 'New'", "status eq 'New'"],
    ["(type eq 'Shared' and direction eq 'Incoming')", "type eq 'Shared' and direction eq 'Incoming'"],
    ["a or b and c", "a or b and c"],
    ["(a or b) and c", "(a or b) and c"],
    ["a and (b and c)", "a and (b and c)"],
    ["(a and b) and c", "a and b and c"],
    ["a or (b or c)", "a or (b or c)"],
    ["not a eq 1", "not (a eq 1)"],
    ["not(estimatedvalue lt 1000)", "not (estimatedvalue lt 1000)"],
    ["not not a", "not not a"],
    ["not contains(name,'x')", "not contains(name, 'x')"],
    ["(a eq 1) eq false", "(a eq 1) eq false"],
    ["name eq 'O''Neil'", "name eq 'O''Neil'"],
    ["x eq 1.50 or y eq -2 or z eq 1e3", "x eq 1.50 or y eq -2 or z eq 1e3"],
    ["id eq F889CDF9-8E09-4126-A1DF-46E0AB69BCDA", "id eq F889CDF9-8E09-4126-A1DF-46E0AB69BCDA"],
    ["d gt 2024-01-01 and t lt 2024-01-01T00:00:00.5+05:30", "d gt 2024-01-01 and t lt 2024-01-01T00:00:00.5+05:30"],
    ["team/any(t:t/email eq 'r2d2@contoso.com')", "team/any(t: t/email eq 'r2d2@contoso.com')"],
    ["tags/any()", "tags/any()"],
    ["tags/all(x:x ne null)", "tags/all(x: x ne null)"],
    ["x eq true and y eq null", "x eq true and y eq null"],
  ];

  it.each(canonical)("prints %s as %s", (input, output) => {
    expect(describeFilter(parseFilter(input))).toBe(output);
  });

  const roundTrips = [
    ...canonical.map(([input]) => input),
    "engagementId eq '65edc0b5-0000-0000-0000-000000000000'",
    "customerProfile/address/country eq 'US' and direction eq 'Incoming'",
    "status eq 'Active' and direction eq 'Outgoing' and type eq 'Shared' and team/any(t:t/email eq 'r2d2@contoso.com')",
    "updatedDateTime gt 2022-02-25T13:49:42.887627Z",
    "contains(name,'contoso') and statecode eq 0",
    "_parentaccountid_value eq 6d81597f-0f9f-e711-8122-000d3aa2331c",
    "a or b and not (c or d) and (e or f and g)",
    "teams/any(t: t/members/all(m: m/email eq t/lead or not (m/active eq true)))",
    "startswith(toupper(tolower(name)), 'A') eq (b or c)",
    "not (a and b) or not c",
  ];

  it.each(roundTrips)("round-trips %s", (input) => {
    const parsed = parseFilter(input);
    const described = describeFilter(parsed);
    expect(parseFilter(described)).toEqual(parsed);
    // Describing is stable: a described filter describes to itself.
    expect(describeFilter(parseFilter(described))).toBe(described);
  });
});
