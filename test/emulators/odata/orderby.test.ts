import { describe, expect, it } from "vitest";
import { ODataQueryError, parseOrderBy, sortRecords } from "../../../emulators/odata";
import { referrals } from "./fixtures";

describe("parseOrderBy", () => {
  it("reads several keys with asc as the default", () => {
    expect(parseOrderBy("createdDateTime desc, name asc,customerProfile/address/country")).toEqual([
      { path: "createdDateTime", segments: ["createdDateTime"], direction: "desc" },
      { path: "name", segments: ["name"], direction: "asc" },
      {
        path: "customerProfile/address/country",
        segments: ["customerProfile", "address", "country"],
        direction: "asc",
      },
    ]);
  });

  it("accepts allowed paths and names the one that is not allowed", () => {
    const allowed = ["createdDateTime", "customerProfile/name"];
    expect(parseOrderBy("customerProfile/name desc", allowed)).toHaveLength(1);
    expect(() => parseOrderBy("createdDateTime, status desc", allowed)).toThrow(
      "$orderby: cannot order by 'status' (allowed: createdDateTime, customerProfile/name) at position 17",
    );
    expect(() => parseOrderBy("name", [])).toThrow("$orderby: cannot order by 'name' (allowed: none) at position 0");
  });

  const malformed: readonly (readonly [kind: string, input: string, message: string])[] = [
    ["empty text", "", "expected a property path at position 0"],
    ["direction without a path", "desc", "expected a property path but found 'desc' at position 0"],
    [
      "unknown direction",
      "name descending",
      "expected 'asc', 'desc', ',' or the end after 'name' but found 'descending' at position 5",
    ],
    [
      "upper-case direction",
      "name DESC",
      "expected 'asc', 'desc', ',' or the end after 'name' but found 'DESC' at position 5",
    ],
    ["empty key", "name,,status", "expected a property path but found ',' at position 5"],
    ["trailing comma", "name desc,", "expected a property path at position 10"],
    [
      "path ending in a slash",
      "customerProfile/ desc",
      "expected a property name after '/' but found 'desc' at position 17",
    ],
    ["a string instead of a path", "'name'", "expected a property path but found string 'name' at position 0"],
    ["two directions", "name asc desc", "expected ',' or the end of $orderby but found 'desc' at position 9"],
  ];

  it.each(malformed)("rejects %s", (_kind, input, message) => {
    let caught: unknown;
    try {
      parseOrderBy(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ODataQueryError);
    expect((caught as ODataQueryError).message).toBe(`$orderby: ${message}`);
  });
});

describe("sortRecords", () => {
  const ids = (records: readonly { id: string }[]): string[] => records.map((record) => record.id);

  it("sorts descending by instants, even across offsets and fractional digits, with missing values last", () => {
    const sorted = sortRecords(referrals, parseOrderBy("updatedDateTime desc"));
    // r1 and r3 are the same instant, so they keep their input order.
    expect(ids(sorted)).toEqual(["r6", "r2", "r1", "r3", "r4", "r5"]);
  });

  it("puts nulls and missing values first when ascending", () => {
    const sorted = sortRecords(referrals, parseOrderBy("updatedDateTime"));
    expect(ids(sorted)).toEqual(["r5", "r4", "r1", "r3", "r2", "r6"]);
  });

  it("is stable and returns a new array without touching the input", () => {
    const records = [
      { id: "a", group: 2 },
      { id: "b", group: 1 },
      { id: "c", group: 2 },
      { id: "d", group: 1 },
      { id: "e", group: 2 },
    ];
    const snapshot = records.map((record) => record.id);
    const sorted = sortRecords(records, parseOrderBy("group"));
    expect(ids(sorted)).toEqual(["b", "d", "a", "c", "e"]);
    expect(ids(sortRecords(records, parseOrderBy("group desc")))).toEqual(["a", "c", "e", "b", "d"]);
    expect(records.map((record) => record.id)).toEqual(snapshot);
    expect(sorted).not.toBe(records);
  });

  it("breaks ties with later keys, each in its own direction", () => {
    const sorted = sortRecords(referrals, parseOrderBy("status asc, customerProfile/name desc"));
    // Active: Northwind, Fabrikam, Adventure Works; Closed: r5; New: Litware, Contoso.
    expect(ids(sorted)).toEqual(["r3", "r2", "r6", "r5", "r4", "r1"]);
  });

  it("orders strings ordinally, or ignoring case when asked", () => {
    const records = [
      { id: "1", name: "banana" },
      { id: "2", name: "Cherry" },
      { id: "3", name: "apple" },
      { id: "4", name: "Apple" },
    ];
    expect(ids(sortRecords(records, parseOrderBy("name")))).toEqual(["4", "2", "3", "1"]);
    expect(ids(sortRecords(records, parseOrderBy("name"), { caseInsensitiveStrings: true }))).toEqual([
      "3",
      "4",
      "1",
      "2",
    ]);
  });

  it("orders numbers numerically, not as text", () => {
    const records = [
      { id: "a", value: 10 },
      { id: "b", value: 9 },
      { id: "c", value: -1 },
      { id: "d", value: 100 },
    ];
    expect(ids(sortRecords(records, parseOrderBy("value desc")))).toEqual(["d", "a", "b", "c"]);
  });

  it("gives mixed types a fixed order: null, booleans, numbers, dates, strings, objects", () => {
    const records = [
      { id: "object", v: { nested: true } },
      { id: "string", v: "zebra" },
      { id: "date", v: "2024-01-01T00:00:00Z" },
      { id: "number", v: 3 },
      { id: "true", v: true },
      { id: "false", v: false },
      { id: "null", v: null },
    ];
    expect(ids(sortRecords(records, parseOrderBy("v")))).toEqual([
      "null",
      "false",
      "true",
      "number",
      "date",
      "string",
      "object",
    ]);
  });

  it("returns a copy in input order when there are no clauses", () => {
    const sorted = sortRecords(referrals, []);
    expect(ids(sorted)).toEqual(["r1", "r2", "r3", "r4", "r5", "r6"]);
    expect(sorted).not.toBe(referrals);
  });
});
