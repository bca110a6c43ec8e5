import { describe, expect, it } from "vitest";
import { dataContractDate } from "../../../../emulators/dataverse/webhooks";
import {
  dataContractDateToIso,
  decodeValue,
  isDataContractDate,
  type IntakeWarning,
} from "../../../../server/intake/dataverse";

const TYPES = "http://schemas.microsoft.com/xrm/2011/Contracts";

function decoded(value: unknown): { value: unknown; warnings: IntakeWarning[] } {
  const warnings: IntakeWarning[] = [];
  return { value: decodeValue(value, "x", warnings), warnings };
}

describe("DataContract DateTime values", () => {
  it.each([
    ["/Date(1506384247000)/", "2017-09-26T00:04:07.000Z"],
    ["/Date(1506409448000-0700)/", "2017-09-26T07:04:08.000Z"],
    ["/Date(1506409448000+0530)/", "2017-09-26T07:04:08.000Z"],
    ["/Date(1722582039000+0000)/", "2024-08-02T07:00:39.000Z"],
    ["/Date(-86400000)/", "1969-12-31T00:00:00.000Z"],
  ])("reads %s as %s: the milliseconds are UTC, any offset is ignored", (text, iso) => {
    expect(isDataContractDate(text)).toBe(true);
    expect(dataContractDateToIso(text)).toBe(iso);
  });

  it("reads what the emulator writes, with and without an offset", () => {
    const at = new Date("2026-01-01T10:00:00.123Z");
    expect(dataContractDateToIso(dataContractDate(at))).toBe(at.toISOString());
    expect(dataContractDateToIso(dataContractDate(at, "-0800"))).toBe(at.toISOString());
  });

  it.each([
    ["an ISO string", "2026-01-01T10:00:00Z"],
    ["a date without slashes", "Date(1506384247000)"],
    ["a date with text after it", "/Date(1506384247000)/ and more"],
    ["a short offset", "/Date(1506384247000+07)/"],
    ["a fractional number", "/Date(1.5)/"],
  ])("leaves %s alone", (_case, text) => {
    expect(isDataContractDate(text)).toBe(false);
    expect(dataContractDateToIso(text)).toBeUndefined();
    expect(decoded(text)).toEqual({ value: text, warnings: [] });
  });
});

describe("decodeValue", () => {
  it.each([
    ["a string", "Contoso", "Contoso"],
    ["a GUID, as sent", "6D81597F-0F9F-E711-8122-000D3AA2331C", "6D81597F-0F9F-E711-8122-000D3AA2331C"],
    ["a whole number", 42, 42],
    ["a decimal", 0.25, 0.25],
    ["a boolean", false, false],
    ["null", null, null],
    ["a DateTime", "/Date(0)/", "1970-01-01T00:00:00.000Z"],
    ["an OptionSetValue", { __type: `OptionSetValue:${TYPES}`, Value: 858880001 }, 858880001],
    ["Money", { __type: `Money:${TYPES}`, Value: 1500.5 }, 1500.5],
    ["an empty multi-select", [], []],
    ["a multi-select array", [{ __type: `OptionSetValue:${TYPES}`, Value: 3 }, { Value: 1 }], [3, 1]],
    ["a wrapped multi-select", { __type: `OptionSetValueCollection:${TYPES}`, Items: [{ Value: 2 }] }, [2]],
  ])("decodes %s", (_case, value, expected) => {
    expect(decoded(value)).toEqual({ value: expected, warnings: [] });
  });

  it("decodes an EntityReference, lower-casing a GUID id and keeping its name", () => {
    const reference = {
      __type: `EntityReference:${TYPES}`,
      Id: "22222222-AAAA-4222-8222-222222222222",
      KeyAttributes: [],
      LogicalName: "account",
      Name: "Contoso",
      RowVersion: null,
    };
    expect(decoded(reference).value).toEqual({
      kind: "reference",
      id: "22222222-aaaa-4222-8222-222222222222",
      logicalName: "account",
      name: "Contoso",
    });
  });

  it("accepts a __type without its namespace", () => {
    expect(decoded({ __type: "Money", Value: 7 }).value).toBe(7);
  });
});
