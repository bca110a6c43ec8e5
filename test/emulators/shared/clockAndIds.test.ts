import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../emulators/shared/clock";
import { randomIds, seededIds } from "../../../emulators/shared/ids";

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("ManualClock", () => {
  it("moves only when told to", () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    expect(clock.now().toISOString()).toBe("2026-11-01T00:00:00.000Z");
    clock.advance(14 * 24 * 3_600_000);
    expect(clock.now().toISOString()).toBe("2026-11-15T00:00:00.000Z");
    clock.set("2027-01-01T00:00:00Z");
    expect(clock.now().toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("refuses to go backwards", () => {
    expect(() => new ManualClock().advance(-1)).toThrow("only moves forward");
  });
});

describe("ids", () => {
  it("repeats a seeded sequence and differs between seeds", () => {
    const first = seededIds("referrals");
    const second = seededIds("referrals");
    const a = [first(), first(), first()];
    expect([second(), second(), second()]).toEqual(a);
    expect(new Set(a).size).toBe(3);
    expect(seededIds("other")()).not.toBe(a[0]);
    for (const id of a) expect(id).toMatch(guid);
  });

  it("makes random GUIDs by default", () => {
    expect(randomIds()).toMatch(guid);
    expect(randomIds()).not.toBe(randomIds());
  });
});
