/**
 * Issue 8, the staged roll-out end to end: two environments (staging and production), each a Dataverse and Partner
 * Center of its own with its own sync service, and `cosell-bridge deploy` run as an admin runs it. A build goes to
 * staging, then production; the next build is refused by production until staging has passed it, then reaches
 * production as a managed upgrade through a holding solution. Each run imports, sets the variables, points the
 * webhook at its environment's service and proves the sync with a test opportunity that is cleaned up afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMOKE_TEST_PREFIX } from "../../../server/deploy";
import { startDeployEnvironment, type DeployEnvironment } from "./support/deployEnvironment";
import { createWorkspace, type Workspace } from "./support/workspace";

let workspace: Workspace;
let staging: DeployEnvironment;
let production: DeployEnvironment;
let first: string;
let second: string;

beforeAll(async () => {
  workspace = createWorkspace();
  first = workspace.writePackage();
  [staging, production] = await Promise.all([
    // Slow enough that a poll every 50 ms sees the import job between 0 and 100 % even on a busy machine.
    startDeployEnvironment("staging", { importStepMs: 150 }),
    startDeployEnvironment("production"),
  ]);
  workspace.writeProfile("staging", staging.profile());
  workspace.writeProfile("production", production.profile({ production: true, stagedIn: "staging" }));
}, 60_000);

afterAll(async () => {
  await Promise.all([staging.stop(), production.stop()]);
  workspace.remove();
}, 30_000);

const secrets = () => ({ ...staging.secrets, ...production.secrets });
const rows = (environment: DeployEnvironment, table: string, filter?: string) =>
  environment.dataverse.org.retrieveMultiple(table, filter === undefined ? {} : { filter }).value;

function installed(environment: DeployEnvironment) {
  return rows(environment, "solution", "startswith(uniquename,'CoSellBridge')").map((row) => ({
    uniquename: row.uniquename,
    version: row.version,
    ismanaged: row.ismanaged,
  }));
}

function variableValues(environment: DeployEnvironment): Record<string, unknown> {
  const definitions = new Map<unknown, unknown>(
    rows(environment, "environmentvariabledefinition").map((row) => [
      row.environmentvariabledefinitionid,
      row.schemaname,
    ]),
  );
  const values: Record<string, unknown> = {};
  for (const row of rows(environment, "environmentvariablevalue")) {
    values[String(definitions.get(row._environmentvariabledefinitionid_value))] = row.value;
  }
  return values;
}

/** What the smoke test must leave: no test records in Dynamics, its referrals closed as Lost in Partner Center. */
async function expectCleanSmokeTests(environment: DeployEnvironment, runs: number): Promise<void> {
  expect(rows(environment, "opportunity", `startswith(name,'${SMOKE_TEST_PREFIX}')`)).toEqual([]);
  expect(rows(environment, "account", `startswith(name,'${SMOKE_TEST_PREFIX}')`)).toEqual([]);
  const referrals = (await environment.partnerCenter.admin.referrals()).filter((referral) =>
    referral.name.startsWith(SMOKE_TEST_PREFIX),
  );
  expect(referrals).toHaveLength(runs);
  for (const referral of referrals) {
    expect(referral).toMatchObject({ status: "Closed", substatus: "Lost" });
    expect(referral.consent?.consentToShareReferralWithMicrosoftSellers ?? false).toBe(false);
  }
}

