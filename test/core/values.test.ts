import { describe, expect, it } from "vitest";
import { describeValue, sameValue, toCode, toDate, toDecimal, toFlag, toText } from "../../core";

describe("canonical values", () => {
  it("trims text and treats blank as empty", () => {
    expect(toText("  Roberts ")).toBe("Roberts");
    expect(toText("   ")).toBeNull();
    expect(toText(undefined)).toBeNull();
    expect(toText({ a: 1 })).toBeNull();
    expect(toText(42)).toBe("42");
  });

  it("reads decimals from numbers and plain numeric strings only", () => {
    expect(toDecimal("10000")).toBe(10000);
    expect(toDecimal(" 12.50 ")).toBe(12.5);
    expect(toDecimal("-3")).toBe(-3);
    expect(toDecimal("1e3")).toBe(1000);
    expect(toDecimal("1,000")).toBeNull();
    expect(toDecimal("12abc")).toBeNull();
    expect(toDecimal(Number.NaN)).toBeNull();
    expect(toDecimal(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toDecimal(null)).toBeNull();
  });

  it("upper-cases codes", () => {
    expect(toCode(" us ")).toBe("US");
    expect(toCode("")).toBeNull();
  });

  it("reads the calendar date of dates and date-times, in UTC", () => {
    expect(toDate("2027-03-31")).toBe("2027-03-31");
    expect(toDate("2027-03-31T00:00:00Z")).toBe("2027-03-31");
    expect(toDate("2022-06-29T23:00:00Z")).toBe("2022-06-29");
    expect(toDate("2027-03-31T01:00:00+02:00")).toBe("2027-03-30");
    expect(toDate("2027-03-31T12:00:00.0000000Z")).toBe("2027-03-31");
    expect(toDate("2027-02-30")).toBeNull();
    expect(toDate("31/03/2027")).toBeNull();
    expect(toDate("2027-13-45T00:00:00Z")).toBeNull();
    expect(toDate(20270331)).toBeNull();
  });

  it("reads flags from booleans, 0/1 and yes/no words", () => {
    expect(toFlag(true)).toBe(true);
    expect(toFlag(0)).toBe(false);
    expect(toFlag("Yes")).toBe(true);
    expect(toFlag("FALSE")).toBe(false);
    expect(toFlag("maybe")).toBeNull();
    expect(toFlag(2)).toBeNull();
  });

  it("ignores formatting-only differences", () => {
    expect(sameValue("decimal", 10000, "10000.00")).toBe(true);
    expect(sameValue("decimal", 10000.00004, 10000)).toBe(true);
    expect(sameValue("decimal", 10000.004, 10000)).toBe(false);
    expect(sameValue("decimal", 10000.01, 10000)).toBe(false);
    expect(sameValue("date", "2027-03-31", "2027-03-31T00:00:00.000Z")).toBe(true);
    expect(sameValue("date", "2027-03-31", "2027-04-01")).toBe(false);
    expect(sameValue("countryCode", "us", "US")).toBe(true);
    expect(sameValue("currencyCode", "usd", "USD")).toBe(true);
    expect(sameValue("email", "Avery@Contoso.example", "avery@contoso.example")).toBe(true);
    expect(sameValue("text", "Roberts ", "Roberts")).toBe(true);
    expect(sameValue("text", "roberts", "Roberts")).toBe(false);
    expect(sameValue("solutionIds", ["SOL-1", "sol-2"], ["SOL-2", "SOL-1"])).toBe(true);
    expect(sameValue("solutionIds", ["SOL-1"], ["SOL-1", "SOL-2"])).toBe(false);
    expect(sameValue("flag", true, false)).toBe(false);
    expect(sameValue("countryCode", null, null)).toBe(true);
    expect(sameValue("countryCode", null, "US")).toBe(false);
  });

  it("describes values for audit lines", () => {
    expect(describeValue(null)).toBe("(empty)");
    expect(describeValue([])).toBe("(empty)");
    expect(describeValue(["SOL-1", "SOL-2"])).toBe("SOL-1, SOL-2");
    expect(describeValue(true)).toBe("Yes");
    expect(describeValue(12.5)).toBe("12.5");
  });
});
