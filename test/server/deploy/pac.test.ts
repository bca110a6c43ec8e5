/**
 * The pac path: when `pac` is on the PATH deploy imports with `pac solution import --path <zip> --async
 * --activate-plugins` (and `--import-as-holding` plus `pac solution upgrade` for an upgrade) against the profile's
 * environment, shows pac's output, and still checks afterwards that the version really is installed. A failing pac
 * stops the deploy with its output; --no-pac goes through the Web API even with pac there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientCredentialsToken } from "../../emulators/dataverse/api/harness";
import { DEPLOY_CLIENT, startDeployEnvironment, type DeployEnvironment } from "./support/deployEnvironment";
import { createFakePac, type FakePac } from "./support/fakePac";
import { createWorkspace, type Workspace } from "./support/workspace";

let workspace: Workspace;
let environment: DeployEnvironment;
let pac: FakePac;
let token: string;
let version: string;

beforeAll(async () => {
  workspace = createWorkspace();
  version = workspace.writePackage();
  environment = await startDeployEnvironment("staging", { service: false });
  workspace.writeProfile("staging", environment.profile());
  pac = createFakePac();
  token = await clientCredentialsToken(
    { tokenEndpoint: environment.dataverse.tokenEndpoint, url: environment.dataverse.url },
    DEPLOY_CLIENT,
  );
}, 60_000);

afterAll(async () => {
  await environment.stop();
  pac.remove();
  workspace.remove();
}, 30_000);

const installed = () =>
  environment.dataverse.org
    .retrieveMultiple("solution", { filter: "uniquename eq 'CoSellBridge'" })
    .value.map((row) => row.version);

function deployWithPac(args: readonly string[], fail?: string) {
  return workspace.deploy(["--env", "staging", "--skip-smoke-test", ...args], {
    ...environment.secrets,
    PATH: pac.path,
    ...pac.env(`${environment.dataverse.url}/api/data/v9.2`, token, fail),
  });
}

describe("deploy with pac on the PATH", () => {
  it("stops with pac's own output when pac fails", async () => {
    const result = await deployWithPac([], "Missing dependency: msdynce_SalesPatch");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("pac: Error: Solution import failed: Missing dependency: msdynce_SalesPatch");
    expect(result.stderr).toContain("pac solution import exited with code 1");
    expect(result.stderr).toContain(
      "check `pac auth list` has a profile for the environment, or run deploy with --no-pac",
    );
    expect(installed()).toEqual([]);
  }, 30_000);

  it("imports the managed zip with pac solution import --async --activate-plugins for the profile's environment", async () => {
    const before = pac.calls().length;
    const result = await deployWithPac([]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(pac.calls().slice(before)).toEqual([
      [
        "solution",
        "import",
        "--path",
        workspace.zipPath(version, "managed"),
        "--async",
        "--activate-plugins",
        "--max-async-wait-time",
        "60",
        "--environment",
        environment.dataverse.url,
      ],
    ]);
    expect(result.stderr).toContain("pac: Solution Imported successfully.");
    expect(installed()).toEqual([version]);
    expect(environment.solutionActions()).toEqual(["ImportSolution"]);
    expect(workspace.record().at(-1)).toMatchObject({ importedWith: "pac", steps: { import: { status: "passed" } } });
  }, 30_000);

  it("upgrades with --import-as-holding, then pac solution upgrade", async () => {
    const next = workspace.writePackage(version.replace(/\d+$/, (revision) => String(Number(revision) + 1)));
    const before = pac.calls().length;
    const result = await deployWithPac([]);
    expect(result.exitCode, result.stderr).toBe(0);
    const calls = pac.calls().slice(before);
    expect(calls.map((call) => call.slice(0, 2).join(" "))).toEqual(["solution import", "solution upgrade"]);
    expect(calls[0]).toContain("--import-as-holding");
    expect(calls[1]).toEqual(expect.arrayContaining(["--solution-name", "CoSellBridge", "--async"]));
    expect(installed()).toEqual([next]);
  }, 30_000);

  it("goes through the Web API with --no-pac", async () => {
    const next = workspace.writePackage(version.replace(/\d+$/, (revision) => String(Number(revision) + 2)));
    const before = pac.calls().length;
    const result = await deployWithPac(["--no-pac"]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(pac.calls()).toHaveLength(before);
    expect(environment.solutionActions().slice(-2)).toEqual(["ImportSolutionAsync", "DeleteAndPromote"]);
    expect(installed()).toEqual([next]);
  }, 30_000);
});
