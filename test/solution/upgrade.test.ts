/**
 * A newer version of the packed solution over the installed one, through the Dataverse emulator's Web API: the
 * upgrade goes through (unmanaged and managed alike) and keeps what the admin set after the first import, the
 * environment variable values and the webhook key. The newer version is the same build packed with a higher revision,
 * as CI would number it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataverseEmulator } from "../../emulators/dataverse";
import { call, clientCredentialsToken, objectOf, startTestEmulator } from "../emulators/dataverse/api/harness";
import { packedSolution } from "./builtSolution";

const API = "/api/data/v9.2";
let emulator: DataverseEmulator;
let token: string;

beforeAll(async () => {
  packedSolution();
  emulator = await startTestEmulator({ coSellSchema: false, seed: { opportunities: 0 } });
  token = await clientCredentialsToken(emulator);
});
afterAll(async () => {
  await emulator.close();
});

const api = (method: string, path: string, body?: unknown) =>
  call(emulator, method, `${API}/${path}`, { token, ...(body === undefined ? {} : { body }) });
const rows = async (path: string) => objectOf(await api("GET", path)).value as Record<string, unknown>[];

/** The installed version with its revision raised by one. */
function nextVersion(version: string): string {
  const parts = version.split(".").map(Number);
  return [...parts.slice(0, 3), (parts[3] ?? 0) + 1].join(".");
}

async function importZip(zip: Uint8Array): Promise<void> {
  const result = await api("POST", "ImportSolution", { CustomizationFile: Buffer.from(zip).toString("base64") });
  expect(result.status, result.text).toBe(204);
}

async function installed(): Promise<Record<string, unknown> | undefined> {
  return (await rows("solutions?$select=version,ismanaged&$filter=uniquename eq 'CoSellBridge'"))[0];
}

async function variable(schemaName: string): Promise<{ id: string; values: string[] }> {
  const [definition] = await rows(
    `environmentvariabledefinitions?$select=environmentvariabledefinitionid&$filter=schemaname eq '${schemaName}'` +
      "&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)",
  );
  const values = (definition?.environmentvariabledefinition_environmentvariablevalue ?? []) as { value: string }[];
  return { id: String(definition?.environmentvariabledefinitionid), values: values.map((value) => value.value) };
}

async function setVariable(schemaName: string, value: string): Promise<void> {
  const { id } = await variable(schemaName);
  const created = await api("POST", "environmentvariablevalues", {
    value,
    schemaname: schemaName,
    "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${id})`,
  });
  expect(created.status, created.text).toBe(204);
}

describe("upgrading the solution", () => {
  it("installs a newer unmanaged version over the installed one, keeping the admin's settings", async () => {
    const first = packedSolution();
    await importZip(first.unmanaged);
    expect(await installed()).toMatchObject({ version: first.version, ismanaged: false });
    await setVariable("csb_SyncEndpointUrl", "https://cosell-bridge.contoso.example");
    await setVariable("csb_ShowCheckmark", "no");
    const [endpoint] = await rows("serviceendpoints?$select=serviceendpointid");
    await emulator.admin.setAuthValue(String(endpoint?.serviceendpointid), "the-admins-webhook-key");

    const newer = packedSolution(nextVersion(first.version));
    await importZip(newer.unmanaged);
    expect(await installed()).toMatchObject({ version: newer.version, ismanaged: false });
    expect((await variable("csb_SyncEndpointUrl")).values).toEqual(["https://cosell-bridge.contoso.example"]);
    expect((await variable("csb_ShowCheckmark")).values).toEqual(["no"]);
    const [after] = await rows("serviceendpoints?$select=serviceendpointid,isauthvalueset");
    expect(after).toMatchObject({ serviceendpointid: endpoint?.serviceendpointid, isauthvalueset: true });
    expect(await rows("sdkmessageprocessingsteps?$select=name&$filter=startswith(name,'Co-sell Bridge')")).toHaveLength(
      2,
    );
    expect(await rows("webresourceset?$select=name&$filter=startswith(name,'csb_')")).toHaveLength(8);
  });

  it("installs the managed zip on a fresh organization and upgrades it as managed", async () => {
    await emulator.admin.reset({ opportunities: 0 });
    token = await clientCredentialsToken(emulator);
    const first = packedSolution();
    await importZip(first.managed);
    expect(await installed()).toMatchObject({ version: first.version, ismanaged: true });
    await setVariable("csb_DealValueField", "budgetamount");
    const newer = packedSolution(nextVersion(first.version));
    await importZip(newer.managed);
    expect(await installed()).toMatchObject({ version: newer.version, ismanaged: true });
    expect((await variable("csb_DealValueField")).values).toEqual(["budgetamount"]);
  });
});
