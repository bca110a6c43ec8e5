/**
 * Managed upgrades through a holding solution over HTTP: ImportSolutionAsync with HoldingSolution installs the new
 * version as CoSellBridge_Upgrade beside the installed CoSellBridge; DeleteAndPromote then leaves one CoSellBridge at
 * the new version (the holding solution's id), with the admin's environment variable value and the organization's
 * data untouched. A holding import of an unmanaged zip, of nothing installed, or of a version that is not newer is
 * refused as Dataverse refuses it, and DeleteAndPromote without a holding solution says what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentVariables } from "../../../../core";
import type { DataverseEmulator } from "../../../../emulators/dataverse";
import { clientCredentialsToken, errorOf, objectOf, startTestEmulator } from "./harness";
import { apiOf, coSellSolutions, fixtureZip, followImport, importBody } from "./solutionJobHarness";

let emulator: DataverseEmulator;
let api: ReturnType<typeof apiOf>;

beforeAll(async () => {
  emulator = await startTestEmulator({ coSellSchema: false, seed: { opportunities: 0 }, solutionImportStepMs: 5 });
  api = apiOf(emulator, await clientCredentialsToken(emulator));
});

afterAll(async () => {
  await emulator.close();
});

async function importAsync(zip: Uint8Array, extra: Record<string, unknown> = {}) {
  return followImport(api, await api("POST", "ImportSolutionAsync", importBody(zip, extra)));
}

const holding = { HoldingSolution: true };

async function syncEndpointValue(): Promise<{ id: string; value: unknown }> {
  const filter = `schemaname eq '${environmentVariables.syncEndpointUrl.schemaName}'`;
  const answer = await api("GET", `environmentvariablevalues?$select=value&$filter=${filter}`);
  const [row] = objectOf(answer).value as Record<string, unknown>[];
  return { id: String(row?.environmentvariablevalueid), value: row?.value };
}

describe("holding solution and DeleteAndPromote", () => {
  it("refuses a holding import when nothing is installed to upgrade", async () => {
    const followed = await importAsync(fixtureZip(), holding);
    expect(followed.states.at(-1)).toBe("3/31");
    expect(followed.job.message).toContain("The organization has no CoSellBridge to upgrade");
    expect(await coSellSolutions(api)).toEqual([]);
  });

  it("stages the new version as CoSellBridge_Upgrade beside the installed one", async () => {
    expect((await importAsync(fixtureZip({ version: "1.2.0.7" }))).states.at(-1)).toBe("3/30");
    const setting = await syncEndpointValue();
    expect(
      (await api("PATCH", `environmentvariablevalues(${setting.id})`, { value: "https://admin.example" })).status,
    ).toBe(204);
    const account = await api("POST", "accounts", { name: "Kept through the upgrade" });
    expect(account.status).toBe(204);

    const followed = await importAsync(fixtureZip({ version: "1.3.0.0" }), holding);
    expect(followed.states.at(-1)).toBe("3/30");
    expect(await coSellSolutions(api)).toEqual([
      expect.objectContaining({ uniquename: "CoSellBridge", version: "1.2.0.7", ismanaged: true }),
      expect.objectContaining({ uniquename: "CoSellBridge_Upgrade", version: "1.3.0.0", ismanaged: true }),
    ]);
  });

  it("refuses a second holding import while one is staged, and holding imports of unmanaged or older zips", async () => {
    const twice = await importAsync(fixtureZip({ version: "1.4.0.0" }), holding);
    expect(twice.job.message).toContain("already has the holding solution CoSellBridge_Upgrade");
    const older = await importAsync(fixtureZip({ version: "1.2.0.7" }), holding);
    expect(older.job.message).toContain("must be newer than the installed version 1.2.0.7");
    const unmanaged = await api(
      "POST",
      "ImportSolution",
      importBody(fixtureZip({ version: "1.5.0.0", managed: false }), holding),
    );
    expect(unmanaged.status).toBe(400);
    expect(errorOf(unmanaged).message).toContain("An unmanaged solution can't be imported as a holding solution");
    expect((await coSellSolutions(api)).map((row) => row.version)).toEqual(["1.2.0.7", "1.3.0.0"]);
  });

  it("DeleteAndPromote replaces the solution with its holding solution, keeping values and data", async () => {
    const [, staged] = await coSellSolutions(api);
    const promoted = await api("POST", "DeleteAndPromote", { UniqueName: "CoSellBridge" });
    expect(promoted.status).toBe(200);
    expect(objectOf(promoted)).toMatchObject({
      "@odata.context": expect.stringMatching(/#Microsoft\.Dynamics\.CRM\.DeleteAndPromoteResponse$/) as string,
      SolutionId: staged?.solutionid,
    });
    expect(await coSellSolutions(api)).toEqual([
      { uniquename: "CoSellBridge", version: "1.3.0.0", ismanaged: true, solutionid: staged?.solutionid },
    ]);
    expect((await syncEndpointValue()).value).toBe("https://admin.example");
    const accounts = objectOf(await api("GET", "accounts?$select=name&$filter=name eq 'Kept through the upgrade'"));
    expect(accounts.value).toHaveLength(1);
  });

  it("DeleteAndPromote without a holding solution is refused with what to do", async () => {
    const refused = await api("POST", "DeleteAndPromote", { UniqueName: "CoSellBridge" });
    expect(refused.status).toBe(400);
    expect(errorOf(refused).message).toContain(
      "The organization has no holding solution CoSellBridge_Upgrade to promote. Import the new version with " +
        "HoldingSolution set to true first.",
    );
    const malformed = await api("POST", "DeleteAndPromote", { Name: "CoSellBridge" });
    expect(errorOf(malformed).message).toBe("DeleteAndPromote has no parameter Name.");
    expect((await coSellSolutions(api)).map((row) => row.version)).toEqual(["1.3.0.0"]);
  });
});
