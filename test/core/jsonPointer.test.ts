import { describe, expect, it } from "vitest";
import { getAtPointer, hasPointer, pointerOf, pointerTokens, setAtPointer } from "../../core/mapping/jsonPointer";

describe("JSON Pointer", () => {
  const document = { a: { "b/c": [{ d: 1 }, null], "m~n": 2 }, e: null };

  it("reads nested members, escaped tokens and array items", () => {
    expect(getAtPointer(document, "/a/b~1c/0/d")).toBe(1);
    expect(getAtPointer(document, "/a/m~0n")).toBe(2);
    expect(getAtPointer(document, "")).toBe(document);
    expect(getAtPointer(document, "/a/b~1c/5/d")).toBeUndefined();
    expect(getAtPointer(document, "/a/b~1c/x")).toBeUndefined();
  });

  it("tells existing members (even null ones) from missing ones", () => {
    expect(hasPointer(document, "/e")).toBe(true);
    expect(hasPointer(document, "/a/b~1c/1")).toBe(true);
    expect(hasPointer(document, "/a/b~1c/2")).toBe(false);
    expect(hasPointer(document, "/zzz")).toBe(false);
    expect(hasPointer(document, "/e/f")).toBe(false);
  });

  it("round-trips tokens through pointerOf", () => {
    expect(pointerOf(pointerTokens("/a/b~1c/m~0n"))).toBe("/a/b~1c/m~0n");
    expect(() => pointerTokens("a/b")).toThrow("must start with '/'");
  });

  it("creates objects and arrays on the way when writing", () => {
    const target: Record<string, unknown> = {};
    setAtPointer(target, "/customerProfile/team/0/email", "x@y.example");
    expect(target).toEqual({ customerProfile: { team: [{ email: "x@y.example" }] } });
    setAtPointer(target, "/customerProfile/team/0/firstName", "Avery");
    expect(target).toEqual({ customerProfile: { team: [{ email: "x@y.example", firstName: "Avery" }] } });
  });
});
