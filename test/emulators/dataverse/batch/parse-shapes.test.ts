import { describe, expect, it } from "vitest";
import { parseBatchRequest } from "../../../../emulators/dataverse/batch";
import { ACCOUNT_ID, BATCH_BOUNDARY, batchBody, CONTENT_TYPE, ORG } from "./batch-bodies";
import { changeSetAt, operationAt } from "./parsed-items";

describe("byte-exact content", () => {
  const json = '{\r\n  "name": "Contoso Café ✓ 日本",\r\n  "description": "line one\\nline two"  \r\n}';
  const headers = {
    "Content-Type": "application/json; charset=utf-8",
    Prefer: 'return=representation,odata.include-annotations="*"',
    "If-Match": 'W/"470867"',
    "MSCRM.BypassCustomPluginExecution": "true",
  };
  const body = batchBody([{ method: "PATCH", url: `accounts(${ACCOUNT_ID})`, headers, body: json }]);

  it("keeps the JSON body and header values exactly, from a string or a Buffer", () => {
    for (const input of [body, Buffer.from(body, "utf8")]) {
      const operation = operationAt(parseBatchRequest(CONTENT_TYPE, input), 0);
      expect(operation.body).toBe(json);
      expect(operation.headers).toEqual({
        "content-type": "application/json; charset=utf-8",
        prefer: 'return=representation,odata.include-annotations="*"',
        "if-match": 'W/"470867"',
        "mscrm.bypasscustompluginexecution": "true",
      });
    }
  });

  it("does not mistake a longer boundary-like line in a body for a delimiter", () => {
    const tricky = `--${BATCH_BOUNDARY}x\n--${BATCH_BOUNDARY}--more`;
    const batch = parseBatchRequest(CONTENT_TYPE, batchBody([{ method: "POST", url: "notes", body: tricky }]));
    expect(operationAt(batch, 0).body).toBe(tricky);
  });
});

describe("tolerated shapes", () => {
  it("reads a dynamics-web-api body: leading CRLF, unquoted boundaries, Content-ID 100001, no blank line after a GET", () => {
    const body = [
      "\r\n--dwa_batch_1",
      "Content-Type: multipart/mixed;boundary=changeset_2",
      "\r\n--changeset_2",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "Content-ID: 100001",
      `\r\nPOST ${ORG}/api/data/v9.2/accounts HTTP/1.1`,
      "Content-Type: application/json",
      '\r\n{"name":"Contoso"}',
      "\r\n--changeset_2--",
      "\r\n--dwa_batch_1",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      `\r\nGET ${ORG}/api/data/v9.2/accounts?$select=name HTTP/1.1`,
      "Accept: application/json",
      "\r\n--dwa_batch_1--\r\n",
    ].join("\r\n");
    const batch = parseBatchRequest("multipart/mixed;boundary=dwa_batch_1", body);
    const [create] = changeSetAt(batch, 0);
    expect(create).toMatchObject({ contentId: "100001", method: "POST" });
    expect(JSON.parse(create?.body ?? "")).toEqual({ name: "Contoso" });
    expect(operationAt(batch, 1)).toMatchObject({ method: "GET", headers: { accept: "application/json" }, body: "" });
  });

  it("ignores a preamble and an epilogue, and keeps a top-level Content-ID", () => {
    const body = `This is a preamble.\r\n${batchBody([{ method: "DELETE", url: "accounts(1)", contentId: "a" }])}epilogue`;
    const batch = parseBatchRequest(CONTENT_TYPE, body);
    expect(operationAt(batch, 0)).toMatchObject({ method: "DELETE", contentId: "a" });
  });

  it("accepts an empty batch and a part without Content-Transfer-Encoding", () => {
    expect(parseBatchRequest(CONTENT_TYPE, `--${BATCH_BOUNDARY}--\r\n`)).toEqual({ items: [], requestCount: 0 });
    const body = batchBody([{ method: "GET", url: "accounts" }]).replace("Content-Transfer-Encoding: binary\r\n", "");
    expect(operationAt(parseBatchRequest(CONTENT_TYPE, body), 0).method).toBe("GET");
  });

  it("counts the requests inside change sets", () => {
    const write = { method: "DELETE", url: "accounts(1)" };
    const body = batchBody([write, { changeSet: [write, write, write] }, write]);
    expect(parseBatchRequest(CONTENT_TYPE, body).requestCount).toBe(5);
  });
});
