import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../../emulators/dataverse/model";
import { anOpportunity, expectRefusal, newOrganization } from "./builders";

const apiRoot = "https://org.crm.dynamics.com/api/data/v9.2";

describe("lookups", () => {
  it("binds with @odata.bind, reads back as _x_value, and clears with null", () => {
    const { org, accountId } = newOrganization();
    const contactId = org.create("contact", {
      lastname: "Silva",
      "parentcustomerid_account@odata.bind": `/accounts(${accountId})`,
    }).id;
    const { id } = org.create(
      "opportunity",
      anOpportunity(accountId, {
        "customerid_contact@odata.bind": `${apiRoot}/contacts(${contactId.toUpperCase()})`,
      }),
    );
    expect(org.retrieve("opportunity", id)).toMatchObject({
      _parentaccountid_value: accountId,
      _customerid_value: contactId,
    });
    expect(org.retrieve("contact", contactId)._parentcustomerid_value).toBe(accountId);
    org.update("opportunity", id, { "parentaccountid@odata.bind": null, customerid: null });
    expect(org.retrieve("opportunity", id)).toMatchObject({ _parentaccountid_value: null, _customerid_value: null });
  });

  it("refuses a bind to a missing row with 404 naming the row", () => {
    const { org } = newOrganization();
    const missing = "00000000-0000-4000-8000-0000000000ff";
    expectRefusal(
      () => org.create("opportunity", { name: "x", "parentaccountid@odata.bind": `/accounts(${missing})` }),
      404,
      ErrorCode.objectDoesNotExist,
      `account With Id = ${missing} Does Not Exist`,
    );
  });

  it("refuses a bind to the wrong entity set, a malformed reference and an unknown navigation", () => {
    const { org, accountId } = newOrganization();
    expectRefusal(
      () => org.create("opportunity", { "parentaccountid@odata.bind": `/contacts(${accountId})` }),
      400,
      ErrorCode.payloadError,
      /"\/accounts\(<id>\)"/,
    );
    expectRefusal(
      () => org.create("opportunity", { "parentaccountid@odata.bind": "/accounts(name='x')" }),
      400,
      ErrorCode.payloadError,
      /parentaccountid@odata\.bind/,
    );
    expectRefusal(
      () => org.create("opportunity", { "customerid@odata.bind": `/accounts(${accountId})` }),
      400,
      ErrorCode.propertyNotFound,
      /named 'customerid'/,
    );
    expectRefusal(
      () => org.create("opportunity", { parentaccountid: { name: "Deep insert" } }),
      400,
      ErrorCode.payloadError,
      /@odata\.bind/,
    );
  });

  it("uses the documented navigation name to bind an environment variable value to its definition", () => {
    const { org } = newOrganization();
    const definition = org.create("environmentvariabledefinition", {
      schemaname: "csb_SyncEndpointUrl",
      displayname: "Sync endpoint",
    }).id;
    const value = org.create("environmentvariablevalue", {
      value: "https://sync.example",
      "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${definition})`,
    }).id;
    expect(org.retrieve("environmentvariablevalue", value)._environmentvariabledefinitionid_value).toBe(definition);
  });
});
