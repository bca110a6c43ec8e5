import { describe, expect, it } from "vitest";
import { parseFilter } from "../../../emulators/odata";
import { eq, one, path, variablePath } from "./ast-builders";

describe("parseFilter: paths, functions and lambdas", () => {
  it("splits slash-separated paths and keeps Dataverse underscores", () => {
    expect(parseFilter("customerProfile/address/country eq 'US'")).toEqual(
      eq(path("customerProfile", "address", "country"), { type: "string", value: "US" }),
    );
    expect(parseFilter("_parentaccountid_value eq null")).toEqual(eq(path("_parentaccountid_value"), { type: "null" }));
  });

  it("parses string functions, including nested calls", () => {
    expect(parseFilter("contains(tolower(name), 'x')")).toEqual({
      type: "function",
      name: "contains",
      args: [
        { type: "function", name: "tolower", args: [path("name")] },
        { type: "string", value: "x" },
      ],
    });
    expect(parseFilter("startswith(a,'b') or endswith(a,'c')")).toMatchObject({
      left: { name: "startswith" },
      right: { name: "endswith" },
    });
  });

  it("parses any() and all() with a variable that refers to the element", () => {
    expect(parseFilter("team/any(t:t/email eq 'a@b.com')")).toEqual({
      type: "lambda",
      operator: "any",
      collection: path("team"),
      body: { variable: "t", predicate: eq(variablePath("t", "email"), { type: "string", value: "a@b.com" }) },
    });
    expect(parseFilter("tags/all(x: x eq 'a')")).toEqual({
      type: "lambda",
      operator: "all",
      collection: path("tags"),
      body: { variable: "x", predicate: eq(variablePath("x"), { type: "string", value: "a" }) },
    });
  });

  it("parses any() without an argument", () => {
    expect(parseFilter("customerProfile/tags/any()")).toEqual({
      type: "lambda",
      operator: "any",
      collection: path("customerProfile", "tags"),
      body: null,
    });
  });

  it("resolves nested lambda variables and leaves other names as root properties", () => {
    const parsed = parseFilter("teams/any(t: t/members/any(m: m/email eq t/lead and m/region eq region))");
    expect(parsed).toEqual({
      type: "lambda",
      operator: "any",
      collection: path("teams"),
      body: {
        variable: "t",
        predicate: {
          type: "lambda",
          operator: "any",
          collection: variablePath("t", "members"),
          body: {
            variable: "m",
            predicate: {
              type: "logical",
              operator: "and",
              left: eq(variablePath("m", "email"), variablePath("t", "lead")),
              right: eq(variablePath("m", "region"), path("region")),
            },
          },
        },
      },
    });
  });

  it("does not treat a lambda variable as a variable outside its lambda", () => {
    expect(parseFilter("tags/any(t: t eq 'a') and t eq 1")).toMatchObject({ right: eq(path("t"), one) });
  });

  it("allows properties named like lambda operators when no parenthesis follows", () => {
    expect(parseFilter("stats/all eq 1")).toEqual(eq(path("stats", "all"), one));
  });

  it("accepts a bare boolean property or literal as the whole filter", () => {
    expect(parseFilter("isPrimary")).toEqual(path("isPrimary"));
    expect(parseFilter("true")).toEqual({ type: "boolean", value: true });
  });

  it("allows a comparison result to be compared with a boolean", () => {
    expect(parseFilter("contains(name,'x') eq false")).toMatchObject({
      type: "comparison",
      left: { type: "function", name: "contains" },
      right: { type: "boolean", value: false },
    });
  });
});
