/**
 * The packed solution imported into the Dataverse emulator over its Web API (the ImportSolution action), on an
 * organization without the co-sell schema: a corrupt zip is refused and changes nothing; the real zip creates every
 * column and choice as the emulator's seeded co-sell schema has them (a second emulator, seeded, is the reference),
 * the catalogue table, the web resources and the control with the built files, the environment variables with their
 * defaults, and the webhook endpoint (without a key) with both steps.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataverseEmulator } from "../../emulators/dataverse";
import { webhookFilteringColumns } from "../../core";
import { environmentVariableDefinitions } from "../../solution/definition";
import { call, clientCredentialsToken, objectOf, startTestEmulator } from "../emulators/dataverse/api/harness";
import { entriesOf, packedSolution } from "./builtSolution";

const API = "/api/data/v9.2";
let target: DataverseEmulator;
let reference: DataverseEmulator;
const tokens = new Map<DataverseEmulator, string>();

beforeAll(async () => {
  packedSolution();
  [target, reference] = await Promise.all([
    startTestEmulator({ coSellSchema: false, seed: { opportunities: 0 } }),
    startTestEmulator({ coSellSchema: true, seed: { opportunities: 0 } }),
  ]);
  for (const emulator of [target, reference]) tokens.set(emulator, await clientCredentialsToken(emulator));
});
afterAll(async () => {
  await Promise.all([target.close(), reference.close()]);
});

const api = (emulator: DataverseEmulator, method: string, path: string, body?: unknown) =>
  call(emulator, method, `${API}/${path}`, {
    token: tokens.get(emulator) ?? "",
    ...(body === undefined ? {} : { body }),
  });

const rows = async (path: string) => objectOf(await api(target, "GET", path)).value as Record<string, unknown>[];

function importSolution(zip: Uint8Array) {
  return api(target, "POST", "ImportSolution", { CustomizationFile: Buffer.from(zip).toString("base64") });
}

const stateOf = (emulator: DataverseEmulator) => ({ ...emulator.org.toSnapshot(), savedAt: "" });

describe("importing the packed solution", () => {
  it("refuses a corrupt zip with a clear message, and changes nothing", async () => {
    const before = stateOf(target);
    const { unmanaged } = packedSolution();
    const truncated = await importSolution(unmanaged.subarray(0, Math.floor(unmanaged.length / 2)));
    expect(truncated.status).toBe(400);
    expect(truncated.text).toMatch(/The solution can't be imported.*zip.*(damaged|not a zip)/s);
    const garbled = Uint8Array.from(unmanaged);
    for (let index = 200; index < 600; index += 1) garbled[index] = 0x5a;
    const refused = await importSolution(garbled);
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/can't be imported/);
    expect(stateOf(target)).toEqual(before);
  });

  it("is accepted", async () => {
    const imported = await importSolution(packedSolution().unmanaged);
    expect(imported.status, imported.text).toBe(204);
    const [solution] = await rows("solutions?$select=version,ismanaged&$filter=uniquename eq 'CoSellBridge'");
    expect(solution).toMatchObject({ version: packedSolution().version, ismanaged: false });
  });

  it("creates every co-sell column and choice as the seeded co-sell schema has them", async () => {
    const shape = "$select=LogicalName,AttributeType,MaxLength,Format,DefaultFormValue,IsCustomAttribute";
    const columnsOf = async (emulator: DataverseEmulator, table: string) => {
      const listed = objectOf(
        await api(emulator, "GET", `EntityDefinitions(LogicalName='${table}')/Attributes?${shape}`),
      );
      return (listed.value as Record<string, unknown>[])
        .filter((column) => column.IsCustomAttribute === true)
        .map((column): Record<string, unknown> => ({ ...column, MetadataId: undefined }))
        .sort((left, right) => String(left.LogicalName).localeCompare(String(right.LogicalName)));
    };
    for (const table of ["opportunity", "csb_partnercentersolution"]) {
      const imported = await columnsOf(target, table);
      expect(imported.length, table).toBeGreaterThan(0);
      expect(imported).toEqual(await columnsOf(reference, table));
    }
    const choices = async (emulator: DataverseEmulator) =>
      (
        objectOf(
          await api(
            emulator,
            "GET",
            "EntityDefinitions(LogicalName='opportunity')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName,OptionSet",
          ),
        ).value as { LogicalName: string; OptionSet: { Name: string; Options: { Value: number }[] } }[]
      ).map((column) => [
        column.LogicalName,
        column.OptionSet.Name,
        column.OptionSet.Options.map((option) => option.Value),
      ]);
    expect(await choices(target)).toEqual(await choices(reference));
    const table = objectOf(await api(target, "GET", "EntityDefinitions(LogicalName='csb_partnercentersolution')"));
    expect(table).toMatchObject({
      EntitySetName: "csb_partnercentersolutions",
      PrimaryNameAttribute: "csb_name",
      OwnershipType: "OrganizationOwned",
    });
  });

  it("creates the web resources and the PCF control from the built files", async () => {
    const entries = entriesOf(packedSolution().unmanaged);
    const resources = await rows("webresourceset?$select=name,content,webresourcetype&$filter=startswith(name,'csb_')");
    expect(resources.map((row) => row.name).sort()).toEqual([
      "csb_/icons/error.svg",
      "csb_/icons/notsynced.svg",
      "csb_/icons/pending.svg",
      "csb_/icons/synced.svg",
      "csb_/scripts/grid.js",
      "csb_/scripts/opportunity.js",
      "csb_/strings/opportunity.1033.resx",
      "csb_/strings/opportunity.1049.resx",
    ]);
    const script = resources.find((row) => row.name === "csb_/scripts/opportunity.js");
    const packedScript = [...entries].find(([name]) => name.startsWith("WebResources/csb_scriptsopportunityjs"))?.[1];
    expect(script?.webresourcetype).toBe(3);
    expect(Buffer.from(String(script?.content), "base64").equals(Buffer.from(packedScript ?? []))).toBe(true);
    const [control] = await rows("customcontrols?$select=name,manifest,version");
    expect(control?.name).toBe("csb_CoSellBridge.CoSellPanel");
    expect(String(control?.manifest)).toContain('constructor="CoSellPanel"');
    const bundle = await rows(
      "webresourceset?$select=content&$filter=name eq 'cc_csb_CoSellBridge.CoSellPanel/bundle.js'",
    );
    const packedBundle = entries.get("Controls/csb_CoSellBridge.CoSellPanel/bundle.js") ?? new Uint8Array();
    expect(Buffer.from(String(bundle[0]?.content), "base64").equals(Buffer.from(packedBundle))).toBe(true);
  });

  it("creates the environment variables with their defaults and no values", async () => {
    const definitions = await rows(
      "environmentvariabledefinitions?$select=schemaname,defaultvalue,type&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)",
    );
    expect(definitions.map((row) => [row.schemaname, row.defaultvalue ?? "", row.type]).sort()).toEqual(
      [
        ["csb_CountryField", "address1_country", 100_000_000],
        ["csb_DealValueField", "estimatedvalue", 100_000_000],
        ["csb_FieldMapping", "", 100_000_003],
        ["csb_ShowCheckmark", "yes", 100_000_002],
        ["csb_SyncCoSellOnly", "no", 100_000_002],
        ["csb_SyncEndpointUrl", "", 100_000_000],
      ].sort(),
    );
    expect(definitions).toHaveLength(environmentVariableDefinitions.length);
    for (const row of definitions) expect(row.environmentvariabledefinition_environmentvariablevalue).toEqual([]);
  });

  it("creates the webhook endpoint without a key, and the Create and Update steps with their post-images", async () => {
    const [endpoint] = await rows(
      "serviceendpoints?$select=serviceendpointid,name,url,contract,authtype,messageformat,isauthvalueset",
    );
    expect(endpoint).toMatchObject({
      name: "Co-sell Bridge",
      url: "https://cosell-bridge.invalid/webhooks/dataverse",
      contract: 8,
      authtype: 4,
      messageformat: 2,
      isauthvalueset: false,
    });
    const steps = await rows(
      `sdkmessageprocessingsteps?$select=name,mode,stage,filteringattributes,asyncautodelete&$filter=_eventhandler_value eq ${String(endpoint?.serviceendpointid)}&$orderby=name`,
    );
    expect(steps).toEqual([
      expect.objectContaining({
        name: "Co-sell Bridge: Create of opportunity",
        mode: 1,
        stage: 40,
        filteringattributes: null,
      }),
      expect.objectContaining({
        name: "Co-sell Bridge: Update of opportunity",
        mode: 1,
        stage: 40,
        asyncautodelete: true,
        filteringattributes: webhookFilteringColumns().join(","),
      }),
    ]);
    const images = await rows(
      "sdkmessageprocessingstepimages?$select=entityalias,imagetype,messagepropertyname,attributes",
    );
    expect(images.map((image) => [image.entityalias, image.imagetype, image.messagepropertyname]).sort()).toEqual([
      ["PostImage", 1, "Id"],
      ["PostImage", 1, "Target"],
    ]);
    expect(String(images[0]?.attributes).split(",")).toEqual(
      expect.arrayContaining(["csb_referralid", "csb_syncwithpartnercenter"]),
    );
  });
});
