import { describe, expect, it } from "vitest";
import { parseBatchRequest } from "../../../../emulators/dataverse/batch";
import { ACCOUNT_ID, batchBody, CONTENT_TYPE, ORG, padExample } from "./batch-bodies";
import { changeSetAt, operationAt } from "./parsed-items";

describe.each([
  ["CRLF", "\r\n"],
  ["bare LF", "\n"],
] as const)("parsing PAD's example batch with %s line endings", (_name, lineEnding) => {
  const batch = parseBatchRequest(CONTENT_TYPE, padExample(lineEnding));

  it("finds the change set of two creates, then the GET", () => {
    expect(batch.items.map((item) => item.kind)).toEqual(["changeSet", "operation"]);
    expect(batch.requestCount).toBe(3);
    expect(changeSetAt(batch, 0).map((operation) => operation.location)).toEqual(["part 1.1", "part 1.2"]);
    expect(operationAt(batch, 1).location).toBe("part 2");
  });

  it("keeps each create's method, target, Content-ID, headers and body", () => {
    const [first, second] = changeSetAt(batch, 0);
    expect(first).toMatchObject({
      method: "POST",
      url: `${ORG}/api/data/v9.2/tasks`,
      destination: { kind: "target", target: "/api/data/v9.2/tasks" },
      contentId: "1",
      headers: { "content-type": "application/json; type=entry" },
    });
    const expectedBody = [
      "{",
      '"subject":"Task 1 in batch",',
      `"regardingobjectid_account_task@odata.bind":"${ORG}/api/data/v9.2/accounts(${ACCOUNT_ID})"`,
      "}",
    ].join(lineEnding);
    expect(first?.body).toBe(expectedBody);
    expect(second?.contentId).toBe("2");
    expect(JSON.parse(second?.body ?? "")).toMatchObject({ subject: "Task 2 in batch" });
  });

  it("reads the GET with its query and no body", () => {
    expect(operationAt(batch, 1)).toMatchObject({
      method: "GET",
      destination: { kind: "target", target: `/api/data/v9.2/accounts(${ACCOUNT_ID})/Account_Tasks?$select=subject` },
      headers: { accept: "application/json" },
      body: "",
    });
    expect(operationAt(batch, 1).contentId).toBeUndefined();
  });
});

describe("the batch Content-Type", () => {
  const body = batchBody([{ method: "GET", url: "accounts" }], { boundary: "batch_7f3e" });

  it.each([
    'multipart/mixed; boundary="batch_7f3e"',
    "multipart/mixed; boundary=batch_7f3e",
    "multipart/mixed;boundary=batch_7f3e",
    'Multipart/Mixed; charset=utf-8; Boundary="batch_7f3e"',
  ])("accepts %s", (contentType) => {
    expect(operationAt(parseBatchRequest(contentType, body), 0).destination).toEqual({
      kind: "target",
      target: "/api/data/v9.2/accounts",
    });
  });

  it("reads the change set boundary unquoted too, as dynamics-web-api writes it", () => {
    const text = batchBody([
      { changeSet: [{ method: "DELETE", url: "accounts(1)" }], boundary: "changeset_9" },
    ]).replace('boundary="changeset_9"', "boundary=changeset_9");
    expect(changeSetAt(parseBatchRequest(CONTENT_TYPE, text), 0)).toHaveLength(1);
  });
});

describe("inner request URLs", () => {
  function targetOf(url: string, serviceRoot?: string) {
    const body = batchBody([{ method: "GET", url }]);
    const options = serviceRoot === undefined ? {} : { serviceRoot };
    return operationAt(parseBatchRequest(CONTENT_TYPE, body, options), 0).destination;
  }

  it.each([
    [`${ORG}/api/data/v9.2/accounts`, "/api/data/v9.2/accounts"],
    ["http://localhost:5555/api/data/v9.2/accounts?$top=1", "/api/data/v9.2/accounts?$top=1"],
    ["/api/data/v9.2/accounts", "/api/data/v9.2/accounts"],
    ["accounts", "/api/data/v9.2/accounts"],
    ["$metadata", "/api/data/v9.2/$metadata"],
    ["accounts?$filter=name eq 'Café Ørsted'", "/api/data/v9.2/accounts?$filter=name eq 'Café Ørsted'"],
    ["accounts(accountnumber='A 1')", "/api/data/v9.2/accounts(accountnumber='A 1')"],
  ])("%s becomes %s, unencoded", (url, target) => {
    expect(targetOf(url)).toEqual({ kind: "target", target });
  });

  it("resolves relative URLs against another service root when asked", () => {
    expect(targetOf("accounts", "/api/data/v9.1")).toEqual({ kind: "target", target: "/api/data/v9.1/accounts" });
  });

  it("keeps `$n` references for execution, with what follows them", () => {
    const body = batchBody([
      {
        changeSet: [
          { method: "POST", url: "accounts", body: "{}", contentId: "1" },
          { method: "POST", url: "$1/contact_customer_accounts", body: "{}", contentId: "2" },
          { method: "PATCH", url: "$2", body: "{}", contentId: "3" },
          { method: "PATCH", url: "$1?$select=name", body: "{}" },
        ],
      },
    ]);
    const destinations = changeSetAt(parseBatchRequest(CONTENT_TYPE, body), 0).map(
      (operation) => operation.destination,
    );
    expect(destinations).toEqual([
      { kind: "target", target: "/api/data/v9.2/accounts" },
      { kind: "reference", contentId: "1", suffix: "/contact_customer_accounts" },
      { kind: "reference", contentId: "2", suffix: "" },
      { kind: "reference", contentId: "1", suffix: "?$select=name" },
    ]);
  });
});
