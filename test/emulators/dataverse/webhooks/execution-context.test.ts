import { describe, expect, it } from "vitest";
import {
  buildRemoteExecutionContext,
  EMPTY_GUID,
  typedValue,
  WebhookConfigurationError,
  writeDataContractJson,
  type ChangeNotification,
  type ExecutionContextOptions,
  type StepRegistration,
} from "../../../../emulators/dataverse/webhooks";
import {
  ACCOUNT_ID,
  BUSINESS_UNIT_ID,
  CALLER_ID,
  CHANGED_AT,
  CORRELATION_ID,
  createNotification,
  endpoint,
  entryKeys,
  entryValue,
  OPPORTUNITY_ID,
  ORGANIZATION_ID,
  parseBody,
  step,
  updateNotification,
  USER_ID,
} from "./fixtures";
import { REFERENCE_MEMBERS } from "../../../support/remoteExecutionContext";

const ENTITY = "Entity:http://schemas.microsoft.com/xrm/2011/Contracts";
const ENTITY_REFERENCE = "EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts";
const OPTION_SET_VALUE = "OptionSetValue:http://schemas.microsoft.com/xrm/2011/Contracts";
const CHANGED_MS = CHANGED_AT.getTime();

/** The body as the receiver parses it. */
function body(
  notification: ChangeNotification = updateNotification(),
  registered: StepRegistration = step(),
  options: ExecutionContextOptions = {},
): Record<string, unknown> {
  return parseBody(writeDataContractJson(buildRemoteExecutionContext(notification, registered, endpoint(), options)));
}

function target(context: Record<string, unknown>): Record<string, unknown> {
  return entryValue(context.InputParameters, "Target") as Record<string, unknown>;
}

