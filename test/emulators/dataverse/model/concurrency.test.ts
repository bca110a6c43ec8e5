import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../../emulators/dataverse/model";
import { anOpportunity, expectRefusal, newOrganization } from "./builders";

const missingId = "00000000-0000-4000-8000-000000000abc";

describe("PATCH as an upsert (§4.2)", () => {
  it("creates a missing row under the given id by default", () => {
    const { org, events } = newOrganization();
    const result = org.update("accounts", missingId, { name: "Upserted" });
    expect(result).toMatchObject({ id: missingId, created: true });
    expect(org.retrieve("account", missingId).name).toBe("Upserted");
    expect(events.map((event) => event.message)).toEqual(["Create"]);
  });

  it("updates an existing row and says it did not create it", () => {
    const { org, accountId } = newOrganization();
    expect(org.update("account", accountId, { name: "Renamed" })).toMatchObject({ id: accountId, created: false });
    expect(org.retrieve("account", accountId).name).toBe("Renamed");
  });

  it("answers 404 for a missing row with If-Match: * or upsert turned off, with the documented message", () => {
    const { org } = newOrganization();
    const message = `account With Id = ${missingId} Does Not Exist`;
    expectRefusal(
      () => org.update("account", missingId, { name: "x" }, { ifMatch: "*" }),
      404,
      ErrorCode.objectDoesNotExist,
      message,
    );
    expectRefusal(
      () => org.update("account", missingId, { name: "x" }, { upsert: false }),
      404,
      ErrorCode.objectDoesNotExist,
      message,
    );
    expectRefusal(
      () => org.update("account", missingId, { name: "x" }, { ifMatch: 'W/"1"' }),
      404,
      ErrorCode.objectDoesNotExist,
      message,
    );
    expect(org.retrieveMultiple("account", { filter: `accountid eq ${missingId}` }).value).toEqual([]);
  });

  it("creates with If-None-Match: * and refuses to update an existing row with 412", () => {
    const { org, accountId } = newOrganization();
    expect(org.update("account", missingId, { name: "New" }, { ifNoneMatch: "*" }).created).toBe(true);
    expectRefusal(
      () => org.update("account", accountId, { name: "x" }, { ifNoneMatch: "*" }),
      412,
      ErrorCode.duplicateRecord,
      "A record with matching key values already exists.",
    );
    expect(org.retrieve("account", accountId).name).toBe("Fabrikam Ltd");
  });

  it("refuses a body whose primary key differs from the addressed row", () => {
    const { org, accountId } = newOrganization();
    expectRefusal(
      () => org.update("account", accountId, { accountid: missingId, name: "x" }),
      400,
      ErrorCode.invalidArgument,
      /differs/,
    );
  });

  it("refuses an id that is not a GUID", () => {
    const { org } = newOrganization();
    expectRefusal(
      () => org.update("account", "42", { name: "x" }),
      400,
      ErrorCode.invalidArgument,
      /'42' is not a valid row id/,
    );
  });
});

describe("optimistic concurrency with If-Match (§4.2)", () => {
  it("updates when the ETag is current and refuses a stale one with 412 0x80060882", () => {
    const { org, accountId } = newOrganization();
    const { id, etag } = org.create("opportunity", anOpportunity(accountId));
    const second = org.update("opportunity", id, { name: "Second" }, { ifMatch: etag });
    expect(second.etag).not.toBe(etag);
    expectRefusal(
      () => org.update("opportunity", id, { name: "Third" }, { ifMatch: etag }),
      412,
      ErrorCode.concurrencyVersionMismatch,
      "The version of the existing record doesn't match the RowVersion property provided.",
    );
    expect(org.retrieve("opportunity", id)).toMatchObject({ name: "Second", "@odata.etag": second.etag });
  });

  it("treats If-Match: * as 'must exist' only", () => {
    const { org, accountId } = newOrganization();
    expect(org.update("account", accountId, { name: "Any version" }, { ifMatch: "*" }).created).toBe(false);
  });

  it("deletes only at the current version", () => {
    const { org, accountId } = newOrganization();
    const { id, etag } = org.create("opportunity", anOpportunity(accountId));
    org.update("opportunity", id, { name: "Changed" });
    expectRefusal(
      () => {
        org.delete("opportunity", id, { ifMatch: etag });
      },
      412,
      ErrorCode.concurrencyVersionMismatch,
      /RowVersion/,
    );
    const current = String(org.retrieve("opportunity", id)["@odata.etag"]);
    org.delete("opportunity", id, { ifMatch: current });
    expectRefusal(
      () => org.retrieve("opportunity", id),
      404,
      ErrorCode.objectDoesNotExist,
      `opportunity With Id = ${id} Does Not Exist`,
    );
  });

  it("refuses a row-version check on a table without optimistic concurrency", () => {
    const { org } = newOrganization();
    const { id, etag } = org.create("sdkmessage", { name: "Custom" });
    expectRefusal(
      () => org.update("sdkmessage", id, { name: "x" }, { ifMatch: etag }),
      400,
      ErrorCode.optimisticConcurrencyNotEnabled,
      /does not support optimistic concurrency/,
    );
    expect(org.update("sdkmessage", id, { name: "x" }, { ifMatch: "*" }).created).toBe(false);
  });
});

describe("deleting", () => {
  it("answers 404 '<table> With Id = <id> Does Not Exist' for a missing row", () => {
    const { org } = newOrganization();
    expectRefusal(
      () => {
        org.delete("contacts", missingId);
      },
      404,
      ErrorCode.objectDoesNotExist,
      `contact With Id = ${missingId} Does Not Exist`,
    );
  });

  it("deletes an environment variable's values with its definition, and clears lookups to a deleted account", () => {
    const { org, accountId, events } = newOrganization();
    const definition = org.create("environmentvariabledefinition", { schemaname: "csb_X", displayname: "X" }).id;
    const value = org.create("environmentvariablevalue", {
      value: "1",
      "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${definition})`,
    }).id;
    const opportunity = org.create("opportunity", anOpportunity(accountId)).id;
    const before = Number(/\d+/.exec(String(org.retrieve("opportunity", opportunity)["@odata.etag"]))?.[0]);
    events.length = 0;

    org.delete("environmentvariabledefinition", definition);
    expect(
      org.retrieveMultiple("environmentvariablevalue", { filter: `environmentvariablevalueid eq ${value}` }).value,
    ).toEqual([]);
    expect(events.map((event) => `${event.message} ${event.table}`)).toEqual([
      "Delete environmentvariablevalue",
      "Delete environmentvariabledefinition",
    ]);

    org.delete("account", accountId);
    const orphan = org.retrieve("opportunity", opportunity);
    expect(orphan._parentaccountid_value).toBeNull();
    expect(Number(/\d+/.exec(String(orphan["@odata.etag"]))?.[0])).toBeGreaterThan(before);
  });
});
