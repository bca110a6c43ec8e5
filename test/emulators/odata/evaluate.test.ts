import { describe, expect, it } from "vitest";
import { compileFilter, evaluateFilter, parseFilter, type FilterOptions } from "../../../emulators/odata";

function matches(filter: string, record: unknown, options: FilterOptions = {}): boolean {
  return evaluateFilter(parseFilter(filter), record, options);
}

describe("evaluateFilter: comparisons", () => {
  it("compares numbers numerically, including numeric strings against number literals", () => {
    expect(matches("amount gt 9", { amount: 10 })).toBe(true);
    expect(matches("amount gt 9", { amount: "10" })).toBe(true);
    expect(matches("amount eq 10", { amount: "10.0" })).toBe(true);
    expect(matches("amount lt -1.5", { amount: -2 })).toBe(true);
    expect(matches("amount gt 9", { amount: "ten" })).toBe(false);
    expect(matches("amount ne 9", { amount: "ten" })).toBe(true);
  });

  it("compares strings ordinally, so upper case sorts before lower case", () => {
    expect(matches("name lt 'b'", { name: "a" })).toBe(true);
    expect(matches("name lt 'a'", { name: "B" })).toBe(true);
    expect(matches("name lt 'a'", { name: "B" }, { caseInsensitiveStrings: true })).toBe(false);
    expect(matches("name ge 'ab'", { name: "ab" })).toBe(true);
    // A quoted date is a string: it compares as text, not as an instant.
    expect(matches("d eq '2024-01-01T00:00:00Z'", { d: "2024-01-01T01:00:00+01:00" })).toBe(false);
  });

  it("treats null as equal only to null and never ordered", () => {
    expect(matches("x eq null", {})).toBe(true);
    expect(matches("x eq null", { x: null })).toBe(true);
    expect(matches("x eq null", { x: 0 })).toBe(false);
    expect(matches("x ne null", { x: "" })).toBe(true);
    expect(matches("x gt 1", { x: null })).toBe(false);
    expect(matches("x lt 1", { x: null })).toBe(false);
    expect(matches("x ge null", { x: null })).toBe(false);
    expect(matches("null eq null", {})).toBe(true);
  });

  it("returns false rather than throwing for incompatible types", () => {
    expect(matches("flag gt true", { flag: true })).toBe(false);
    expect(matches("flag eq true", { flag: true })).toBe(true);
    expect(matches("flag eq 1", { flag: true })).toBe(false);
    expect(matches("items eq 'a'", { items: ["a"] })).toBe(false);
    expect(matches("when gt 2024-01-01", { when: "not a date" })).toBe(false);
    expect(matches("when gt 2024-01-01", { when: 1704067200 })).toBe(false);
    expect(matches("id eq 65edc0b5-0000-0000-0000-000000000000", { id: 5 })).toBe(false);
    expect(matches("contains(n, 'a')", { n: 42 })).toBe(false);
  });

  it("compares date-time strings as instants when the literal is a date-time or date", () => {
    expect(matches("t eq 2024-01-01T00:00:00Z", { t: "2024-01-01T01:00:00+01:00" })).toBe(true);
    expect(matches("t eq 2024-01-01T01:00:00+01:00", { t: "2024-01-01T00:00:00.000Z" })).toBe(true);
    expect(matches("t lt 2024-01-01T00:00:00Z", { t: "2023-12-31T19:00:00-05:00" })).toBe(false);
    expect(matches("t lt 2024-01-01T00:00:00Z", { t: "2023-12-31T18:59:59-05:00" })).toBe(true);
    expect(matches("t gt 2024-01-01", { t: "2024-01-01T00:00:01Z" })).toBe(true);
    expect(matches("t eq 2024-01-01", { t: "2024-01-01" })).toBe(true);
    expect(matches("t eq 2024-01-01T00:00:00Z", { t: new Date(Date.UTC(2024, 0, 1)) })).toBe(true);
  });

  it("compares GUIDs case-insensitively even without the string option", () => {
    const record = { id: "ABCDEF01-2345-6789-ABCD-EF0123456789" };
    expect(matches("id eq abcdef01-2345-6789-abcd-ef0123456789", record)).toBe(true);
    expect(matches("id ne abcdef01-2345-6789-abcd-ef0123456789", record)).toBe(false);
    expect(matches("id eq 'abcdef01-2345-6789-abcd-ef0123456789'", record)).toBe(false);
  });

  it("can compare two properties with each other", () => {
    expect(matches("min le max", { min: 1, max: 2 })).toBe(true);
    expect(matches("min le max", { min: 3, max: 2 })).toBe(false);
  });
});

