import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDataverseEmulator, type DataverseEmulator } from "../../emulators/dataverse";
import { xrmWebApiReader, type DataverseReader, type WebApiReads } from "../../webresources/dataverse/dataverseReader";
import { settingsOf } from "../../webresources/dataverse/settings";
import { clientCredentialsToken } from "../emulators/dataverse/api/harness";

describe("settingsOf", () => {
  it("uses the solution's defaults when no value is set", () => {
    const settings = settingsOf({});

    expect(settings).toMatchObject({
      endpointUrl: null,
      endpointProblem: "empty",
      showCheckmark: true,
      syncCoSellOnly: false,
      serviceScope: null,
      mappingErrors: [],
    });
    expect(settings.mapping?.dealValue.column).toBe("estimatedvalue");
  });

  it("reads values case-insensitively, trims them and drops the endpoint's trailing slash", () => {
    const settings = settingsOf({
      CSB_SYNCENDPOINTURL: " https://sync.contoso.example/bridge/ ",
      csb_showcheckmark: "No",
      csb_SyncCoSellOnly: "yes",
      csb_SyncServiceScope: "api://cosell-bridge/user_impersonation",
      csb_DealValueField: "budgetamount",
    });

    expect(settings.endpointUrl).toBe("https://sync.contoso.example/bridge");
    expect(settings.showCheckmark).toBe(false);
    expect(settings.syncCoSellOnly).toBe(true);
    expect(settings.serviceScope).toBe("api://cosell-bridge/user_impersonation");
    expect(settings.mapping?.dealValue.column).toBe("budgetamount");
  });

  it("takes plain http only for the local demo", () => {
    expect(settingsOf({ csb_SyncEndpointUrl: "http://localhost:4180" }).endpointUrl).toBe("http://localhost:4180");
    expect(settingsOf({ csb_SyncEndpointUrl: "http://sync.contoso.example" })).toMatchObject({
      endpointUrl: null,
      endpointProblem: "invalid",
    });
    expect(settingsOf({ csb_SyncEndpointUrl: "sync.contoso.example" }).endpointProblem).toBe("invalid");
  });

  it("keeps every mapping error for the admin instead of guessing a mapping", () => {
    const settings = settingsOf({ csb_CountryField: "Country!", csb_FieldMapping: "{not json" });

    expect(settings.mapping).toBeNull();
    expect(settings.mappingErrors).toHaveLength(2);
  });
});

/** Xrm.WebApi's two reads over the Dataverse Web API: rows as the platform returns them, `{ errorCode, message }` on failure. */
function xrmWebApiOver(emulator: DataverseEmulator, token: string): WebApiReads {
  const entitySets: Readonly<Record<string, string>> = {
    environmentvariabledefinition: "environmentvariabledefinitions",
    account: "accounts",
  };
  const get = async (path: string): Promise<Record<string, unknown>> => {
    const response = await fetch(`${emulator.apiUrl}/${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json", "OData-Version": "4.0" },
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) {
      const error = body.error as { code: string; message: string };
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- Xrm.WebApi rejects with a plain object, not an Error.
      throw { errorCode: response.status, message: error.message, code: error.code };
    }
    return body;
  };
  const reads = {
    retrieveRecord: (table: string, id: string, options = "") => get(`${entitySets[table] ?? table}(${id})${options}`),
    retrieveMultipleRecords: async (table: string, options = "") => {
      const body = await get(`${entitySets[table] ?? table}${options}`);
      return { entities: body.value as unknown[] };
    },
  };
  return reads as unknown as WebApiReads;
}

describe("the Xrm.WebApi reader against the Dataverse emulator", () => {
  let emulator: DataverseEmulator;
  let token: string;
  let reader: DataverseReader;

  beforeAll(async () => {
    emulator = await startDataverseEmulator({ idsSeed: "webresources-reader", seed: { opportunities: 5 } });
    token = await clientCredentialsToken(emulator);
    reader = xrmWebApiReader(xrmWebApiOver(emulator, token));
  });

  afterAll(async () => {
    await emulator.close();
  });

  it("reads every csb_ variable with its default, and a value once one is set", async () => {
    const before = await reader.environmentVariables("csb_");
    expect(before).toMatchObject({ csb_ShowCheckmark: "yes", csb_SyncEndpointUrl: null });

    const definitions = await fetch(
      `${emulator.apiUrl}/environmentvariabledefinitions?$select=environmentvariabledefinitionid&$filter=schemaname eq 'csb_SyncEndpointUrl'`,
      { headers: { authorization: `Bearer ${token}` } },
    ).then((response) => response.json() as Promise<{ value: { environmentvariabledefinitionid: string }[] }>);
    const definitionId = definitions.value[0]?.environmentvariabledefinitionid ?? "";
    const created = await fetch(`${emulator.apiUrl}/environmentvariablevalues`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        schemaname: "csb_SyncEndpointUrl",
        value: "https://sync.contoso.example",
        "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${definitionId})`,
      }),
    });
    expect(created.status).toBe(204);

    const after = await reader.environmentVariables("csb_");
    expect(after.csb_SyncEndpointUrl).toBe("https://sync.contoso.example");
    expect(settingsOf(after).endpointUrl).toBe("https://sync.contoso.example");
  });

  it("reads the columns of one row, accepting the form's {GUID} id", async () => {
    const accounts = await fetch(`${emulator.apiUrl}/accounts?$select=accountid,name&$top=1`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((response) => response.json() as Promise<{ value: { accountid: string; name: string }[] }>);
    const account = accounts.value[0];
    if (account === undefined) throw new Error("the demo organization has no account");

    const row = await reader.retrieve("account", `{${account.accountid.toUpperCase()}}`, ["name", "address1_country"]);

    expect(row.name).toBe(account.name);
    expect(row).toHaveProperty("address1_country");
  });

  it("rejects with Dataverse's message for a row that does not exist", async () => {
    await expect(reader.retrieve("account", "00000000-0000-0000-0000-0000000000aa", ["name"])).rejects.toThrow(
      /0{8}-0{4}-0{4}-0{4}-0{10}aa/,
    );
  });
});
