import { describe, expect, it } from "vitest";
import { ODataQueryError, parseFilter } from "../../../emulators/odata";

function errorFrom(text: string): ODataQueryError {
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof ODataQueryError) return error;
    throw new Error(`expected an ODataQueryError for ${JSON.stringify(text)} but got ${String(error)}`);
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe("parseFilter error messages", () => {
  const cases: readonly (readonly [kind: string, input: string, message: string])[] = [
    ["missing right operand", "status eq", "expected a value after 'eq' at position 9"],
    ["unterminated string", "name eq 'abc", "unterminated string starting at position 8"],
    ["unknown function", "substringof('a', name)", "unknown function 'substringof' at position 0"],
    ["empty filter", "", "the expression is empty at position 0"],
    ["unclosed parenthesis", "(status eq 'New'", "the '(' at position 0 is not closed: expected ')' at position 16"],
    ["stray closing parenthesis", "status eq 'New')", "unexpected ')' without a matching '(' at position 15"],
    ["unexpected character", "status eq #", "unexpected character '#' at position 10"],
    [
      "upper-case keyword",
      "status EQ 'New'",
      "'EQ' is not an operator; OData keywords are lowercase ('eq') at position 7",
    ],
    ["too few arguments", "contains(name)", "function 'contains' takes 2 arguments but got 1 at position 0"],
    ["too many arguments", "tolower(a, b) eq 'x'", "function 'tolower' takes 1 argument but got 2 at position 0"],
    ["impossible month", "createdon gt 2024-13-01", "invalid date or date-time '2024-13-01' at position 13"],
    [
      "impossible day",
      "createdon gt 2023-02-29T00:00:00Z",
      "invalid date or date-time '2023-02-29T00:00:00Z' at position 13",
    ],
    [
      "impossible hour",
      "createdon gt 2024-01-01T24:00:00Z",
      "invalid date or date-time '2024-01-01T24:00:00Z' at position 13",
    ],
    [
      "date-time without a time zone",
      "createdon gt 2024-01-01T10:00:00",
      "date-time '2024-01-01T10:00:00' needs a time zone such as 'Z' or '+01:00' at position 13",
    ],
    [
      "GUID one digit short",
      "engagementId eq f889cdf9-8e09-4126-a1df-46e0ab69bcd",
      "malformed GUID 'f889cdf9-8e09-4126-a1df-46e0ab69bcd' (expected 8-4-4-4-12 hex digits) at position 16",
    ],
    ["all() without a condition", "team/all()", "all() needs a condition such as all(x: x eq 'a') at position 5"],
    [
      "reused lambda variable",
      "team/any(t: t/roles/any(t: t eq 'x'))",
      "lambda variable 't' is already in use at position 24",
    ],
    ["lambda without a colon", "team/any(t t/email eq 'x')", "expected ':' after 't' but found 't' at position 11"],
    [
      "keyword as lambda variable",
      "team/any(eq: eq)",
      "expected a variable name after 'any(' but found 'eq' at position 9",
    ],
    [
      "unclosed lambda",
      "team/any(t: t/email eq 'x'",
      "the 'any(' at position 5 is not closed: expected ')' at position 26",
    ],
    [
      "lambda without a collection",
      "any(t: t eq 1)",
      "'any' must follow a collection property, as in tags/any(...) at position 0",
    ],
    ["arithmetic operator", "price add 5 gt 10", "operator 'add' is not supported at position 6"],
    ["dangling and", "status eq 'New' and", "expected a value after 'and' at position 19"],
    ["dangling not", "name eq 'x' and not", "expected a value after 'not' at position 19"],
    ["operator first", "eq 1", "expected a value but found 'eq' at position 0"],
    [
      "value used as a condition",
      "tolower(name)",
      "expected a condition but found the value tolower(name) at position 0",
    ],
    ["literal used as a condition", "a eq 'x' and 5", "expected a condition but found the value 5 at position 13"],
    [
      "missing operator between terms",
      "status eq 'New' status",
      "expected 'and', 'or' or the end of the expression but found 'status' at position 16",
    ],
    [
      "chained comparison",
      "a eq 1 eq 2",
      "expected 'and', 'or' or the end of the expression but found 'eq' at position 7",
    ],
    ["number glued to letters", "12abc eq 1", "invalid number '12abc' at position 0"],
    ["number out of range", "x eq 1e400", "invalid number '1e400' at position 5"],
    ["second decimal point", "x eq 1.5.3", "unexpected character '.' at position 8"],
    ["lone minus sign", "a eq -", "unexpected character '-' at position 5"],
    ["call after a path", "a/b(1) eq 1", "'b(' cannot follow a property path; only any() and all() can at position 2"],
    [
      "function name in the wrong case",
      "Contains(name,'x')",
      "unknown function 'Contains' (function names are lowercase: 'contains') at position 0",
    ],
    [
      "path ending in a slash",
      "customerProfile/ eq 1",
      "expected a property name after '/' but found 'eq' at position 17",
    ],
    [
      "unclosed function call",
      "contains(name,'x'",
      "the 'contains(' at position 0 is not closed: expected ',' or ')' at position 17",
    ],
    [
      "keyword in the wrong case before brackets",
      "Not (a eq 1)",
      "'Not' is not a function; OData keywords are lowercase ('not') at position 0",
    ],
    [
      "logical keyword in the wrong case",
      "a eq 1 AND b eq 2",
      "'AND' is not an operator; OData keywords are lowercase ('and') at position 7",
    ],
    ["trailing comma in a call", "contains(name,)", "expected a value after ',' but found ')' at position 14"],
  ];

  it.each(cases)("reports %s", (_kind, input, message) => {
    expect(errorFrom(input).message).toBe(`$filter: ${message}`);
  });

  it("exposes the option, the detail and the position separately", () => {
    const error = errorFrom("status eq");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ODataQueryError");
    expect(error.option).toBe("$filter");
    expect(error.detail).toBe("expected a value after 'eq'");
    expect(error.position).toBe(9);
  });
});

