/**
 * The Web API's protocol over raw fetch (dataverse.md §4.1, §4.2): status codes and headers of writes
 * (OData-EntityId, OData-Version, Prefer and Preference-Applied, ETag), conditional requests, annotations, query
 * options, navigation, errors, and EntityDefinitions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opportunityTable } from "../../../../core";
import type { DataverseEmulator } from "../../../../emulators/dataverse";
import {
  call,
  clientCredentialsToken,
  errorOf,
  idOfEntity,
  objectOf,
  startTestEmulator,
  type CallOptions,
} from "./harness";

const API = "/api/data/v9.2";

let emulator: DataverseEmulator;
let token: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: { opportunities: 30 } });
  token = await clientCredentialsToken(emulator);
});

afterAll(async () => {
  await emulator.close();
});

const api = (method: string, path: string, options: Omit<CallOptions, "token"> = {}) =>
  call(emulator, method, `${API}/${path}`, { token, ...options });

describe("writes", () => {
  it("answers a create with 204 and OData-EntityId, or 201 and the row with return=representation", async () => {
    const plain = await api("POST", "accounts", { body: { name: "Northwind Traders" } });
    expect(plain.status).toBe(204);
    expect(plain.text).toBe("");
    expect(plain.headers.get("odata-version")).toBe("4.0");
    const id = idOfEntity(plain.headers.get("odata-entityid"));
    expect(plain.headers.get("odata-entityid")).toBe(`${emulator.apiUrl}/accounts(${id})`);
    expect(plain.headers.get("x-ms-service-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const represented = await api("POST", "accounts?$select=name", {
      body: { name: "Fabrikam Ltd" },
      headers: { prefer: "return=representation" },
    });
    expect(represented.status).toBe(201);
    expect(represented.headers.get("preference-applied")).toBe("return=representation");
    expect(represented.headers.get("content-type")).toContain("application/json; odata.metadata=minimal");
    const row = objectOf(represented);
    expect(row["@odata.context"]).toBe(`${emulator.apiUrl}/$metadata#accounts/$entity`);
    expect(row["@odata.etag"]).toBe(represented.headers.get("etag"));
    expect(Object.keys(row).sort()).toEqual(["@odata.context", "@odata.etag", "accountid", "name"]);
  });

  it("updates with PATCH (200 and the row with representation), upserts, and honours If-Match and If-None-Match", async () => {
    const id = idOfEntity(
      (await api("POST", "accounts", { body: { name: "Blue Yonder" } })).headers.get("odata-entityid"),
    );
    const updated = await api("PATCH", `accounts(${id})?$select=name`, {
      body: { name: "Blue Yonder Airlines" },
      headers: { prefer: "return=representation" },
    });
    expect(updated.status).toBe(200);
    expect(objectOf(updated).name).toBe("Blue Yonder Airlines");

    const newId = "7b1b3c4d-0000-4000-8000-00000000a001";
    const upserted = await api("PATCH", `accounts(${newId})`, { body: { name: "Created by upsert" } });
    expect(upserted.status).toBe(204);
    expect(upserted.headers.get("odata-entityid")).toBe(`${emulator.apiUrl}/accounts(${newId})`);

    const missing = "7b1b3c4d-0000-4000-8000-00000000a002";
    const guarded = await api("PATCH", `accounts(${missing})`, { body: { name: "x" }, headers: { "if-match": "*" } });
    expect(guarded.status).toBe(404);
    expect(errorOf(guarded)).toEqual({ code: "0x80040217", message: `account With Id = ${missing} Does Not Exist` });

    const noUpdate = await api("PATCH", `accounts(${id})`, { body: { name: "x" }, headers: { "if-none-match": "*" } });
    expect(noUpdate.status).toBe(412);
    expect(errorOf(noUpdate)).toEqual({
      code: "0x80040237",
      message: "A record with matching key values already exists.",
    });

    const deleted = await api("DELETE", `accounts(${id})`, { headers: { "if-match": 'W/"1"' } });
    expect(deleted.status).toBe(412);
    expect(errorOf(deleted).code).toBe("0x80060882");
    expect((await api("DELETE", `accounts(${id})`)).status).toBe(204);
    expect((await api("GET", `accounts(${id})`)).status).toBe(404);
  });

  it("answers a conditional GET with 304 while the row is unchanged", async () => {
    const id = idOfEntity(
      (await api("POST", "accounts", { body: { name: "Proseware" } })).headers.get("odata-entityid"),
    );
    const first = await api("GET", `accounts(${id})?$select=name`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/"\d+"$/);
    expect((await api("GET", `accounts(${id})?$select=name`, { headers: { "if-none-match": etag } })).status).toBe(304);
    await api("PATCH", `accounts(${id})`, { body: { name: "Proseware Inc" } });
    const changed = await api("GET", `accounts(${id})?$select=name`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(objectOf(changed).name).toBe("Proseware Inc");
  });
});

describe("queries", () => {
  it("filters, orders, counts and pages; refuses $top with odata.maxpagesize", async () => {
    const open = await api(
      "GET",
      "opportunities?$select=name,estimatedvalue&$filter=statecode eq 0 and not (estimatedvalue lt 1000)&$orderby=estimatedvalue desc&$count=true",
    );
    const body = objectOf(open);
    const rows = body.value as { estimatedvalue: number }[];
    expect(body["@odata.count"]).toBe(rows.length);
    expect(rows.map((row) => row.estimatedvalue)).toEqual(
      [...rows.map((row) => row.estimatedvalue)].sort((a, b) => b - a),
    );
    const paged = await api("GET", "opportunities?$select=name", { headers: { prefer: "odata.maxpagesize=7" } });
    expect(objectOf(paged).value).toHaveLength(7);
    expect(paged.headers.get("preference-applied")).toBe("odata.maxpagesize=7");
    const next = String(objectOf(paged)["@odata.nextLink"]);
    expect(next.startsWith(`${emulator.apiUrl}/opportunities?$select=name&$skiptoken=`)).toBe(true);
    const both = await api("GET", "opportunities?$top=3", { headers: { prefer: "odata.maxpagesize=7" } });
    expect(both.status).toBe(400);
    expect((await api("GET", "opportunities?$skip=3")).status).toBe(400);
  });

  it("adds formatted values and lookup logical names when asked for annotations", async () => {
    const all = await api("GET", "opportunities?$select=salesstage,statecode,_parentaccountid_value&$top=1", {
      headers: { prefer: 'odata.include-annotations="*"' },
    });
    const [row] = objectOf(all).value as Record<string, unknown>[];
    expect(typeof row?.["salesstage@OData.Community.Display.V1.FormattedValue"]).toBe("string");
    expect(row?.["statecode@OData.Community.Display.V1.FormattedValue"]).toMatch(/^(Open|Won|Lost)$/);
    expect(row?.["_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname"]).toBe("account");
    const formattedOnly = await api("GET", "opportunities?$select=salesstage,_parentaccountid_value&$top=1", {
      headers: { prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"' },
    });
    const [plain] = objectOf(formattedOnly).value as Record<string, unknown>[];
    expect(plain?.["_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname"]).toBeUndefined();
    expect(plain?.["salesstage@OData.Community.Display.V1.FormattedValue"]).toBeDefined();
  });

  it("expands one level, reads a property and follows a relationship", async () => {
    const definitions = await api(
      "GET",
      "environmentvariabledefinitions?$select=schemaname,defaultvalue,type&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)",
    );
    const [definition] = objectOf(definitions).value as Record<string, unknown>[];
    expect(definition?.environmentvariabledefinition_environmentvariablevalue).toEqual([]);

    const [opportunity] = objectOf(
      await api(
        "GET",
        "opportunities?$select=name&$expand=parentaccountid($select=name)&$filter=_parentaccountid_value ne null&$top=1",
      ),
    ).value as Record<string, unknown>[];
    const account = opportunity?.parentaccountid as Record<string, unknown>;
    expect(typeof account.name).toBe("string");
    const name = await api("GET", `opportunities(${String(opportunity?.opportunityid)})/name`);
    expect(objectOf(name).value).toBe(opportunity?.name);
    const related = await api(
      "GET",
      `accounts(${String(account.accountid)})/account_opportunity_parentaccountid?$select=name`,
    );
    const names = (objectOf(related).value as { name: string }[]).map((row) => row.name);
    expect(names).toContain(opportunity?.name);
    expect((await api("GET", "accounts/$count")).text).toMatch(/^\d+$/);
  });

  it("answers unknown resources, properties and methods in the error shape", async () => {
    const unknownSet = await api("GET", "opportunity");
    expect(unknownSet.status).toBe(404);
    expect(errorOf(unknownSet)).toEqual({
      code: "0x8006088a",
      message: "Resource not found for the segment 'opportunity'.",
    });
    const unknownColumn = await api("GET", "opportunities?$select=nosuchcolumn");
    expect(unknownColumn.status).toBe(400);
    expect(errorOf(unknownColumn).code).toBe("0x80060888");
    const badFilter = await api("GET", "opportunities?$filter=name eq");
    expect(badFilter.status).toBe(400);
    const wrongMethod = await api("PUT", "accounts", { body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("odata-version")).toBe("4.0");
  });
});

describe("EntityDefinitions", () => {
  it("describes a table, its attributes and a choice's options", async () => {
    const entity = objectOf(
      await api(
        "GET",
        "EntityDefinitions(LogicalName='opportunity')?$select=IsOptimisticConcurrencyEnabled,EntitySetName",
      ),
    );
    expect(entity).toMatchObject({ IsOptimisticConcurrencyEnabled: true, EntitySetName: opportunityTable.entitySet });
    expect(Object.keys(entity).sort()).toEqual([
      "@odata.context",
      "EntitySetName",
      "IsOptimisticConcurrencyEnabled",
      "MetadataId",
    ]);

    const attributes = objectOf(
      await api("GET", "EntityDefinitions(LogicalName='opportunity')/Attributes?$select=LogicalName,AttributeType"),
    );
    const byName = new Map(
      (attributes.value as { LogicalName: string; AttributeType: string }[]).map((a) => [
        a.LogicalName,
        a.AttributeType,
      ]),
    );
    expect(byName.get("estimatedvalue")).toBe("Money");
    expect(byName.get("csb_microsofthelp")).toBe("Virtual");
    expect(byName.get("parentaccountid")).toBe("Lookup");

    const picklists = objectOf(
      await api(
        "GET",
        "EntityDefinitions(LogicalName='opportunity')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName,OptionSet&$expand=OptionSet",
      ),
    );
    const salesStage = (picklists.value as { LogicalName: string; OptionSet: { Options: { Value: number }[] } }[]).find(
      (attribute) => attribute.LogicalName === "salesstage",
    );
    expect(salesStage?.OptionSet.Options.map((option) => option.Value)).toEqual([0, 1, 2, 3]);

    const filtered = objectOf(
      await api("GET", "EntityDefinitions?$select=LogicalName&$filter=startswith(LogicalName,'csb_')"),
    );
    expect(filtered.value).toEqual([expect.objectContaining({ LogicalName: "csb_partnercentersolution" })]);
    expect((await api("GET", "EntityDefinitions(LogicalName='nosuchtable')")).status).toBe(404);
  });
});
