import { describe, expect, it } from "vitest";
import { typedValue } from "../../../../emulators/dataverse/webhooks";
import { parseRemoteExecutionContext, type DataverseChange } from "../../../../server/intake/dataverse";
import {
  ACCOUNT_ID,
  CHANGED_AT,
  CORRELATION_ID,
  createNotification,
  INTEGRATION_USER_ID,
  OPPORTUNITY_ID,
  ORGANIZATION_DOMAIN,
  receivedRequest,
  SELLER_ID,
  step,
  STEP_ID,
  updateNotification,
  without,
  type ReceivedRequest,
} from "./fixtures";

function parsed(request: ReceivedRequest): DataverseChange {
  return parseRemoteExecutionContext(request.body, request.headers);
}

const SELLER = { kind: "reference", id: SELLER_ID, logicalName: "systemuser", name: null } as const;
const ACCOUNT = { kind: "reference", id: ACCOUNT_ID, logicalName: "account", name: "Contoso" } as const;

/** OPPORTUNITY_ROW (fixtures) decoded. */
const DECODED_ROW = {
  opportunityid: OPPORTUNITY_ID,
  name: "Contoso / 500 seats",
  estimatedvalue: 1500.5,
  estimatedclosedate: "2026-03-31T00:00:00.000Z",
  statecode: 0,
  parentaccountid: ACCOUNT,
  csb_microsofthelp: [582100001, 582100003],
  csb_syncwithpartnercenter: true,
  closeprobability: 40,
  description: null,
} as const;

describe("parseRemoteExecutionContext on the emulator's Update of an opportunity", () => {
  it("reads the context members and headers, with GUIDs lower case and dates as ISO strings", () => {
    const request = receivedRequest(updateNotification());
    const change = parsed(request);
    expect(change).toMatchObject({
      messageName: "Update",
      entityName: "opportunity",
      recordId: OPPORTUNITY_ID,
      correlationId: CORRELATION_ID,
      requestId: request.headers["x-request-id"],
      organization: ORGANIZATION_DOMAIN,
      depth: 1,
      initiatingUserId: SELLER_ID,
      userId: SELLER_ID,
      operationCreatedOn: CHANGED_AT.toISOString(),
      owningStepId: STEP_ID,
      trimmed: false,
      warnings: [],
    });
  });

  it("splits the Target into the changed columns and the modified* bookkeeping", () => {
    const change = parsed(receivedRequest(updateNotification()));
    expect(change.changedAttributes).toEqual({ name: "Contoso / 500 seats", opportunityid: OPPORTUNITY_ID });
    expect(change.modified).toEqual({
      modifiedon: CHANGED_AT.toISOString(),
      modifiedby: SELLER,
      modifiedonbehalfby: null,
    });
  });

  it("keeps the async step's AsynchronousStepPrimaryName post-image when no image is registered", () => {
    const change = parsed(receivedRequest(updateNotification()));
    expect(change.preImage).toEqual({});
    expect(change.postImage).toEqual({
      AsynchronousStepPrimaryName: { name: "Contoso / 500 seats", opportunityid: OPPORTUNITY_ID },
    });
  });

  it("decodes registered pre- and post-images by name, with every typed column", () => {
    const withImages = step({
      images: [
        { entityalias: "before", imagetype: 0, attributes: "name,estimatedvalue,parentaccountid" },
        { entityalias: "after", imagetype: 1, attributes: null },
      ],
    });
    const change = parsed(receivedRequest(updateNotification(), { step: withImages }));
    expect(change.preImage).toEqual({
      before: { name: "Contoso", estimatedvalue: 1500.5, parentaccountid: ACCOUNT },
    });
    expect(change.postImage).toEqual({ after: DECODED_ROW });
  });

  it("names the initiating user and the user apart under impersonation", () => {
    const notification = updateNotification({ initiatingUserId: INTEGRATION_USER_ID.toUpperCase() });
    const change = parsed(receivedRequest(notification));
    expect(change.initiatingUserId).toBe(INTEGRATION_USER_ID);
    expect(change.userId).toBe(SELLER_ID);
    expect(change.modified.modifiedonbehalfby).toEqual({ ...SELLER, id: INTEGRATION_USER_ID });
  });
});

describe("parseRemoteExecutionContext on the emulator's Create of an opportunity", () => {
  it("decodes every typed column of the Target field by field", () => {
    const change = parsed(receivedRequest(createNotification(), { step: step({ message: "Create" }) }));
    expect(change.messageName).toBe("Create");
    expect(change.changedAttributes).toEqual({
      ...without(DECODED_ROW, "opportunityid"),
      opportunityid: OPPORTUNITY_ID,
      createdon: CHANGED_AT.toISOString(),
      createdby: SELLER,
    });
    expect(Object.keys(change.modified)).toEqual(["modifiedon", "modifiedby", "modifiedonbehalfby"]);
    expect(change.warnings).toEqual([]);
  });

  it.each([["array" as const], ["typedCollection" as const]])(
    "decodes the multi-select in the %s encoding to the same numbers",
    (multiSelectEncoding) => {
      const request = receivedRequest(createNotification(), { context: { multiSelectEncoding } });
      const text = request.body.toString("utf8");
      expect(text.includes("OptionSetValueCollection")).toBe(multiSelectEncoding === "typedCollection");
      expect(parsed(request).changedAttributes.csb_microsofthelp).toEqual([582100001, 582100003]);
    },
  );

  it("decodes a cleared multi-select and lookup as null", () => {
    const target = { csb_microsofthelp: typedValue.null(), parentaccountid: typedValue.null() };
    const change = parsed(receivedRequest(updateNotification({ target })));
    expect(change.changedAttributes).toMatchObject({ csb_microsofthelp: null, parentaccountid: null });
  });
});

describe("parseRemoteExecutionContext on other messages and header spellings", () => {
  it("reads a Delete, whose Target is an EntityReference, as untrimmed with no columns", () => {
    const notification = updateNotification({ message: "Delete", target: {}, changedAttributes: [] });
    const change = parsed(receivedRequest(notification, { step: step({ message: "Delete" }) }));
    expect(change).toMatchObject({ messageName: "Delete", changedAttributes: {}, modified: {}, trimmed: false });
  });

  it("finds the Dataverse headers in any case", () => {
    const request = receivedRequest(updateNotification());
    const shouted = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toUpperCase(), value]),
    );
    const change = parseRemoteExecutionContext(request.body, shouted);
    expect(change.organization).toBe(ORGANIZATION_DOMAIN);
    expect(change.requestId).toBe(request.headers["x-request-id"]);
  });

  it("gives null for the request id and organization when their headers are absent", () => {
    const request = receivedRequest(updateNotification());
    const change = parseRemoteExecutionContext(request.body, { "content-type": "application/json" });
    expect(change).toMatchObject({ requestId: null, organization: null });
  });
});
