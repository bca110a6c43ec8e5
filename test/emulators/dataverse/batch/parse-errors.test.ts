import { describe, expect, it } from "vitest";
import { MAX_BATCH_REQUESTS, parseBatchRequest } from "../../../../emulators/dataverse/batch";
import { HttpError } from "../../../../emulators/http";
import { BATCH_BOUNDARY, batchBody, CONTENT_TYPE, type ItemSpec, type RequestSpec } from "./batch-bodies";

const CREATE: RequestSpec = { method: "POST", url: "accounts", body: '{"name":"Contoso"}' };

/** The 400 that parsing `body` throws. */
function refusal(body: string, contentType = CONTENT_TYPE): HttpError {
  try {
    parseBatchRequest(contentType, body);
  } catch (error) {
    if (error instanceof HttpError) {
      expect(error.status).toBe(400);
      return error;
    }
    throw error;
  }
  throw new Error("the batch was accepted");
}

function refusalOf(items: readonly ItemSpec[]): string {
  return refusal(batchBody(items)).message;
}

describe("refusing the batch as a whole", () => {
  const body = batchBody([CREATE]);

  it("needs a multipart/mixed Content-Type with a boundary", () => {
    expect(refusal(body, "multipart/mixed").message).toBe(
      '$batch: the Content-Type "multipart/mixed" has no boundary parameter',
    );
    expect(refusal(body, 'multipart/mixed; boundary=""').message).toMatch(/has no boundary parameter/);
    expect(refusal(body, "application/json").message).toMatch(/must be multipart\/mixed/);
  });

  it("needs the boundary's delimiter line", () => {
    expect(refusal(body, "multipart/mixed; boundary=batch_other").message).toBe(
      '$batch: the body has no "--batch_other" delimiter line',
    );
  });

  it("names the part left open when the closing delimiter is missing", () => {
    const unterminated = body.replace(`--${BATCH_BOUNDARY}--\r\n`, "");
    expect(refusal(batchBody([CREATE, CREATE]).replace(`--${BATCH_BOUNDARY}--\r\n`, "")).message).toBe(
      `$batch part 2: unterminated body: it ends without the closing "--${BATCH_BOUNDARY}--" line`,
    );
    expect(refusal(unterminated).message).toMatch(/^\$batch part 1: unterminated body/);
  });
});

describe("refusing a malformed part", () => {
  it("names the part with a bad request line", () => {
    expect(refusalOf([CREATE, { method: "PO(ST", url: "accounts" }])).toBe(
      '$batch part 2: bad request line "PO(ST accounts HTTP/1.1" (expected "METHOD URL HTTP/1.1")',
    );
    expect(refusalOf([{ method: "POST", url: "" }])).toMatch(/^\$batch part 1: bad request line "POST {2}HTTP\/1.1"/);
    const noVersion = batchBody([CREATE]).replace("POST accounts HTTP/1.1", "POST accounts");
    expect(refusal(noVersion).message).toMatch(/^\$batch part 1: bad request line "POST accounts"/);
  });

  it("names a part without a request or without a Content-Type", () => {
    const empty = `--${BATCH_BOUNDARY}\r\nContent-Type: application/http\r\n\r\n\r\n--${BATCH_BOUNDARY}--\r\n`;
    expect(refusal(empty).message).toMatch(/^\$batch part 1: the part holds no HTTP request/);
    const untyped = batchBody([CREATE]).replace("Content-Type: application/http\r\n", "");
    expect(refusal(untyped).message).toMatch(/^\$batch part 1: the part has no Content-Type/);
  });

  it("refuses other part types, encodings and malformed headers", () => {
    expect(refusalOf([{ ...CREATE, partHeaders: { "Content-Type": "text/plain" } }])).toMatch(
      /^\$batch part 1: unsupported part Content-Type "text\/plain"/,
    );
    expect(refusalOf([{ ...CREATE, partHeaders: { "Content-Transfer-Encoding": "base64" } }])).toMatch(
      /^\$batch part 1: unsupported Content-Transfer-Encoding "base64"/,
    );
    expect(refusalOf([CREATE, { ...CREATE, headers: { "Bad Header": "x" } }])).toBe(
      '$batch part 2: malformed header line "Bad Header: x"',
    );
  });
});

