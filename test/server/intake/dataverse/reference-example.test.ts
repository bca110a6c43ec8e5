import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRemoteExecutionContext, toSyncJob } from "../../../../server/intake/dataverse";

/** The official example body of dataverse.md §3.3 (PAD use-webhooks.md), kept as JSON text with its `\/` escapes. */
const EXAMPLE = readFileSync(new URL("./reference-example-update-contact.json", import.meta.url));

/** The headers Dataverse sends with it (§3.3). */
const HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "x-request-id": "0e6c8a8c-3f43-4c4a-9d0c-7f7e0a4a1b2c",
  "x-ms-dynamics-organization": "orgname.crm.dynamics.com",
  "x-ms-dynamics-entity-name": "contact",
  "x-ms-dynamics-request-name": "Update",
  "x-ms-correlation-request-id": "b374239d-4233-41a9-8b17-a86cb4f737b5",
};

const USER_ID = "75c2dd85-e89e-e711-8122-000d3aa2331c";
const CONTACT_ID = "6d81597f-0f9f-e711-8122-000d3aa2331c";

describe("the official example body of dataverse.md §3.3", () => {
  it("is the escaped DataContract text, not a re-serialization", () => {
    const text = EXAMPLE.toString("utf8");
    expect(text).toContain('"\\/Date(1506409448000-0700)\\/"');
    expect(text).toContain('"Entity:http:\\/\\/schemas.microsoft.com\\/xrm\\/2011\\/Contracts"');
  });

  it("decodes member by member", () => {
    const change = parseRemoteExecutionContext(EXAMPLE, HEADERS);
    expect(change).toEqual({
      messageName: "Update",
      entityName: "contact",
      recordId: CONTACT_ID,
      correlationId: "b374239d-4233-41a9-8b17-a86cb4f737b5",
      requestId: "0e6c8a8c-3f43-4c4a-9d0c-7f7e0a4a1b2c",
      organization: "orgname.crm.dynamics.com",
      depth: 1,
      initiatingUserId: USER_ID,
      userId: USER_ID,
      // The milliseconds are UTC; the -0700 only says the writer's clock was local time.
      operationCreatedOn: "2017-09-26T07:04:08.000Z",
      changedAttributes: { firstname: "James", contactid: CONTACT_ID },
      modified: {
        modifiedon: "2017-09-26T00:04:07.000Z",
        // The documentation shortens this id; it is kept as written.
        modifiedby: { kind: "reference", id: "75c2dd85-...", logicalName: "systemuser", name: null },
        modifiedonbehalfby: null,
      },
      preImage: {},
      postImage: { AsynchronousStepPrimaryName: { fullname: "James Glynn (sample)", contactid: "6d81..." } },
      trimmed: false,
      owningStepId: "75417616-...",
      warnings: [],
    });
  });

  it("is ignored by the sync: contacts are not synced", () => {
    const decision = toSyncJob(parseRemoteExecutionContext(EXAMPLE, HEADERS), { integrationUserIds: [] });
    expect(decision).toEqual({
      kind: "ignored",
      reason: `Update of contact ${CONTACT_ID}: only opportunity changes are synced`,
    });
  });
});
