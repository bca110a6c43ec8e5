import { describe, expect, it } from "vitest";
import {
  executeBatch,
  parseBatchRequest,
  prefersContinueOnError,
  type BatchHandlers,
} from "../../../../emulators/dataverse/batch";
import { HttpError } from "../../../../emulators/http";
import { batchBody, CONTENT_TYPE, create, updateMissing } from "./batch-bodies";
import { createdId, FakeOrganization, runBatch, statusesOf } from "./fake-organization";

describe("requests outside change sets", () => {
  it("run one at a time, in order, with their context", async () => {
    const organization = new FakeOrganization();
    const responses = await runBatch(organization, [
      create("accounts", "A"),
      create("contacts", "B"),
      create("tasks", "C"),
    ]);
    expect(statusesOf(responses)).toEqual([204, 204, 204]);
    expect(organization.calls.map(({ event, target }) => `${event} ${target}`)).toEqual([
      "start /api/data/v9.2/accounts",
      "end /api/data/v9.2/accounts",
      "start /api/data/v9.2/contacts",
      "end /api/data/v9.2/contacts",
      "start /api/data/v9.2/tasks",
      "end /api/data/v9.2/tasks",
    ]);
    expect(organization.calls[2]?.context).toEqual({ location: "part 2", inChangeSet: false });
    expect(organization.requests[0]).toMatchObject({
      headers: { "content-type": "application/json" },
      body: '{"name":"A"}',
    });
    expect(organization.commits + organization.rollbacks).toBe(0);
  });

  it("stop after the first failure unless continue-on-error is preferred", async () => {
    const stopped = new FakeOrganization();
    expect(
      statusesOf(await runBatch(stopped, [create("accounts", "A"), updateMissing, create("accounts", "C")])),
    ).toEqual([204, 404]);
    expect(stopped.rows.size).toBe(1);

    const continued = new FakeOrganization();
    const items = [create("accounts", "A"), updateMissing, create("accounts", "C")];
    expect(statusesOf(await runBatch(continued, items, true))).toEqual([204, 404, 204]);
    expect(continued.rows.size).toBe(2);
  });

  it("turn a thrown HttpError into an OData error response and keep going", async () => {
    const organization = new FakeOrganization();
    const read = { method: "GET", url: `accounts(${createdId(9)})` };
    const [failure] = await runBatch(organization, [read]);
    expect(failure).toEqual({
      kind: "operation",
      response: {
        status: 404,
        headers: { "Content-Type": "application/json; odata.metadata=minimal", "OData-Version": "4.0" },
        body: JSON.stringify({
          error: { code: "0x80040217", message: `accounts With Id = ${createdId(9)} Does Not Exist` },
        }),
      },
    });
  });

  it("let any other error escape, since it is a bug and not an answer", async () => {
    const handlers: BatchHandlers = {
      execute: () => Promise.reject(new TypeError("boom")),
      transaction: (work) => work(),
    };
    const batch = parseBatchRequest(CONTENT_TYPE, batchBody([create("accounts", "A")]));
    await expect(executeBatch(batch, handlers)).rejects.toThrow("boom");
  });
});

describe("change sets", () => {
  it("commit together and echo their Content-IDs", async () => {
    const organization = new FakeOrganization();
    const changeSet = [create("accounts", "A", "1"), create("contacts", "B", "2")];
    const [item] = await runBatch(organization, [{ changeSet }]);
    expect(item?.kind).toBe("changeSet");
    expect(item?.kind === "changeSet" ? item.responses.map(({ contentId }) => contentId) : []).toEqual(["1", "2"]);
    expect(organization.commits).toBe(1);
    expect(organization.rows.size).toBe(2);
    expect(organization.calls.every(({ context }) => context.inChangeSet)).toBe(true);
  });

  it("are all-or-nothing: a failure in the third request rolls back the first two", async () => {
    const organization = new FakeOrganization();
    const changeSet = [
      create("accounts", "A", "1"),
      create("contacts", "B", "2"),
      { ...updateMissing, contentId: "3" },
      create("tasks", "D", "4"),
    ];
    const responses = await runBatch(organization, [{ changeSet }, create("accounts", "after")]);
    expect(organization.rows.size).toBe(0);
    expect(organization.rollbacks).toBe(1);
    expect(organization.commits).toBe(0);
    expect(organization.requests.map(({ target }) => target)).not.toContain("/api/data/v9.2/tasks");
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ kind: "operation", contentId: "3", response: { status: 404 } });
  });

  it("let later parts run after a failed change set only with continue-on-error", async () => {
    const organization = new FakeOrganization();
    const changeSet = [create("accounts", "A", "1"), updateMissing];
    const responses = await runBatch(organization, [{ changeSet }, create("accounts", "after")], true);
    expect(statusesOf(responses)).toEqual([404, 204]);
    expect([...organization.rows.values()]).toEqual([{ name: "after" }]);
  });

  it("fail as a whole when the store refuses the commit", async () => {
    const organization = new FakeOrganization();
    organization.refuseCommit = new HttpError(412, "0x80040237", "A record with matching key values already exists.");
    const responses = await runBatch(organization, [
      { changeSet: [create("accounts", "A", "1")] },
      create("tasks", "T"),
    ]);
    expect(statusesOf(responses)).toEqual([412]);
    expect(organization.rows.size).toBe(0);
  });
});

describe("the Prefer header", () => {
  it.each([
    ["odata.continue-on-error", true],
    ["return=representation, odata.continue-on-error", true],
    ["continue-on-error", true],
    ["odata.continue-on-error=false", false],
    ["odata.maxpagesize=10", false],
    [undefined, false],
  ])("%s → continue on error: %s", (prefer, expected) => {
    expect(prefersContinueOnError(prefer)).toBe(expected);
  });
});
