/**
 * ImportSolution over HTTP with a realistic CoSellBridge zip (the solution reader's fixture): the csb_ schema becomes
 * usable through the Web API, the solution row records version and managed state, environment variable values
 * survive a re-import, the imported webhook fires once the admin sets its key, and a malformed zip is refused with
 * a clear message while nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentVariables, solutionIdentity, SyncStatus } from "../../../../core";
import type { DataverseEmulator } from "../../../../emulators/dataverse";
import { startReceiver, type Receiver } from "../webhooks/receiver";
import { coSellBridgeParts, syncEndpointValue } from "../solution/coSellBridgeFixture";
import { createStepId, serviceEndpointId } from "../solution/coSellBridgeComponents";
import { replaceInPart, zipParts } from "../solution/fixtureZip";
import {
  call,
  clientCredentialsToken,
  errorOf,
  idOfEntity,
  objectOf,
  startTestEmulator,
  type CallResult,
} from "./harness";

const API = "/api/data/v9.2";
const { syncEndpointUrl } = environmentVariables;

let emulator: DataverseEmulator;
let receiver: Receiver;
let token: string;

beforeAll(async () => {
  [emulator, receiver] = await Promise.all([startTestEmulator({ coSellSchema: false }), startReceiver()]);
  token = await clientCredentialsToken(emulator);
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

const api = (method: string, path: string, body?: unknown) =>
  call(emulator, method, `${API}/${path}`, { token, ...(body === undefined ? {} : { body }) });

function importSolution(zip: Uint8Array, parameters: Record<string, unknown> = {}): Promise<CallResult> {
  return api("POST", "ImportSolution", {
    CustomizationFile: Buffer.from(zip).toString("base64"),
    OverwriteUnmanagedCustomizations: false,
    PublishWorkflows: true,
    ImportJobId: "0c1d2e3f-0000-4000-8000-00000000f00d",
    ...parameters,
  });
}

function withVersion(version: string): Uint8Array {
  return zipParts(
    replaceInPart(coSellBridgeParts(), "solution.xml", "<Version>1.2.0.7</Version>", `<Version>${version}</Version>`),
  );
}

async function syncEndpointSetting(): Promise<{ id: string; value: string }> {
  const query = `environmentvariabledefinitions?$select=schemaname&$filter=schemaname eq '${syncEndpointUrl.schemaName}'&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)`;
  const [definition] = objectOf(await api("GET", query)).value as Record<string, unknown>[];
  const [value] = definition?.environmentvariabledefinition_environmentvariablevalue as {
    environmentvariablevalueid: string;
    value: string;
  }[];
  return { id: value?.environmentvariablevalueid ?? "", value: value?.value ?? "" };
}

describe("ImportSolution", () => {
  it("refuses a malformed zip with 400 and a clear message, changing nothing", async () => {
    const before = emulator.org.toSnapshot();
    const refused = await api("POST", "ImportSolution", {
      CustomizationFile: Buffer.from("not a zip at all").toString("base64"),
    });
    expect(refused.status).toBe(400);
    expect(errorOf(refused).message).toMatch(/^The solution can't be imported \(1 problem\):\n1\. \(zip\): /);
    const missingPart = await importSolution(zipParts({ "solution.xml": "<ImportExportXml />" }));
    expect(missingPart.status).toBe(400);
    expect(errorOf(missingPart).message).toContain("customizations.xml");
    expect((await api("POST", "ImportSolution", { CustomizationFile: "***" })).status).toBe(400);
    expect((await api("POST", "ImportSolution", {})).status).toBe(400);
    const after = emulator.org.toSnapshot();
    expect({ ...after, savedAt: "" }).toEqual({ ...before, savedAt: "" });
  });

  it("imports the solution: the csb_ schema, the solution row and the environment variables", async () => {
    expect((await api("GET", "EntityDefinitions(LogicalName='csb_partnercentersolution')")).status).toBe(404);
    const imported = await importSolution(zipParts(coSellBridgeParts()));
    expect(imported.status, imported.text).toBe(204);

    const table = objectOf(
      await api("GET", "EntityDefinitions(LogicalName='csb_partnercentersolution')?$select=EntitySetName"),
    );
    const created = await api(`POST`, String(table.EntitySetName), {
      csb_name: "Contoso Insights",
      csb_solutionid: "SOL-12345-ABC",
    });
    expect(created.status).toBe(204);
    const opportunity = await api("POST", "opportunities?$select=csb_syncwithpartnercenter,csb_syncstatus", {
      name: "Imported schema at work",
      csb_syncwithpartnercenter: true,
      csb_syncstatus: SyncStatus.Pending,
    });
    expect(opportunity.status).toBe(204);
    const id = idOfEntity(opportunity.headers.get("odata-entityid"));
    const row = objectOf(await api("GET", `opportunities(${id})?$select=csb_syncwithpartnercenter,csb_syncstatus`));
    expect(row).toMatchObject({ csb_syncwithpartnercenter: true, csb_syncstatus: SyncStatus.Pending });

    const [solution] = objectOf(
      await api("GET", `solutions?$select=version,ismanaged&$filter=uniquename eq '${solutionIdentity.uniqueName}'`),
    ).value as Record<string, unknown>[];
    expect(solution).toMatchObject({ version: "1.2.0.7", ismanaged: false });
    expect((await syncEndpointSetting()).value).toBe(syncEndpointValue);
    const endpoint = objectOf(
      await api("GET", `serviceendpoints(${serviceEndpointId})?$select=name,isauthvalueset,contract`),
    );
    expect(endpoint).toMatchObject({ contract: 8, isauthvalueset: false });
    const steps = objectOf(
      await api("GET", `sdkmessageprocessingsteps?$select=name&$filter=_eventhandler_value eq ${serviceEndpointId}`),
    );
    expect(steps.value).toHaveLength(2);
    const resources = objectOf(await api("GET", "webresourceset?$select=name&$filter=startswith(name,'csb_')"));
    expect((resources.value as unknown[]).length).toBeGreaterThan(0);
  });

  it("keeps the admin's environment variable value when the solution is imported again as an upgrade", async () => {
    const setting = await syncEndpointSetting();
    expect(
      (await api("PATCH", `environmentvariablevalues(${setting.id})`, { value: "https://sync.contoso.example" }))
        .status,
    ).toBe(204);
    expect((await importSolution(withVersion("1.2.1.0"))).status).toBe(204);
    expect((await syncEndpointSetting()).value).toBe("https://sync.contoso.example");
    const [solution] = objectOf(
      await api("GET", `solutions?$select=version&$filter=uniquename eq '${solutionIdentity.uniqueName}'`),
    ).value as Record<string, unknown>[];
    expect(solution?.version).toBe("1.2.1.0");
    const downgrade = await importSolution(withVersion("1.0.0.0"));
    expect(downgrade.status).toBe(400);
    expect(errorOf(downgrade).message).toContain("nothing was changed");
  });

  it("calls the imported webhook once the admin points it at a receiver and sets its key", async () => {
    expect((await api("PATCH", `serviceendpoints(${serviceEndpointId})`, { url: receiver.url })).status).toBe(204);
    await emulator.admin.setAuthValue(serviceEndpointId, "imported-hook-key");
    const created = await api("POST", "opportunities", { name: "Fires the imported Create step" });
    const id = idOfEntity(created.headers.get("odata-entityid"));
    await receiver.received(1);
    await emulator.idle();
    const [request] = receiver.requests;
    expect(request?.query.get("code")).toBe("imported-hook-key");
    const body = JSON.parse(request?.text ?? "{}") as Record<string, unknown>;
    expect(body).toMatchObject({
      MessageName: "Create",
      PrimaryEntityId: id,
      OwningExtension: { Id: createStepId },
      PostEntityImages: [{ key: "PostImage" }],
    });
  });
});
