import { describe, expect, it } from "vitest";
import {
  buildBatchResponse,
  executeBatch,
  parseBatchRequest,
  type BatchResponseItem,
} from "../../../../emulators/dataverse/batch";
import { BATCH_BOUNDARY, batchBody, ORG } from "./batch-bodies";
import { createdId, FakeOrganization } from "./fake-organization";
import { readBatchResponse } from "./response-reader";

const JSON_TYPE = "application/json; odata.metadata=minimal";
const created = (id: string) => ({ "OData-Version": "4.0", "OData-EntityId": `${ORG}/api/data/v9.2/accounts(${id})` });

describe("buildBatchResponse", () => {
  const items: BatchResponseItem[] = [
    {
      kind: "changeSet",
      responses: [
        { contentId: "1", response: { status: 204, headers: created("a1"), body: "" } },
        {
          contentId: "2",
          response: { status: 201, headers: { "Content-Type": JSON_TYPE }, body: '{"name":"Café ✓"}' },
        },
      ],
    },
    { kind: "operation", response: { status: 200, headers: { "Content-Type": JSON_TYPE }, body: '{"value":[]}' } },
    {
      kind: "operation",
      contentId: "3",
      response: { status: 412, headers: { "Content-Type": JSON_TYPE }, body: '{"error":{"code":"0x80060882"}}' },
    },
  ];

  it("uses a batchresponse_<guid> boundary and changesetresponse_<guid> for change sets", () => {
    const { contentType, body } = buildBatchResponse(items);
    expect(contentType).toMatch(/^multipart\/mixed; boundary=batchresponse_[0-9a-f-]{36}$/);
    expect(body).toMatch(/\r\nContent-Type: multipart\/mixed; boundary=changesetresponse_[0-9a-f-]{36}\r\n/);
    expect(body).toContain("\r\nHTTP/1.1 204 No Content\r\nOData-Version: 4.0\r\n");
  });

  it("reads back with the statuses, reasons, headers, bodies and Content-IDs it was given", () => {
    const { contentType, body } = buildBatchResponse(items);
    expect(readBatchResponse(contentType, body)).toEqual([
      {
        kind: "changeSet",
        responses: [
          {
            contentId: "1",
            status: 204,
            reason: "No Content",
            headers: { "odata-version": "4.0", "odata-entityid": `${ORG}/api/data/v9.2/accounts(a1)` },
            body: "",
          },
          {
            contentId: "2",
            status: 201,
            reason: "Created",
            headers: { "content-type": JSON_TYPE, "odata-version": "4.0" },
            body: '{"name":"Café ✓"}',
          },
        ],
      },
      {
        kind: "response",
        contentId: undefined,
        status: 200,
        reason: "OK",
        headers: { "content-type": JSON_TYPE, "odata-version": "4.0" },
        body: '{"value":[]}',
      },
      {
        kind: "response",
        contentId: "3",
        status: 412,
        reason: "Precondition Failed",
        headers: { "content-type": JSON_TYPE, "odata-version": "4.0" },
        body: '{"error":{"code":"0x80060882"}}',
      },
    ]);
  });

  it("writes an empty batch as just the closing delimiter", () => {
    const { contentType, body } = buildBatchResponse([]);
    expect(readBatchResponse(contentType, body)).toEqual([]);
  });

  it("refuses a header value that would break the framing", () => {
    const broken: BatchResponseItem = {
      kind: "operation",
      response: { status: 204, headers: { X: "a\r\nb" }, body: "" },
    };
    expect(() => buildBatchResponse([broken])).toThrow(TypeError);
  });
});

describe("a whole batch, parsed, run and answered", () => {
  it("answers a committed change set and a failed read the way a client reads them", async () => {
    const organization = new FakeOrganization();
    const request = batchBody([
      {
        changeSet: [
          { method: "POST", url: "accounts", body: '{"name":"Contoso"}', contentId: "1" },
          { method: "PATCH", url: "$1", body: '{"telephone1":"555"}', contentId: "2" },
        ],
      },
      { method: "GET", url: `accounts(${createdId(1)})` },
      { method: "GET", url: "accounts(missing)" },
    ]);
    const responses = await executeBatch(
      parseBatchRequest(`multipart/mixed; boundary=${BATCH_BOUNDARY}`, request),
      organization.handlers,
      { continueOnError: true },
    );
    const { contentType, body } = buildBatchResponse(responses);
    const [changeSet, read, missing] = readBatchResponse(contentType, body);
    const entityId = `${ORG}/api/data/v9.2/accounts(${createdId(1)})`;
    expect(changeSet).toMatchObject({
      kind: "changeSet",
      responses: [
        { contentId: "1", status: 204, headers: { "odata-entityid": entityId } },
        { contentId: "2", status: 204, headers: { "odata-entityid": entityId } },
      ],
    });
    expect(read).toMatchObject({ kind: "response", status: 200 });
    expect(JSON.parse(read?.kind === "response" ? read.body : "")).toEqual({ name: "Contoso", telephone1: "555" });
    expect(missing).toMatchObject({ kind: "response", status: 404, reason: "Not Found" });
  });
});
