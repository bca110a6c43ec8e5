import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_BODY_BYTES,
  IntakeError,
  parseRemoteExecutionContext,
  readJsonBody,
} from "../../../../server/intake/dataverse";
import { intakeErrorOf, JSON_HEADERS, receivedRequest, refusal, updateNotification } from "./fixtures";

/** A JSON body of exactly `bytes` bytes: a string padded with spaces. */
function jsonOfSize(bytes: number): Buffer {
  return Buffer.from(`"x"${" ".repeat(bytes - 3)}`, "utf8");
}

describe("the media type (415)", () => {
  it.each([
    ["application/json"],
    ["application/json; charset=utf-8"],
    ['Application/JSON; Charset="UTF-8"'],
    ["application/json;charset=utf8"],
  ])("accepts %s", (contentType) => {
    expect(readJsonBody(Buffer.from("{}"), { "content-type": contentType })).toEqual({});
  });

  it.each([
    ["text/plain", "content-type 'text/plain'"],
    ["application/xml", "content-type 'application/xml'"],
    ["application/jsonp", "content-type 'application/jsonp'"],
  ])("refuses %s, naming it", (contentType, named) => {
    const message = refusal(
      () => readJsonBody(Buffer.from("{}"), { "content-type": contentType }),
      415,
      "unsupported_media_type",
    );
    expect(message).toBe(`expected application/json, got ${named}`);
  });

  it("refuses a body without a content type", () => {
    const message = refusal(() => readJsonBody(Buffer.from("{}"), {}), 415, "unsupported_media_type");
    expect(message).toBe("expected application/json, got no content-type");
  });

  it("refuses a charset other than UTF-8, naming it", () => {
    const headers = { "content-type": "application/json; charset=iso-8859-1" };
    const message = refusal(() => readJsonBody(Buffer.from("{}"), headers), 415, "unsupported_media_type");
    expect(message).toContain("charset 'iso-8859-1'");
  });

  it("is checked before the size, so a huge text/plain body is a 415", () => {
    const headers = { "content-type": "text/plain" };
    refusal(() => readJsonBody(jsonOfSize(2 * DEFAULT_MAX_BODY_BYTES), headers), 415, "unsupported_media_type");
  });
});

describe("the size limit (413)", () => {
  it("accepts a body of exactly the limit and refuses one byte more, naming both sizes", () => {
    expect(readJsonBody(jsonOfSize(100), JSON_HEADERS, { maxBodyBytes: 100 })).toBe("x");
    const message = refusal(
      () => readJsonBody(jsonOfSize(101), JSON_HEADERS, { maxBodyBytes: 100 }),
      413,
      "payload_too_large",
    );
    expect(message).toContain("101 bytes, above the limit of 100");
  });

  it("defaults to 1 MiB, well above Dataverse's own 256 KB trimming", () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1024 * 1024);
    expect(readJsonBody(jsonOfSize(DEFAULT_MAX_BODY_BYTES), JSON_HEADERS)).toBe("x");
    refusal(() => readJsonBody(jsonOfSize(DEFAULT_MAX_BODY_BYTES + 1), JSON_HEADERS), 413, "payload_too_large");
  });

  it("applies to parseRemoteExecutionContext, counting bytes rather than characters", () => {
    const request = receivedRequest(updateNotification());
    const limits = { maxBodyBytes: request.body.byteLength - 1 };
    refusal(() => parseRemoteExecutionContext(request.body, request.headers, limits), 413, "payload_too_large");
    const multiByte = Buffer.from('"ééé"', "utf8");
    refusal(() => readJsonBody(multiByte, JSON_HEADERS, { maxBodyBytes: 5 }), 413, "payload_too_large");
  });
});

describe("the body (400)", () => {
  it.each([
    ["an empty body", Buffer.alloc(0), "the body is empty; expected JSON"],
    ["white space", Buffer.from(" \n "), "the body is empty; expected JSON"],
    ["invalid UTF-8", Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), "the body is not valid UTF-8"],
    ["a truncated body", Buffer.from('{"MessageName":"Upd'), "the body is not valid JSON"],
  ])("refuses %s", (_case, body, expected) => {
    expect(refusal(() => readJsonBody(body, JSON_HEADERS), 400, "invalid_body")).toBe(expected);
  });

  it("does not quote the body in the error", () => {
    const message = refusal(
      () => readJsonBody(Buffer.from("{ Jane Doe, jane@contoso.example }"), JSON_HEADERS),
      400,
      "invalid_body",
    );
    expect(message).not.toContain("Jane");
  });

  it("accepts a leading UTF-8 byte order mark", () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]);
    expect(readJsonBody(body, JSON_HEADERS)).toEqual({ a: 1 });
  });

  it.each([
    ["an array", "[]", "the body is not a RemoteExecutionContext: expected a JSON object, got an array"],
    ["a string", '"Update"', "the body is not a RemoteExecutionContext: expected a JSON object, got a string"],
    ["null", "null", "the body is not a RemoteExecutionContext: expected a JSON object, got null"],
  ])("refuses JSON that is %s", (_case, text, expected) => {
    const parse = () => parseRemoteExecutionContext(Buffer.from(text), JSON_HEADERS);
    expect(refusal(parse, 400, "not_an_execution_context")).toBe(expected);
  });
});

describe("IntakeError", () => {
  it("renders as { error: { code, message } } and keeps its status", () => {
    const error = intakeErrorOf(() => readJsonBody(Buffer.from("{}"), {}));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("IntakeError");
    expect(error.status).toBe(415);
    expect(error.toResponseBody()).toEqual({
      error: { code: "unsupported_media_type", message: "expected application/json, got no content-type" },
    });
    expect(new IntakeError(400, "invalid_body", "x").toResponseBody()).toEqual({
      error: { code: "invalid_body", message: "x" },
    });
  });
});