describe("refusing what a change set may not hold", () => {
  it("refuses GET inside a change set, naming the request", () => {
    expect(refusalOf([{ changeSet: [CREATE, { method: "GET", url: "accounts" }] }])).toBe(
      "$batch part 1.2: GET is not allowed in a change set, which may only hold writes",
    );
  });

  it("refuses an empty change set and a nested one", () => {
    expect(refusalOf([CREATE, { changeSet: [] }])).toBe(
      "$batch part 2: the change set holds no request; it must contain at least one",
    );
    const nested = batchBody([{ changeSet: [CREATE] }]).replace(
      "Content-Type: application/http",
      'Content-Type: multipart/mixed; boundary="changeset_inner"\r\n\r\n--changeset_inner--\r\nX-Ignored: 1',
    );
    expect(refusal(nested).message).toBe("$batch part 1.1: change sets cannot be nested");
  });

  it("refuses a nested $batch request", () => {
    expect(refusalOf([{ method: "POST", url: "/api/data/v9.2/$batch" }])).toBe(
      "$batch part 1: nested batches are not allowed",
    );
    expect(refusalOf([{ changeSet: [{ method: "POST", url: "$batch" }] }])).toBe(
      "$batch part 1.1: nested batches are not allowed",
    );
  });

  it("refuses a duplicate Content-ID within a change set, but not across change sets", () => {
    expect(
      refusalOf([
        {
          changeSet: [
            { ...CREATE, contentId: "1" },
            { ...CREATE, contentId: "1" },
          ],
        },
      ]),
    ).toBe('$batch part 1.2: duplicate Content-ID "1" in the change set (already used by part 1.1)');
    // dynamics-web-api numbers each change set from 100001 again.
    const body = batchBody([
      { changeSet: [{ ...CREATE, contentId: "100001" }] },
      { changeSet: [{ ...CREATE, contentId: "100001" }] },
    ]);
    expect(parseBatchRequest(CONTENT_TYPE, body).requestCount).toBe(2);
  });
});

describe("refusing unknown $n references", () => {
  const expected = (location: string, reference: string) =>
    `$batch ${location}: unknown Content-ID reference "${reference}": a reference must name a Content-ID defined by ` +
    "an earlier request of the same change set";

  it("refuses a Content-ID nobody defined", () => {
    expect(
      refusalOf([
        {
          changeSet: [
            { ...CREATE, contentId: "1" },
            { ...CREATE, url: "$2/tasks" },
          ],
        },
      ]),
    ).toBe(expected("part 1.2", "$2"));
  });

  it("refuses a forward reference, even to a named Content-ID", () => {
    const changeSet = [
      { ...CREATE, url: "$parent/tasks" },
      { ...CREATE, contentId: "parent" },
    ];
    expect(refusalOf([{ changeSet }])).toBe(expected("part 1.1", "$parent"));
  });

  it("refuses a reference into another change set or from outside one", () => {
    expect(refusalOf([{ changeSet: [{ ...CREATE, contentId: "1" }] }, { changeSet: [{ ...CREATE, url: "$1" }] }])).toBe(
      expected("part 2.1", "$1"),
    );
    expect(refusalOf([{ changeSet: [{ ...CREATE, contentId: "1" }] }, { method: "GET", url: "$1" }])).toBe(
      expected("part 2", "$1"),
    );
  });
});

describe("the 1000-request limit", () => {
  const lone = (count: number): ItemSpec[] =>
    Array.from({ length: count }, () => ({ method: "DELETE", url: "accounts(1)" }));

  it("accepts exactly 1000 requests", () => {
    expect(MAX_BATCH_REQUESTS).toBe(1000);
    expect(parseBatchRequest(CONTENT_TYPE, batchBody(lone(1000))).requestCount).toBe(1000);
  });

  it("refuses the 1001st request, naming its part", () => {
    expect(refusalOf(lone(1001))).toBe("$batch part 1001: too many requests: a batch holds at most 1000");
  });

  it("counts requests inside change sets toward the limit", () => {
    const changeSet = { changeSet: [CREATE, CREATE, CREATE] };
    expect(parseBatchRequest(CONTENT_TYPE, batchBody([...lone(997), changeSet])).requestCount).toBe(1000);
    expect(refusalOf([...lone(998), changeSet])).toBe(
      "$batch part 999.3: too many requests: a batch holds at most 1000",
    );
  });
});