describe("parseFilter robustness", () => {
  it("limits nesting so hostile input cannot overflow the stack", () => {
    const nested = (depth: number): string => `${"(".repeat(depth)}a eq 1${")".repeat(depth)}`;
    expect(parseFilter(nested(50))).toMatchObject({ type: "comparison" });
    expect(errorFrom(nested(5000)).detail).toBe("the expression is nested too deeply");
    expect(errorFrom(`${"not ".repeat(5000)}a`).detail).toBe("the expression is nested too deeply");
    expect(errorFrom(`${"contains(".repeat(5000)}a`).detail).toBe("the expression is nested too deeply");
  });

  const samples = [
    "status eq 'Active' and direction eq 'Outgoing' and type eq 'Shared' and team/any(t:t/email eq 'r2d2@contoso.com')",
    "engagementId eq f889cdf9-8e09-4126-a1df-46e0ab69bcda or updatedDateTime gt 2022-02-25T13:49:42.887627Z",
    "not (contains(tolower(name),'o''neil') and estimatedvalue le -12.5) or tags/all(x: x ne null)",
    "createdon ge 2024-01-01 and customerProfile/address/country eq 'US' and tags/any()",
  ];

  // Cutting or mangling valid filters produces the kinds of broken input a typo or a truncated URL gives.
  function variantsOf(sample: string): string[] {
    const variants: string[] = [];
    for (let index = 0; index <= sample.length; index += 1) {
      variants.push(sample.slice(0, index));
      variants.push(sample.slice(0, index) + sample.slice(index + 1));
      variants.push(`${sample.slice(0, index)})${sample.slice(index)}`);
      variants.push(`${sample.slice(0, index)}'${sample.slice(index)}`);
    }
    return variants;
  }

  it("either parses or throws ODataQueryError, never another error", () => {
    const unexpectedFailures: string[] = [];
    let rejected = 0;
    for (const variant of samples.flatMap(variantsOf)) {
      try {
        parseFilter(variant);
      } catch (error) {
        if (error instanceof ODataQueryError) rejected += 1;
        else unexpectedFailures.push(`${variant}: ${String(error)}`);
      }
    }
    expect(unexpectedFailures).toEqual([]);
    // Guards against the loop silently accepting everything.
    expect(rejected).toBeGreaterThan(500);
  });
});