describe("RemoteExecutionContext: top level", () => {
  it("has the official example's members, in its order", () => {
    expect(Object.keys(body())).toEqual(REFERENCE_MEMBERS);
  });

  it("places the 2024 members where the serializer puts them, when the notification has them", () => {
    const modern = updateNotification({
      initiatingUserAgent: "tests (DataverseSvcClient:1.1.0.11)",
      initiatingUserAzureActiveDirectoryObjectId: "aad-initiating",
      userAzureActiveDirectoryObjectId: "aad-user",
    });
    const members = Object.keys(body(modern));
    expect(members.slice(0, 6)).toEqual([
      "BusinessUnitId",
      "CorrelationId",
      "Depth",
      "InitiatingUserAgent",
      "InitiatingUserAzureActiveDirectoryObjectId",
      "InitiatingUserId",
    ]);
    expect(members.slice(-2)).toEqual(["UserAzureActiveDirectoryObjectId", "UserId"]);
  });

  it("fills the scalar members for an asynchronous PostOperation Update", () => {
    const registered = step({ sdkmessageprocessingstepid: "75417616-aaaa-4000-8000-000000000001" });
    expect(body(updateNotification({ depth: 2, requestId: "req-1" }), registered)).toMatchObject({
      BusinessUnitId: BUSINESS_UNIT_ID,
      CorrelationId: CORRELATION_ID,
      Depth: 2,
      InitiatingUserId: USER_ID,
      IsExecutingOffline: false,
      IsInTransaction: false,
      IsOfflinePlayback: false,
      IsolationMode: 1,
      MessageName: "Update",
      Mode: 1,
      OperationCreatedOn: `/Date(${CHANGED_MS}+0000)/`,
      OperationId: EMPTY_GUID,
      OrganizationId: ORGANIZATION_ID,
      OrganizationName: "OrgName",
      OutputParameters: [],
      OwningExtension: {
        Id: "75417616-aaaa-4000-8000-000000000001",
        KeyAttributes: [],
        LogicalName: "sdkmessageprocessingstep",
        Name: null,
        RowVersion: null,
      },
      PreEntityImages: [],
      PrimaryEntityId: OPPORTUNITY_ID,
      PrimaryEntityName: "opportunity",
      RequestId: "req-1",
      SecondaryEntityName: "none",
      SharedVariables: [],
      Stage: 40,
      UserId: USER_ID,
    });
  });

  it("marks a synchronous step as in the transaction, and takes OperationId from the options or notification", () => {
    expect(body(updateNotification(), step({ mode: 0 }))).toMatchObject({ Mode: 0, IsInTransaction: true });
    expect(body(updateNotification({ operationId: "op-1" })).OperationId).toBe("op-1");
    expect(body(updateNotification({ operationId: "op-1" }), step(), { operationId: "job-1" }).OperationId).toBe(
      "job-1",
    );
    expect(body().RequestId).toBeNull();
  });

  it("writes OperationCreatedOn and every URL with \\/ in the raw text, leaving no bare slash", () => {
    const text = writeDataContractJson(buildRemoteExecutionContext(updateNotification(), step(), endpoint()));
    expect(text).toContain(`"OperationCreatedOn":"\\/Date(${CHANGED_MS}+0000)\\/"`);
    expect(text).toContain('"__type":"Entity:http:\\/\\/schemas.microsoft.com\\/xrm\\/2011\\/Contracts"');
    expect(text).toContain('"value":"Contoso \\/ 500 seats"');
    expect(text).not.toMatch(/(?<!\\)\//);
  });

  it("refuses an endpoint that does not handle the step, or is not a JSON webhook", () => {
    const other = endpoint({ serviceendpointid: "00000000-0000-4000-8000-000000000099" });
    expect(() => buildRemoteExecutionContext(updateNotification(), step(), other)).toThrow(WebhookConfigurationError);
    const xml = endpoint({ messageformat: 1 });
    expect(() => buildRemoteExecutionContext(updateNotification(), step(), xml)).toThrow(WebhookConfigurationError);
  });
});

describe("RemoteExecutionContext: Target", () => {
  it("is a type-hinted Entity holding the changed columns, the key, then modifiedon/modifiedby/modifiedonbehalfby", () => {
    const entity = target(body(updateNotification({ rowVersion: "5948260" })));
    expect(Object.keys(entity)).toEqual([
      "__type",
      "Attributes",
      "EntityState",
      "FormattedValues",
      "Id",
      "KeyAttributes",
      "LogicalName",
      "RelatedEntities",
      "RowVersion",
    ]);
    expect(entity).toMatchObject({
      __type: ENTITY,
      EntityState: null,
      FormattedValues: [],
      Id: OPPORTUNITY_ID,
      KeyAttributes: [],
      LogicalName: "opportunity",
      RelatedEntities: [],
      RowVersion: "5948260",
    });
    expect(entity.Attributes).toEqual([
      { key: "name", value: "Contoso / 500 seats" },
      { key: "opportunityid", value: OPPORTUNITY_ID },
      { key: "modifiedon", value: `/Date(${CHANGED_MS})/` },
      {
        key: "modifiedby",
        value: {
          __type: ENTITY_REFERENCE,
          Id: USER_ID,
          KeyAttributes: [],
          LogicalName: "systemuser",
          Name: null,
          RowVersion: null,
        },
      },
      { key: "modifiedonbehalfby", value: null },
    ]);
  });

  it("names the impersonating caller in modifiedonbehalfby", () => {
    const attributes = target(body(updateNotification({ initiatingUserId: CALLER_ID }))).Attributes;
    expect(entryValue(attributes, "modifiedby")).toMatchObject({ Id: USER_ID });
    expect(entryValue(attributes, "modifiedonbehalfby")).toMatchObject({ Id: CALLER_ID, LogicalName: "systemuser" });
  });

  it("encodes every typed value as DataContract JSON", () => {
    const columns = {
      title: typedValue.string("a/b"),
      quantity: typedValue.number(12.25),
      isprivate: typedValue.boolean(true),
      externalid: typedValue.guid("33333333-3333-4333-8333-333333333333"),
      description: typedValue.null(),
      estimatedclosedate: typedValue.dateTime("2026-03-31T00:00:00Z"),
      parentaccountid: typedValue.entityReference("account", ACCOUNT_ID, "Contoso"),
      statuscode: typedValue.optionSetValue(1),
      estimatedvalue: typedValue.money(1500.5),
      csb_regions: typedValue.optionSetValueCollection([100000000, 100000002]),
    };
    const notification = updateNotification({ target: columns, changedAttributes: Object.keys(columns) });
    const attributes = target(body(notification)).Attributes;
    expect(entryValue(attributes, "title")).toBe("a/b");
    expect(entryValue(attributes, "quantity")).toBe(12.25);
    expect(entryValue(attributes, "isprivate")).toBe(true);
    expect(entryValue(attributes, "externalid")).toBe("33333333-3333-4333-8333-333333333333");
    expect(entryValue(attributes, "description")).toBeNull();
    expect(entryValue(attributes, "estimatedclosedate")).toBe(`/Date(${Date.parse("2026-03-31T00:00:00Z")})/`);
    expect(entryValue(attributes, "parentaccountid")).toEqual({
      __type: ENTITY_REFERENCE,
      Id: ACCOUNT_ID,
      KeyAttributes: [],
      LogicalName: "account",
      Name: "Contoso",
      RowVersion: null,
    });
    expect(entryValue(attributes, "statuscode")).toEqual({ __type: OPTION_SET_VALUE, Value: 1 });
    expect(entryValue(attributes, "estimatedvalue")).toEqual({
      __type: "Money:http://schemas.microsoft.com/xrm/2011/Contracts",
      Value: 1500.5,
    });
    expect(entryValue(attributes, "csb_regions")).toEqual([
      { __type: OPTION_SET_VALUE, Value: 100000000 },
      { __type: OPTION_SET_VALUE, Value: 100000002 },
    ]);
  });

  it("can write a multi-select as a type-hinted OptionSetValueCollection instead", () => {
    const notification = updateNotification({
      target: { csb_regions: typedValue.optionSetValueCollection([7]) },
      changedAttributes: ["csb_regions"],
    });
    const attributes = target(body(notification, step(), { multiSelectEncoding: "typedCollection" })).Attributes;
    expect(entryValue(attributes, "csb_regions")).toEqual({
      __type: "OptionSetValueCollection:http://schemas.microsoft.com/xrm/2011/Contracts",
      Items: [{ __type: OPTION_SET_VALUE, Value: 7 }],
    });
  });

  it("adds createdon/createdby to a Create's Target and returns the new id in OutputParameters", () => {
    const context = body(createNotification(), step({ message: "Create" }));
    expect(entryKeys(target(context).Attributes)).toEqual([
      "name",
      "estimatedvalue",
      "opportunityid",
      "modifiedon",
      "modifiedby",
      "modifiedonbehalfby",
      "createdon",
      "createdby",
    ]);
    expect(context.OutputParameters).toEqual([{ key: "id", value: OPPORTUNITY_ID }]);
    expect(body(createNotification(), step({ message: "Create" }), { createOutputId: false }).OutputParameters).toEqual(
      [],
    );
  });

  it("keeps a platform column the caller already sent, once, with the caller's value", () => {
    const notification = updateNotification({ target: { modifiedon: typedValue.dateTime("2020-01-01T00:00:00Z") } });
    const attributes = target(body(notification)).Attributes;
    expect(entryKeys(attributes).filter((key) => key === "modifiedon")).toHaveLength(1);
    expect(entryValue(attributes, "modifiedon")).toBe(`/Date(${Date.parse("2020-01-01T00:00:00Z")})/`);
  });

  it("is a type-hinted EntityReference for Delete", () => {
    const context = body(updateNotification({ message: "Delete", target: {} }), step({ message: "Delete" }));
    expect(target(context)).toEqual({
      __type: ENTITY_REFERENCE,
      Id: OPPORTUNITY_ID,
      KeyAttributes: [],
      LogicalName: "opportunity",
      Name: null,
      RowVersion: null,
    });
  });
});
