import { describe, expect, it } from "vitest";
import {
  DataverseOrganization,
  EnvironmentVariableType,
  opportunityMessageFilterIds,
  sdkMessageIds,
  type ColumnDefinition,
} from "../../../../emulators/dataverse/model";

function columnOf(org: DataverseOrganization, table: string, name: string): ColumnDefinition {
  const found = org.metadata.column(table, name);
  if (found === undefined) throw new Error(`${table}.${name} is missing`);
  return found;
}

describe("system tables", () => {
  it.each([
    ["opportunity", "opportunities", "opportunityid", "name", true],
    ["account", "accounts", "accountid", "name", true],
    ["contact", "contacts", "contactid", "fullname", true],
    ["transactioncurrency", "transactioncurrencies", "transactioncurrencyid", "currencyname", true],
    ["systemuser", "systemusers", "systemuserid", "fullname", true],
    ["opportunityclose", "opportunitycloses", "activityid", "subject", true],
    [
      "environmentvariabledefinition",
      "environmentvariabledefinitions",
      "environmentvariabledefinitionid",
      "schemaname",
      true,
    ],
    ["environmentvariablevalue", "environmentvariablevalues", "environmentvariablevalueid", "schemaname", true],
    ["serviceendpoint", "serviceendpoints", "serviceendpointid", "name", true],
    ["sdkmessageprocessingstep", "sdkmessageprocessingsteps", "sdkmessageprocessingstepid", "name", true],
    [
      "sdkmessageprocessingstepimage",
      "sdkmessageprocessingstepimages",
      "sdkmessageprocessingstepimageid",
      "name",
      true,
    ],
    ["asyncoperation", "asyncoperations", "asyncoperationid", "name", false],
    ["webresource", "webresourceset", "webresourceid", "name", true],
    ["solution", "solutions", "solutionid", "friendlyname", true],
    ["publisher", "publishers", "publisherid", "friendlyname", true],
    ["customcontrol", "customcontrols", "customcontrolid", "name", true],
  ])(
    "%s has set %s, key %s, name %s",
    (logicalName, entitySetName, primaryIdAttribute, primaryNameAttribute, concurrency) => {
      const org = new DataverseOrganization();
      expect(org.metadata.table(entitySetName)).toMatchObject({
        logicalName,
        entitySetName,
        primaryIdAttribute,
        primaryNameAttribute,
        isOptimisticConcurrencyEnabled: concurrency,
        isCustomEntity: false,
        isManaged: false,
      });
    },
  );

  it("types the opportunity's key columns as the reference describes", () => {
    const org = new DataverseOrganization();
    expect(columnOf(org, "opportunity", "estimatedvalue")).toMatchObject({ type: "Money", precision: 2 });
    expect(columnOf(org, "opportunity", "estimatedclosedate")).toMatchObject({
      type: "DateTime",
      behavior: "DateOnly",
    });
    expect(columnOf(org, "opportunity", "customerid")).toMatchObject({
      type: "Lookup",
      targets: [
        expect.objectContaining({ table: "account", navigationProperty: "customerid_account" }),
        expect.objectContaining({ table: "contact", navigationProperty: "customerid_contact" }),
      ],
    });
    const status = columnOf(org, "opportunity", "statuscode");
    expect(
      status.type === "Status" && org.metadata.optionsOf(status).map((option) => [option.value, option.state]),
    ).toEqual([
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 2],
      [5, 2],
    ]);
    const envType = columnOf(org, "environmentvariabledefinition", "type");
    expect(envType.type === "Picklist" && org.metadata.optionsOf(envType).map((option) => option.value)).toContain(
      EnvironmentVariableType.Secret,
    );
    expect(columnOf(org, "serviceendpoint", "authvalue")).toMatchObject({ isValidForRead: false, maxLength: 2048 });
  });

  it("has the SDK messages and opportunity filters a webhook registration looks up (§3.1)", () => {
    const org = new DataverseOrganization();
    const update = org.retrieveMultiple("sdkmessages", { filter: "name eq 'Update'", select: "name" }).value;
    expect(update.map((row) => row.sdkmessageid)).toEqual([sdkMessageIds.Update]);
    // The platform's own id, which solution zips reference in <SdkMessageId>.
    expect(sdkMessageIds.Update).toBe("20bebb1b-ea3e-db11-86a7-000a3a5473e8");
    const filters = org.retrieveMultiple("sdkmessagefilters", {
      filter: `primaryobjecttypecode eq 'opportunity' and _sdkmessageid_value eq ${sdkMessageIds.Update}`,
    }).value;
    expect(filters.map((row) => row.sdkmessagefilterid)).toEqual([opportunityMessageFilterIds.Update]);
    const names = org.retrieveMultiple("sdkmessages", { orderBy: "name", select: "name" }).value.map((row) => row.name);
    expect(names).toEqual(["Create", "Delete", "Lose", "Update", "Win"]);
  });

  it("stores a webhook registration shaped like the reference's example", () => {
    const org = new DataverseOrganization();
    const endpoint = org.create("serviceendpoints", {
      name: "pc-sync",
      url: "https://sync.example/dv-webhook",
      contract: 8,
      authtype: 4,
      authvalue: "<key>",
      messageformat: 2,
    }).id;
    const step = org.create("sdkmessageprocessingsteps", {
      name: "pc-sync: Update of opportunity",
      mode: 1,
      stage: 40,
      rank: 1,
      supporteddeployment: 0,
      asyncautodelete: true,
      filteringattributes: "name,estimatedvalue,estimatedclosedate,statecode,statuscode,description",
      "eventhandler_serviceendpoint@odata.bind": `/serviceendpoints(${endpoint})`,
      "sdkmessageid@odata.bind": `/sdkmessages(${sdkMessageIds.Update})`,
      "sdkmessagefilterid@odata.bind": `/sdkmessagefilters(${opportunityMessageFilterIds.Update})`,
    }).id;
    org.create("sdkmessageprocessingstepimages", {
      name: "post",
      imagetype: 1,
      entityalias: "post",
      messagepropertyname: "Target",
      "sdkmessageprocessingstepid@odata.bind": `/sdkmessageprocessingsteps(${step})`,
    });
    const row = org.retrieve("sdkmessageprocessingstep", step, { includeAnnotations: "*" });
    expect(row).toMatchObject({
      _eventhandler_value: endpoint,
      "_eventhandler_value@Microsoft.Dynamics.CRM.lookuplogicalname": "serviceendpoint",
      statecode: 0,
      statuscode: 1,
    });
    const endpoints = org.retrieveMultiple("serviceendpoints", {
      filter: "contract eq 8",
      select: "serviceendpointid,name,authtype,url",
    }).value;
    expect(endpoints).toHaveLength(1);
    org.create("asyncoperations", {
      name: "pc-sync",
      statecode: 3,
      statuscode: 31,
      errorcode: -2147220970,
      message: "502",
      "owningextensionid@odata.bind": `/sdkmessageprocessingsteps(${step})`,
    });
    const failed = org.retrieveMultiple("asyncoperations", {
      filter: `statuscode eq 31 and _owningextensionid_value eq ${step}`,
      select: "name,friendlymessage,errorcode,message,completedon",
    });
    expect(failed.value).toHaveLength(1);
    org.delete("sdkmessageprocessingstep", step);
    expect(org.retrieveMultiple("sdkmessageprocessingstepimages").value).toEqual([]);
  });
});
