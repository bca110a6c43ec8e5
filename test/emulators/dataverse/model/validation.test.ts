import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../../emulators/dataverse/model";
import { anOpportunity, expectRefusal, newOrganization } from "./builders";

describe("refused values name the column", () => {
  const cases: [string, Record<string, unknown>, number, string, RegExp][] = [
    [
      "an unknown column",
      { nonsense: 1 },
      400,
      ErrorCode.propertyNotFound,
      /^Could not find a property named 'nonsense' on type 'Microsoft\.Dynamics\.CRM\.opportunity'\.$/,
    ],
    [
      "text for a money column",
      { estimatedvalue: "lots" },
      400,
      ErrorCode.payloadError,
      /'lots'.*'Edm\.Decimal'.*'estimatedvalue'/,
    ],
    [
      "a fraction for a whole number",
      { closeprobability: 4.5 },
      400,
      ErrorCode.payloadError,
      /'Edm\.Int32'.*'closeprobability'/,
    ],
    [
      "a number out of range",
      { closeprobability: 101 },
      400,
      ErrorCode.outOfRange,
      /value 101 of 'closeprobability'.*outside the valid range/,
    ],
    [
      "a string for a boolean",
      { csb_syncwithpartnercenter: "yes" },
      400,
      ErrorCode.payloadError,
      /'Edm\.Boolean'.*'csb_syncwithpartnercenter'/,
    ],
    [
      "a date-time in a date-only column",
      { estimatedclosedate: "2026-06-30T00:00:00Z" },
      400,
      ErrorCode.payloadError,
      /'Edm\.Date'.*'estimatedclosedate'/,
    ],
    [
      "a day that doesn't exist",
      { estimatedclosedate: "2026-02-30" },
      400,
      ErrorCode.payloadError,
      /'estimatedclosedate'/,
    ],
    [
      "a date before 1753",
      { csb_lastsyncedon: "1700-01-01T00:00:00Z" },
      400,
      ErrorCode.outOfRange,
      /'csb_lastsyncedon'/,
    ],
    [
      "a choice value outside the option set",
      { salesstage: 7 },
      400,
      ErrorCode.outOfRange,
      /value 7 of 'salesstage'.*Accepted Values: 0,1,2,3/,
    ],
    [
      "a multi-select value outside the option set",
      { csb_microsofthelp: "582100000,5" },
      400,
      ErrorCode.outOfRange,
      /value 5 of 'csb_microsofthelp'/,
    ],
    [
      "a multi-select given as an array",
      { csb_microsofthelp: [582100000] },
      400,
      ErrorCode.payloadError,
      /'csb_microsofthelp'/,
    ],
    [
      "a lookup set directly by GUID",
      { parentaccountid: "6d81597f-0f9f-e711-8122-000d3aa2331c" },
      400,
      ErrorCode.payloadError,
      /'parentaccountid'.*@odata\.bind/,
    ],
    [
      "a lookup written as _x_value",
      { _parentaccountid_value: "6d81597f-0f9f-e711-8122-000d3aa2331c" },
      400,
      ErrorCode.payloadError,
      /Entity Reference/,
    ],
    [
      "a platform-maintained column",
      { createdon: "2020-01-01T00:00:00Z" },
      400,
      ErrorCode.invalidArgument,
      /'createdon'.*platform maintains it/,
    ],
  ];

  it.each(cases)("refuses %s", (_what, body, status, code, message) => {
    const { org, accountId } = newOrganization();
    expectRefusal(() => org.create("opportunity", anOpportunity(accountId, body)), status, code, message);
  });

  it("refuses a string longer than the column allows, naming column, table and limit", () => {
    const { org } = newOrganization();
    expectRefusal(
      () => org.create("account", { name: "x".repeat(161) }),
      400,
      ErrorCode.stringTooLong,
      "A validation error occurred. The length of the 'name' attribute of the 'account' entity exceeded the " +
        "maximum allowed length of '160'.",
    );
    expect(org.create("account", { name: "x".repeat(160) }).created).toBe(true);
  });

  it("refuses a body that isn't an object, and an unknown table as Dataverse does an unknown segment", () => {
    const { org } = newOrganization();
    expectRefusal(() => org.create("account", ["name"]), 400, ErrorCode.payloadError, /must be a JSON object/);
    expectRefusal(
      () => org.create("widgets", {}),
      404,
      ErrorCode.resourceNotFound,
      "Resource not found for the segment 'widgets'.",
    );
  });

  it("requires SystemRequired columns on create and refuses to empty them on update", () => {
    const { org } = newOrganization();
    expectRefusal(
      () => org.create("environmentvariabledefinition", { displayname: "X" }),
      400,
      ErrorCode.invalidArgument,
      /'schemaname' is required/,
    );
    const { id } = org.create("environmentvariabledefinition", { schemaname: "csb_X", displayname: "X" });
    expectRefusal(
      () => org.update("environmentvariabledefinition", id, { displayname: null }),
      400,
      ErrorCode.invalidArgument,
      /'displayname' is required/,
    );
    expectRefusal(
      () => org.update("environmentvariabledefinition", id, { schemaname: "csb_Y" }),
      400,
      ErrorCode.invalidArgument,
      /'schemaname'.*can't be set on update/,
    );
  });

  it("leaves nothing behind when a body is refused", () => {
    const { org, accountId, events } = newOrganization();
    const before = org.retrieveMultiple("opportunity", { count: true }).count;
    expectRefusal(
      () => org.create("opportunity", anOpportunity(accountId, { salesstage: 9 })),
      400,
      ErrorCode.outOfRange,
      /salesstage/,
    );
    expect(org.retrieveMultiple("opportunity", { count: true }).count).toBe(before);
    expect(events).toEqual([]);
  });
});
