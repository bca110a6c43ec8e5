import { describe, expect, it } from "vitest";
import {
  executeBatch,
  parseBatchRequest,
  type BatchHandlers,
  type InnerResponse,
} from "../../../../emulators/dataverse/batch";
import { batchBody, CONTENT_TYPE, create, ORG } from "./batch-bodies";
import { createdId, FakeOrganization, runBatch } from "./fake-organization";

describe("$n references", () => {
  it("resolve to the OData-EntityId of the request with that Content-ID, with navigation appended", async () => {
    const organization = new FakeOrganization();
    const changeSet = [
      create("accounts", "Contoso", "1"),
      { ...create("contacts", "Ana", "2"), url: "$1/contact_customer_accounts" },
      { method: "PATCH", url: "$2", body: '{"jobtitle":"CTO"}', contentId: "3" },
    ];
    await runBatch(organization, [{ changeSet }]);
    expect(organization.requests.map(({ target, url }) => [url, target])).toEqual([
      ["accounts", "/api/data/v9.2/accounts"],
      ["$1/contact_customer_accounts", `/api/data/v9.2/accounts(${createdId(1)})/contact_customer_accounts`],
      ["$2", `/api/data/v9.2/contact_customer_accounts(${createdId(2)})`],
    ]);
    expect(organization.rows.get(`contact_customer_accounts(${createdId(2)})`)).toEqual({
      name: "Ana",
      parent: `accounts(${createdId(1)})`,
      jobtitle: "CTO",
    });
  });

  it("fall back to Location, and fail the change set when the response names no entity", async () => {
    const answers: InnerResponse[] = [
      { status: 201, headers: { location: `${ORG}/api/data/v9.2/accounts(${createdId(7)})` }, body: "{}" },
      { status: 204, headers: {}, body: "" },
    ];
    const targets: string[] = [];
    const handlers: BatchHandlers = {
      execute: (request) => {
        targets.push(request.target);
        return Promise.resolve(answers.shift() ?? { status: 204, headers: {}, body: "" });
      },
      transaction: (work) => work(),
    };
    const changeSet = [create("accounts", "A", "1"), { method: "DELETE", url: "$1" }];
    const batch = parseBatchRequest(
      CONTENT_TYPE,
      batchBody([{ changeSet }, { changeSet: [create("x", "B", "1"), { method: "DELETE", url: "$1" }] }]),
    );
    const responses = await executeBatch(batch, handlers);
    expect(targets).toEqual([
      "/api/data/v9.2/accounts",
      `/api/data/v9.2/accounts(${createdId(7)})`,
      "/api/data/v9.2/x",
    ]);
    expect(responses[1]).toMatchObject({ kind: "operation", response: { status: 400 } });
    expect(responses[1]?.kind === "operation" ? responses[1].response.body : "").toContain(
      'The Content-ID reference \\"$1\\" in part 2.2 cannot be resolved',
    );
  });
});