describe("evaluateFilter: paths, logic and functions", () => {
  it("evaluates missing and non-object intermediate paths as null", () => {
    expect(matches("a/b/c eq null", { a: { b: 5 } })).toBe(true);
    expect(matches("a/b/c eq null", { a: [{ b: { c: 1 } }] })).toBe(true);
    expect(matches("a/b/c eq 1", { a: { b: { c: 1 } } })).toBe(true);
    expect(matches("constructor eq null", {})).toBe(true);
    expect(matches("a eq null", "not an object")).toBe(true);
  });

  it("applies and, or and not with the documented precedence", () => {
    const filter = compileFilter("a or b and c");
    expect(filter({ a: true, b: false, c: false })).toBe(true);
    expect(filter({ a: false, b: true, c: false })).toBe(false);
    expect(filter({ a: false, b: true, c: true })).toBe(true);
    const grouped = compileFilter("(a or b) and c");
    expect(grouped({ a: true, b: false, c: false })).toBe(false);
  });

  it("counts a bare value as a condition only when it is the boolean true", () => {
    expect(matches("isPrimary", { isPrimary: true })).toBe(true);
    expect(matches("isPrimary", { isPrimary: "true" })).toBe(false);
    expect(matches("isPrimary", {})).toBe(false);
    expect(matches("not isPrimary", {})).toBe(true);
    expect(matches("contains(name,'x') eq false", { name: "abc" })).toBe(true);
  });

  it("runs startswith, endswith and contains, honouring the case option", () => {
    const record = { email: "R2D2@Contoso.com" };
    expect(matches("startswith(email,'R2')", record)).toBe(true);
    expect(matches("startswith(email,'r2')", record)).toBe(false);
    expect(matches("startswith(email,'r2')", record, { caseInsensitiveStrings: true })).toBe(true);
    expect(matches("endswith(email,'.com')", record)).toBe(true);
    expect(matches("endswith(email,'contoso.COM')", record, { caseInsensitiveStrings: true })).toBe(true);
    expect(matches("contains(email,'')", record)).toBe(true);
    expect(matches("contains(email,null)", record)).toBe(false);
    expect(matches("toupper(missing) eq null", record)).toBe(true);
  });
});

describe("evaluateFilter: lambdas", () => {
  const record = {
    tags: ["a", "b"],
    empty: [],
    team: [
      { email: "r2d2@contoso.com", roles: ["Owner", "Seller"] },
      { email: "c3po@contoso.com", roles: ["Seller"] },
    ],
    owner: "c3po@contoso.com",
  };

  it("evaluates any() over primitives and objects", () => {
    expect(matches("tags/any(x: x eq 'a')", record)).toBe(true);
    expect(matches("tags/any(x: x eq 'z')", record)).toBe(false);
    expect(matches("team/any(t:t/email eq 'r2d2@contoso.com')", record)).toBe(true);
    expect(matches("team/any(t:t/email eq 'bb8@contoso.com')", record)).toBe(false);
  });

  it("evaluates all(), which holds for an empty collection", () => {
    expect(matches("team/all(t: endswith(t/email, '@contoso.com'))", record)).toBe(true);
    expect(matches("team/all(t: startswith(t/email, 'r2'))", record)).toBe(false);
    expect(matches("empty/all(x: x eq 1)", record)).toBe(true);
  });

  it("evaluates any() with no argument as 'has elements'", () => {
    expect(matches("tags/any()", record)).toBe(true);
    expect(matches("empty/any()", record)).toBe(false);
    expect(matches("missing/any()", record)).toBe(false);
    expect(matches("owner/any()", record)).toBe(false);
    expect(matches("missing/all(x: x eq 1)", record)).toBe(false);
  });

  it("supports nested lambdas and references to the outer record", () => {
    expect(matches("team/any(t: t/roles/any(r: r eq 'Owner'))", record)).toBe(true);
    expect(matches("team/all(t: t/roles/any(r: r eq 'Seller'))", record)).toBe(true);
    expect(matches("team/all(t: t/roles/any(r: r eq 'Owner'))", record)).toBe(false);
    expect(matches("team/any(t: t/email eq owner and t/roles/any(r: r eq 'Seller'))", record)).toBe(true);
    expect(matches("team/any(t: t/email eq owner and t/roles/any(r: r eq 'Owner'))", record)).toBe(false);
  });

  it("lets an inner lambda read the outer lambda's variable", () => {
    const groups = {
      groups: [
        { lead: "b", members: ["a", "b"] },
        { lead: "z", members: ["x"] },
      ],
    };
    expect(matches("groups/all(g: g/members/any(m: m eq g/lead))", groups)).toBe(false);
    expect(matches("groups/any(g: g/members/any(m: m eq g/lead))", groups)).toBe(true);
  });
});

describe("compileFilter", () => {
  it("throws for malformed text when compiling, not when filtering", () => {
    expect(() => compileFilter("status eq")).toThrow("$filter: expected a value after 'eq' at position 9");
  });

  it("applies the options it was compiled with", () => {
    const insensitive = compileFilter("name eq 'contoso'", { caseInsensitiveStrings: true });
    const sensitive = compileFilter("name eq 'contoso'");
    expect([{ name: "Contoso" }, { name: "contoso" }].filter(insensitive)).toHaveLength(2);
    expect([{ name: "Contoso" }, { name: "contoso" }].filter(sensitive)).toEqual([{ name: "contoso" }]);
  });
});
