import { describe, expect, it } from "vitest";
import { parseRemoteExecutionContext, type DataverseChange } from "../../../../server/intake/dataverse";
import {
  editedBody,
  JSON_HEADERS,
  receivedRequest,
  refusal,
  targetAttributesOf,
  updateNotification,
  without,
  type ReceivedRequest,
} from "./fixtures";

type Edit = (context: Record<string, unknown>) => void;

function parseEdited(edit: Edit, request: ReceivedRequest = receivedRequest(updateNotification())): DataverseChange {
  return parseRemoteExecutionContext(editedBody(request, edit), request.headers);
}

function refusedBecause(edit: Edit): string {
  return refusal(() => parseEdited(edit), 400, "not_an_execution_context");
}

/** Adds `value` to the Target as attribute `name`. */
function withAttribute(name: string, value: unknown): Edit {
  return (context) => targetAttributesOf(context).push({ key: name, value });
}

const TYPES = "http://schemas.microsoft.com/xrm/2011/Contracts";

describe("members a RemoteExecutionContext must have (400)", () => {
  it.each([
    "MessageName",
    "PrimaryEntityName",
    "PrimaryEntityId",
    "CorrelationId",
    "Depth",
    "InitiatingUserId",
    "UserId",
    "OperationCreatedOn",
  ])("names %s when it is missing", (member) => {
    expect(refusedBecause((context) => Reflect.deleteProperty(context, member))).toBe(
      `the body is not a RemoteExecutionContext: ${member} is missing`,
    );
  });

  it.each([
    ["MessageName", "", "MessageName must be a non-empty string, got an empty string"],
    ["PrimaryEntityName", 3, "PrimaryEntityName must be a non-empty string, got a number"],
    ["PrimaryEntityId", "6d81597f", "PrimaryEntityId must be a GUID, got a string that is not a GUID"],
    ["UserId", null, "UserId must be a GUID, got null"],
    ["Depth", "1", "Depth must be a whole number of at least 1, got a string"],
    ["Depth", 0, "Depth must be a whole number of at least 1, got a number"],
    ["OperationCreatedOn", "2026-01-01T10:00:00Z", "OperationCreatedOn must be a DataContract date"],
    ["OwningExtension", { Id: 7 }, "OwningExtension.Id must be a non-empty string"],
    ["InputParameters", {}, "InputParameters must be a list, got an object"],
  ])("names %s when it is wrong", (member, value, expected) => {
    expect(refusedBecause((context) => (context[member] = value))).toContain(expected);
  });

  it("refuses a Target about another record", () => {
    const message = refusedBecause((context) => (context.PrimaryEntityId = "11111111-1111-4111-8111-111111111111"));
    expect(message).toContain("Target.Id is");
    // Without the Dataverse headers, which would already contradict the edited body.
    const request = receivedRequest(updateNotification());
    const body = editedBody(request, (context) => (context.PrimaryEntityName = "account"));
    const otherTable = refusal(() => parseRemoteExecutionContext(body, JSON_HEADERS), 400, "not_an_execution_context");
    expect(otherTable).toContain("Target.LogicalName is 'opportunity' but PrimaryEntityName is 'account'");
  });

  it("refuses an attribute listed twice and a malformed entry", () => {
    expect(refusedBecause(withAttribute("name", "again"))).toContain("Target.Attributes holds 'name' twice");
    expect(refusedBecause((context) => targetAttributesOf(context).push({ key: "x" } as never))).toContain(
      'Target.Attributes[5] must be a {"key", "value"} pair',
    );
  });
});

describe("known typed values are decoded strictly (400 naming the attribute)", () => {
  it.each([
    ["Money without a Value", { __type: `Money:${TYPES}` }, "Money.Value must be a number, got nothing"],
    ["a fractional OptionSetValue", { __type: `OptionSetValue:${TYPES}`, Value: 1.5 }, "must be a whole number"],
    ["an EntityReference without Id", { __type: `EntityReference:${TYPES}`, LogicalName: "account" }, "Id must be"],
    ["a multi-select with a text item", ["1"], "[0]: a multi-select item must be an OptionSetValue, got a string"],
    ["a multi-select with a fractional value", [{ Value: 2.5 }], "[0]: OptionSetValue.Value must be a whole number"],
    ["a wrapped multi-select without items", { __type: `OptionSetValueCollection:${TYPES}` }, "exactly one list"],
  ])("refuses %s", (_case, value, expected) => {
    const message = refusedBecause(withAttribute("csb_field", value));
    expect(message).toContain("Target.Attributes[csb_field]");
    expect(message).toContain(expected);
  });

  it("accepts the multi-select's wrapper under another member name and bare numbers inside it", () => {
    const wrapped = { __type: `OptionSetValueCollection:${TYPES}`, Values: [1, { Value: 2 }] };
    expect(parseEdited(withAttribute("csb_field", wrapped)).changedAttributes.csb_field).toEqual([1, 2]);
  });
});

describe("unknown values are kept, with a warning (forward compatibility)", () => {
  it("keeps an unknown __type as-is under kind 'unknown' and warns once", () => {
    const raw = { __type: `EntityCollection:${TYPES}`, Entities: [], EntityName: "activityparty" };
    const change = parseEdited(withAttribute("to", raw));
    expect(change.changedAttributes.to).toEqual({ kind: "unknown", raw });
    expect(change.warnings).toEqual([
      {
        code: "unknown_type",
        at: "Target.Attributes[to]",
        message: `Target.Attributes[to]: unknown __type 'EntityCollection:${TYPES}', kept as-is`,
      },
    ]);
    expect(change.changedAttributes.name).toBe("Contoso / 500 seats");
  });

  it("keeps an object without a __type and a DateTime out of range, each with a warning", () => {
    const change = parseEdited((context) => {
      withAttribute("csb_odd", { Value: 1 })(context);
      withAttribute("csb_far", "/Date(99999999999999999)/")(context);
    });
    expect(change.changedAttributes.csb_odd).toEqual({ kind: "unknown", raw: { Value: 1 } });
    expect(change.changedAttributes.csb_far).toBe("/Date(99999999999999999)/");
    expect(change.warnings.map((warning) => warning.code)).toEqual(["untyped_object", "date_out_of_range"]);
  });

  it("reads an attribute called __proto__ as data, not as the prototype", () => {
    const change = parseEdited(withAttribute("__proto__", "x"));
    expect(Object.getPrototypeOf(change.changedAttributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(change.changedAttributes, "__proto__")?.value).toBe("x");
  });
});

describe("headers that contradict the body (400)", () => {
  it.each([
    ["x-ms-dynamics-entity-name", "account", "PrimaryEntityName", "opportunity"],
    ["x-ms-dynamics-request-name", "Create", "MessageName", "Update"],
  ])("refuses %s: %s against the body's %s", (header, value, member, bodyValue) => {
    const request = receivedRequest(updateNotification());
    const headers = { ...request.headers, [header]: value };
    const message = refusal(() => parseRemoteExecutionContext(request.body, headers), 400, "header_body_mismatch");
    expect(message).toBe(`the ${header} header says '${value}' but the body's ${member} is '${bodyValue}'`);
  });

  it("compares without regard to case and skips absent headers", () => {
    const request = receivedRequest(updateNotification());
    const headers = {
      ...without(request.headers, "x-ms-dynamics-entity-name"),
      "x-ms-dynamics-request-name": "update",
    };
    expect(parseRemoteExecutionContext(request.body, headers).messageName).toBe("Update");
  });
});
