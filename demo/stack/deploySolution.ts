/**
 * The managed solution goes into the demo's Dataverse the way an admin deploys it: `cosell-bridge deploy` (server/
 * deploy, docs/admin-guide.md) with an environment profile written for this run. It imports the zip with
 * ImportSolutionAsync, sets the environment variable values (csb_SyncEndpointUrl = the service's URL, the checkmark
 * on, every opportunity may sync, the default deal value and country columns) and points the Dataverse webhook at
 * the service with its key. The smoke test is skipped: it would add an opportunity to the seller's list.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CliIo } from "../../server/cli/command";
import { runDeploy } from "../../server/deploy";
import type { DataverseEmulator } from "../../emulators/dataverse";
import { DemoStartError } from "./demoError";
import type { DemoIdentities } from "./demoIdentities";

const ENVIRONMENT = "demo";
const SECRET_VARIABLE = "DEMO_DEPLOY_CLIENT_SECRET";
const WEBHOOK_KEY_VARIABLE = "DEMO_WEBHOOK_KEY";

export interface DeployTarget {
  readonly dataverse: DataverseEmulator;
  readonly serviceUrl: string;
  readonly identities: DemoIdentities;
  /** out/, holding CoSellBridge_<version>.zip and _managed.zip. */
  readonly packagesDir: string;
  /** A folder of this run (deleted at stop) for the profile and the deployment record. */
  readonly workDir: string;
}

/** The values the deploy sets, besides csb_SyncEndpointUrl (the service's URL). */
export const DEMO_ENVIRONMENT_VALUES: Readonly<Record<string, string>> = {
  csb_ShowCheckmark: "yes",
  csb_SyncCoSellOnly: "no",
  csb_DealValueField: "estimatedvalue",
  csb_CountryField: "address1_country",
};

/** Deploys; resolves with what the deploy printed. @throws DemoStartError with the deploy's own explanation. */
export async function deploySolution(target: DeployTarget): Promise<readonly string[]> {
  const environmentsDir = join(target.workDir, "deploy", "environments");
  await mkdir(environmentsDir, { recursive: true });
  const profile = {
    production: false,
    dataverse: {
      url: target.dataverse.url,
      authority: target.dataverse.url,
      tenantId: target.dataverse.tenantId,
      clientId: target.identities.deploy.clientId,
      clientSecretVariable: SECRET_VARIABLE,
    },
    service: { url: target.serviceUrl, webhookKeyVariable: WEBHOOK_KEY_VARIABLE },
    package: "managed",
    environmentVariables: DEMO_ENVIRONMENT_VALUES,
    importTimeoutMinutes: 5,
    recordFile: "../deployments.json",
  };
  await writeFile(join(environmentsDir, `${ENVIRONMENT}.json`), `${JSON.stringify(profile, null, 2)}\n`);
  const lines: string[] = [];
  const io: CliIo = {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    status: () => undefined,
    isTerminal: false,
    env: {
      [SECRET_VARIABLE]: target.identities.deploy.clientSecret,
      [WEBHOOK_KEY_VARIABLE]: target.identities.webhookKey,
    },
    cwd: target.workDir,
    stopRequested: new Promise<void>(() => undefined),
  };
  const exitCode = await runDeploy(
    {
      environment: ENVIRONMENT,
      environmentsDir,
      packagesDir: target.packagesDir,
      version: null,
      skipSmokeTest: true,
      usePac: false,
      pollIntervalMs: 50,
    },
    io,
  );
  if (exitCode !== 0) {
    throw new DemoStartError(
      `Deploying the solution into the Dataverse emulator failed:\n${lines.map((line) => `    ${line}`).join("\n")}`,
      "Run `npm run build` to rebuild the solution zips, then start again.",
    );
  }
  return lines;
}
