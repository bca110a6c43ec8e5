import { describe, expect, it } from "vitest";
import { parseFilter, type FilterExpression } from "../../../emulators/odata";
import { eq, one, path } from "./ast-builders";

describe("parseFilter: precedence and grouping", () => {
  it("binds and more tightly than or", () => {
    expect(parseFilter("a or b and c")).toEqual({
      type: "logical",
      operator: "or",
      left: path("a"),
      right: { type: "logical", operator: "and", left: path("b"), right: path("c") },
    });
  });

  it("lets parentheses override precedence", () => {
    expect(parseFilter("(a or b) and c")).toEqual({
      type: "logical",
      operator: "and",
      left: { type: "logical", operator: "or", left: path("a"), right: path("b") },
      right: path("c"),
    });
  });

  it("groups chains of the same operator from the left", () => {
    expect(parseFilter("a and b and c")).toEqual({
      type: "logical",
      operator: "and",
      left: { type: "logical", operator: "and", left: path("a"), right: path("b") },
      right: path("c"),
    });
  });

  it("binds not more tightly than and, and applies it to a whole comparison", () => {
    expect(parseFilter("not a eq 1 and b")).toEqual({
      type: "logical",
      operator: "and",
      left: { type: "not", operand: eq(path("a"), one) },
      right: path("b"),
    });
    expect(parseFilter("not not a")).toEqual({ type: "not", operand: { type: "not", operand: path("a") } });
  });

  it("accepts flexible whitespace, including none around parentheses and tabs or newlines", () => {
    expect(parseFilter("(a eq 1)or(b eq 1)")).toEqual(parseFilter("a eq 1 or b eq 1"));
    expect(parseFilter("\ta\neq   1 ")).toEqual(eq(path("a"), one));
  });
});

describe("parseFilter: literals", () => {
  const right = (text: string): FilterExpression => {
    const parsed = parseFilter(`x eq ${text}`);
    if (parsed.type !== "comparison") throw new Error(`not a comparison: ${text}`);
    return parsed.right;
  };

  it("reads strings with doubled quotes as escaped quotes", () => {
    expect(right("'O''Neil'")).toEqual({ type: "string", value: "O'Neil" });
    expect(right("''")).toEqual({ type: "string", value: "" });
    expect(right("''''")).toEqual({ type: "string", value: "'" });
    expect(right("'a and b eq (c)'")).toEqual({ type: "string", value: "a and b eq (c)" });
  });

  it("reads integers, decimals, negatives and exponents", () => {
    expect(right("42")).toEqual({ type: "number", value: 42, text: "42" });
    expect(right("-7")).toEqual({ type: "number", value: -7, text: "-7" });
    expect(right("3.25")).toEqual({ type: "number", value: 3.25, text: "3.25" });
    expect(right("-0.5")).toEqual({ type: "number", value: -0.5, text: "-0.5" });
    expect(right("1.5e3")).toEqual({ type: "number", value: 1500, text: "1.5e3" });
  });

  it("reads true, false and null", () => {
    expect(right("true")).toEqual({ type: "boolean", value: true });
    expect(right("false")).toEqual({ type: "boolean", value: false });
    expect(right("null")).toEqual({ type: "null" });
  });

  it("reads unquoted GUIDs whether they start with a digit or a letter", () => {
    expect(right("65edc0b5-0000-0000-0000-000000000000")).toEqual({
      type: "guid",
      value: "65edc0b5-0000-0000-0000-000000000000",
    });
    expect(right("F889CDF9-8E09-4126-A1DF-46E0AB69BCDA")).toEqual({
      type: "guid",
      value: "F889CDF9-8E09-4126-A1DF-46E0AB69BCDA",
    });
  });

  it("reads dates and date-times with fractions and offsets as instants", () => {
    expect(right("2024-01-01")).toEqual({
      type: "date",
      text: "2024-01-01",
      instant: { epochSeconds: 1704067200, nanoseconds: 0 },
    });
    expect(right("2024-01-01T01:00:00+01:00")).toEqual({
      type: "dateTime",
      text: "2024-01-01T01:00:00+01:00",
      instant: { epochSeconds: 1704067200, nanoseconds: 0 },
    });
    expect(right("2022-02-25T13:49:42.887627Z")).toMatchObject({
      type: "dateTime",
      instant: { nanoseconds: 887_627_000 },
    });
    expect(right("2024-01-01T00:00Z")).toMatchObject({ type: "dateTime" });
  });
});
