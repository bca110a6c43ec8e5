import { describe, expect, it } from "vitest";
import { compareInstants, parseTemporal } from "../../../emulators/odata/temporal";

describe("parseTemporal", () => {
  it("reads dates as midnight UTC and date-times with offsets as the same instant", () => {
    const date = parseTemporal("2024-01-01");
    const shifted = parseTemporal("2024-01-01T05:30:00+05:30");
    expect(date).toEqual({ hasTime: false, hasOffset: false, instant: { epochSeconds: 1704067200, nanoseconds: 0 } });
    expect(shifted?.instant).toEqual(date?.instant);
    expect(shifted?.hasOffset).toBe(true);
  });

  it("keeps up to nine fractional digits and ignores the rest", () => {
    expect(parseTemporal("2024-01-01T00:00:00.1234567Z")?.instant.nanoseconds).toBe(123_456_700);
    expect(parseTemporal("2024-01-01T00:00:00.123456789012Z")?.instant.nanoseconds).toBe(123_456_789);
  });

  it("handles leap years and years before 100", () => {
    expect(parseTemporal("2024-02-29")).toBeDefined();
    expect(parseTemporal("2000-02-29")).toBeDefined();
    expect(parseTemporal("1900-02-29")).toBeUndefined();
    // Two thousand years are five 400-year Gregorian cycles of 146,097 days each.
    const fiveCycles = 5 * 146_097 * 86_400;
    expect(parseTemporal("0050-06-01")?.instant.epochSeconds).toBe(Date.UTC(2050, 5, 1) / 1000 - fiveCycles);
  });

  it("rejects text that is not a calendar date-time", () => {
    for (const text of [
      "2024-1-01",
      "2024-04-31",
      "2024-01-01T12:60Z",
      "2024-01-01T12:00:60Z",
      "2024-01-01T00:00+2400",
      "x",
    ]) {
      expect(parseTemporal(text), text).toBeUndefined();
    }
  });

  it("orders instants by seconds, then by nanoseconds", () => {
    const early = { epochSeconds: 10, nanoseconds: 999 };
    const late = { epochSeconds: 11, nanoseconds: 0 };
    expect(compareInstants(early, late)).toBeLessThan(0);
    expect(compareInstants(late, early)).toBeGreaterThan(0);
    expect(compareInstants(early, { epochSeconds: 10, nanoseconds: 1000 })).toBeLessThan(0);
    expect(compareInstants(early, { ...early })).toBe(0);
  });
});
