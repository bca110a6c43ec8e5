/**
 * What stops a deploy, one test per refusal, each with the message an admin sees and what it did or did not touch:
 * the checks before the first call (secret variable missing, corrupt zip, a version staging has not passed, another
 * build of it, a staging run without its smoke test) call nothing; an import Dataverse refuses shows Dataverse's own
 * message, is recorded as failed, and a second run after the cause is fixed resumes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDeployEnvironment, type DeployEnvironment } from "./support/deployEnvironment";
import { createWorkspace, type Workspace } from "./support/workspace";

let workspace: Workspace;
let environment: DeployEnvironment;
let version: string;

beforeAll(async () => {
  workspace = createWorkspace();
  version = workspace.writePackage();
  environment = await startDeployEnvironment("staging", { service: false });
  workspace.writeProfile("staging", environment.profile());
  workspace.writeProfile("production", environment.profile({ production: true }));
}, 60_000);

afterAll(async () => {
  await environment.stop();
  workspace.remove();
}, 30_000);

const installedSolutions = () =>
  environment.dataverse.org.retrieveMultiple("solution", { filter: "uniquename eq 'CoSellBridge'" }).value;

describe("deploy refuses before touching the environment", () => {
  it("when a secret variable the profile names is not set", async () => {
    const result = await workspace.deploy(["--env", "staging"], { STAGING_DEPLOY_SECRET: "x".repeat(40) });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("STAGING_WEBHOOK_KEY is not set: it must hold the service's DATAVERSE_WEBHOOK_KEY");
    expect(result.stderr).toContain("What to do: Set the variable named in the message");
    expect(result.stderr).not.toContain("STAGING_DEPLOY_SECRET is not set");
    expect(environment.dataverseRequests()).toEqual([]);
  });

  it("when a zip is corrupt", async () => {
    const corrupt = createWorkspace();
    try {
      corrupt.writeProfile("staging", environment.profile());
      corrupt.writePackage();
      writeFileSync(corrupt.zipPath(version, "managed"), "PK\u0003\u0004 this is not a zip any more");
      const result = await corrupt.deploy(["--env", "staging"], environment.secrets);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        `CoSellBridge_${version.replaceAll(".", "_")}_managed.zip can't be deployed: it is not a readable zip`,
      );
      expect(result.stderr).toContain("Build the zips again with `node scripts/build-solution.mjs`");
      expect(environment.dataverseRequests()).toEqual([]);
    } finally {
      corrupt.remove();
    }
  });

  it("when a zip's solution.xml says another version than its name", async () => {
    const renamed = createWorkspace();
    try {
      renamed.writeProfile("staging", environment.profile());
      renamed.writePackage();
      const other = "9.9.9.9";
      writeFileSync(renamed.zipPath(other, "managed"), readFileSync(renamed.zipPath(version, "managed")));
      writeFileSync(renamed.zipPath(other, "unmanaged"), readFileSync(renamed.zipPath(version, "unmanaged")));
      const result = await renamed.deploy(["--env", "staging"], environment.secrets);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(`its solution.xml has version ${version}, not ${other}`);
    } finally {
      renamed.remove();
    }
  });

  it("in production, when the version has no passed staging run", async () => {
    const result = await workspace.deploy(["--env", "production"], environment.secrets);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `Version ${version} has not passed staging: the record has no run in staging at all`,
    );
    expect(environment.dataverseRequests()).toEqual([]);
  });
});

describe("an import Dataverse refuses", () => {
  it("fails with Dataverse's message, records the failed step, and installs nothing", async () => {
    // Another web resource already has the name of the solution's script: Dataverse refuses the whole import.
    const blocker = environment.dataverse.org.create("webresource", {
      name: "csb_/scripts/opportunity.js",
      displayname: "Someone else's script",
      webresourcetype: 3,
      content: "",
    }).id;
    const result = await workspace.deploy(["--env", "staging"], environment.secrets);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/Dataverse could not import the solution \(system job [0-9a-f-]{36}, failed\)/);
    expect(result.stderr).toContain("another web resource with this name");
    expect(result.stderr).toContain("What to do: Fix what Dataverse names, then run deploy again");
    expect(installedSolutions()).toEqual([]);
    const [run] = workspace.record();
    expect(run).toMatchObject({ environment: "staging", version, result: "failed" });
    expect(run?.steps.import).toMatchObject({ status: "failed", code: "importFailed" });
    expect(run?.steps.variables).toBeUndefined();
    environment.dataverse.org.delete("webresource", blocker);
  }, 30_000);

  it("resumes once the cause is gone; a run without its smoke test doesn't let production take the version", async () => {
    const resumed = await workspace.deploy(["--env", "staging", "--skip-smoke-test"], environment.secrets);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(installedSolutions()).toHaveLength(1);
    expect(workspace.record().at(-1)).toMatchObject({
      result: "untested",
      steps: { smokeTest: { status: "skipped" } },
    });

    const production = await workspace.deploy(["--env", "production"], environment.secrets);
    expect(production.exitCode).toBe(1);
    expect(production.stderr).toContain(`the last run in staging was version ${version}, untested`);
  }, 30_000);

  it("in production, when staging passed another build with the same version", async () => {
    const record = workspace.record();
    const last = record.at(-1);
    if (last === undefined) throw new Error("no run recorded");
    Object.assign(last, { result: "passed", sha256: { ...last.sha256, managed: "0".repeat(64) } });
    writeFileSync(workspace.recordFile, JSON.stringify({ deployments: record }));
    const result = await workspace.deploy(["--env", "production"], environment.secrets);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`Version ${version} passed in staging, but with another managed zip`);
    expect(result.stderr).toContain("every new build needs a new version");
  });
});