describe("cosell-bridge deploy: staging, then production", () => {
  it("refuses production before staging has passed the version, without calling production", async () => {
    const result = await workspace.deploy(["--env", "production"], secrets());
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`Version ${first} has not passed staging`);
    expect(result.stderr).toContain(`cosell-bridge deploy --env staging --version ${first}`);
    expect(production.dataverseRequests()).toEqual([]);
  });

  it("deploys to staging: imports with progress, sets the variables, registers the webhook, passes the smoke test", async () => {
    const result = await workspace.deploy(["--env", "staging"], secrets());
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);

    expect(installed(staging)).toEqual([{ uniquename: "CoSellBridge", version: first, ismanaged: true }]);
    expect(staging.solutionActions()).toEqual(["ImportSolutionAsync"]);
    expect(result.stderr).toMatch(/import: [1-9]\d?% · in progress/);
    expect(variableValues(staging)).toEqual({
      csb_SyncCoSellOnly: "no",
      csb_ShowCheckmark: "yes",
      csb_SyncEndpointUrl: staging.serviceUrl,
    });
    const [endpoint] = rows(staging, "serviceendpoint");
    expect(endpoint).toMatchObject({ url: `${staging.serviceUrl}/webhooks/dataverse`, isauthvalueset: true });
    expect(rows(staging, "sdkmessageprocessingstep")).toHaveLength(2);
    await expectCleanSmokeTests(staging, 1);

    const [run] = workspace.record();
    expect(run).toMatchObject({ environment: "staging", version: first, result: "passed", importedWith: "webapi" });
    expect(Object.values(run?.steps ?? {}).map((step) => step.status)).toEqual([
      "passed",
      "passed",
      "passed",
      "passed",
    ]);
    expect(JSON.stringify(workspace.record())).not.toContain(staging.secrets.STAGING_WEBHOOK_KEY);
  }, 60_000);

  it("runs staging again without importing or changing anything, and passes again", async () => {
    const result = await workspace.deploy(["--env", "staging"], secrets());
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`nothing to import: ${first} (managed) is already installed`);
    expect(result.stdout).toContain("3 value(s), 0 changed");
    expect(staging.solutionActions()).toEqual(["ImportSolutionAsync"]);
    expect(rows(staging, "serviceendpoint")).toHaveLength(1);
    await expectCleanSmokeTests(staging, 2);
  }, 60_000);

  it("deploys the staged version to production as a managed install, against production's own service", async () => {
    const result = await workspace.deploy(["--env", "production"], secrets());
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain(`${first} passed staging with this managed zip`);
    expect(installed(production)).toEqual([{ uniquename: "CoSellBridge", version: first, ismanaged: true }]);
    const [endpoint] = rows(production, "serviceendpoint");
    expect(endpoint?.url).toBe(`${production.serviceUrl}/webhooks/dataverse`);
    await expectCleanSmokeTests(production, 1);
    expect(workspace.record().at(-1)).toMatchObject({ environment: "production", production: true, result: "passed" });
  }, 60_000);

  it("refuses the next build in production until staging passed it, then upgrades both through a holding solution", async () => {
    second = workspace.writePackage(first.replace(/\d+$/, (revision) => String(Number(revision) + 1)));
    const refused = await workspace.deploy(["--env", "production", "--version", second], secrets());
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(
      `Version ${second} has not passed staging: the last run in staging was version ${first}, passed`,
    );

    const staged = await workspace.deploy(["--env", "staging"], secrets());
    expect(staged.exitCode, `${staged.stdout}\n${staged.stderr}`).toBe(0);
    expect(staged.stdout).toContain(`upgrade ${first} → ${second}`);
    expect(installed(staging)).toEqual([{ uniquename: "CoSellBridge", version: second, ismanaged: true }]);

    const upgraded = await workspace.deploy(["--env", "production", "--version", second], secrets());
    expect(upgraded.exitCode, `${upgraded.stdout}\n${upgraded.stderr}`).toBe(0);
    // DeleteAndPromote succeeds only when the second import staged CoSellBridge_Upgrade (HoldingSolution).
    expect(production.solutionActions()).toEqual(["ImportSolutionAsync", "ImportSolutionAsync", "DeleteAndPromote"]);
    expect(installed(production)).toEqual([{ uniquename: "CoSellBridge", version: second, ismanaged: true }]);
    expect(variableValues(production).csb_SyncEndpointUrl).toBe(production.serviceUrl);
    await expectCleanSmokeTests(production, 2);
    const lastRun = workspace.record().at(-1);
    expect(lastRun).toMatchObject({ environment: "production", version: second, result: "passed" });
    expect(lastRun?.steps.import?.detail).toContain("holding solution, then DeleteAndPromote");
  }, 90_000);
});
