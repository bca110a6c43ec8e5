import { describe, expect, it } from "vitest";
import {
  dataContractDate,
  quoteDataContractString,
  writeDataContractJson,
} from "../../../../emulators/dataverse/webhooks";

describe("DataContract JSON text", () => {
  it("escapes / as \\/ like DataContractJsonSerializer, and still parses as normal JSON", () => {
    const text = writeDataContractJson({ __type: "Entity:http://schemas.microsoft.com/xrm/2011/Contracts" });
    expect(text).toBe('{"__type":"Entity:http:\\/\\/schemas.microsoft.com\\/xrm\\/2011\\/Contracts"}');
    expect(JSON.parse(text)).toEqual({ __type: "Entity:http://schemas.microsoft.com/xrm/2011/Contracts" });
  });

  it("writes dates as \\/Date(ms)\\/ and OperationCreatedOn with its offset", () => {
    const at = new Date("2017-09-26T00:04:07Z");
    expect(writeDataContractJson(dataContractDate(at))).toBe('"\\/Date(1506384247000)\\/"');
    expect(writeDataContractJson(dataContractDate(at, "+0000"))).toBe('"\\/Date(1506384247000+0000)\\/"');
  });

  it("abbreviates the usual control characters and writes the others as lower-case \\u escapes", () => {
    expect(quoteDataContractString('a"b\\c\b\t\n\f\r')).toBe('"a\\"b\\\\c\\b\\t\\n\\f\\r"');
    expect(quoteDataContractString("\u0000\u001f\u007f")).toBe('"\\u0000\\u001f\u007f"');
  });

  it("escapes surrogates, U+FFFE/U+FFFF and the Unicode line separators, but not other non-ASCII text", () => {
    expect(quoteDataContractString("é€😀")).toBe('"é€\\ud83d\\ude00"');
    expect(quoteDataContractString("\u0085\u2028\u2029\ufffe\uffff")).toBe('"\\u0085\\u2028\\u2029\\ufffe\\uffff"');
  });

  it("writes members in insertion order with no whitespace, and refuses numbers JSON cannot hold", () => {
    expect(writeDataContractJson({ b: 1, a: [true, null, 1.5, "x"] })).toBe('{"b":1,"a":[true,null,1.5,"x"]}');
    expect(() => writeDataContractJson(Number.NaN)).toThrow(RangeError);
  });
});
