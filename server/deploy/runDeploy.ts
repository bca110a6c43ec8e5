/**
 * `cosell-bridge deploy --env <name>`: everything an admin does to roll a build out to one environment, in order,
 * each step recorded as it ends: (1) import the solution zip, (2) set the environment variable values, (3) point the
 * Dataverse webhook at the environment's service, (4) smoke-test the sync. Nothing is called before the profile, the
 * secrets, the zips and (for production) the staging record have been checked. Every step can run again, so a
 * deploy that failed half-way is resumed by running it again.
 */
import { relative } from "node:path";
import type { CliIo } from "../cli/command";
import { ApiError } from "../sync/apiError";
import { readCredentials } from "./credentials";
import { connectToDataverse } from "./dataverseConnection";
import { DeployError } from "./deployError";
import { DeploymentRun, readRecord, requireStagedVersion, type StepName } from "./deploymentRecord";
import { runImportStep } from "./importStep";
import { findPac } from "./pacImport";
import { loadProfile, profilePath } from "./profile";
import { runSmokeTest } from "./smokeTest";
import { newestPackagedVersion, readSolutionPackage } from "./solutionPackage";
import { setEnvironmentValues } from "./variablesStep";
import { registerWebhook } from "./webhooksStep";

export interface DeployOptions {
  readonly environment: string;
  readonly environmentsDir: string;
  readonly packagesDir: string;
  /** null: the newest version with both zips in packagesDir. */
  readonly version: string | null;
  readonly skipSmokeTest: boolean;
  /** false: never use pac, even when it is on the PATH. */
  readonly usePac: boolean;
  readonly pollIntervalMs: number;
}

/** Any failure as a DeployError, so it is printed and recorded with what to do. */
function asDeployError(error: unknown): DeployError {
  if (error instanceof DeployError) return error;
  if (error instanceof ApiError) return new DeployError("dataverseUnavailable", error.message, { cause: error });
  throw error;
}

/** Runs the deploy; the exit code is 0 when it passed (or passed without its smoke test when asked), 1 otherwise. */
export async function runDeploy(options: DeployOptions, io: CliIo): Promise<number> {
  let run: DeploymentRun | null = null;
  try {
    const profile = loadProfile(profilePath(options.environmentsDir, options.environment));
    const credentials = readCredentials(profile, io.env);
    const version = options.version ?? newestPackagedVersion(options.packagesDir);
    if (version === null) {
      throw new DeployError("packageMissing", `${options.packagesDir} has no CoSellBridge_<version> zips.`);
    }
    const solution = readSolutionPackage(options.packagesDir, version);
    if (profile.stagedIn !== null) requireStagedVersion(readRecord(profile.recordFile), profile.stagedIn, solution);

    const pac = options.usePac ? findPac(io.env) : null;
    io.out(
      `Deploying ${solution.uniqueName} ${version} (${profile.package}) to ${profile.name}` +
        `${profile.production ? " (production)" : ""}: ${profile.dataverse.url}, service ${profile.service.url}`,
    );
    if (profile.stagedIn !== null) io.out(`  ✔ ${version} passed ${profile.stagedIn} with this managed zip`);
    const current = new DeploymentRun(profile.recordFile, profile, solution);
    run = current;
    const connection = connectToDataverse(profile, credentials);
    const step = async (name: StepName, title: string, work: () => Promise<string>) => {
      io.out(`[${String(["import", "variables", "webhooks", "smokeTest"].indexOf(name) + 1)}/4] ${title}`);
      const detail = await work().catch((error: unknown) => {
        if (!(error instanceof DeployError || error instanceof ApiError)) {
          // Not one of ours: recorded as failed all the same, and shown with its stack by the CLI.
          current.step(name, "failed", error instanceof Error ? error.message : String(error));
          throw error;
        }
        const failure = asDeployError(error);
        current.step(name, "failed", failure.message, failure.code);
        throw failure;
      });
      current.step(name, "passed", detail);
      io.out(`  ✔ ${detail}`);
    };

    await step("import", `Import the solution${pac === null ? "" : ` with ${pac}`}`, async () => {
      const outcome = await runImportStep(connection, profile, solution, {
        io,
        pac,
        pollIntervalMs: options.pollIntervalMs,
      });
      current.entry.importedWith = outcome.importedWith;
      return outcome.detail;
    });
    await step("variables", "Set the environment variable values", async () => {
      const actions = await setEnvironmentValues(connection.api, profile.environmentVariables, io);
      const changed = Object.values(actions).filter((action) => action !== "unchanged").length;
      return `${Object.keys(actions).length} value(s), ${changed} changed`;
    });
    await step("webhooks", "Register the Dataverse webhook", () =>
      registerWebhook(connection.api, profile, credentials.webhookKey, io),
    );
    if (options.skipSmokeTest) {
      io.out("[4/4] Smoke test: skipped (--skip-smoke-test)");
      current.step("smokeTest", "skipped", "skipped with --skip-smoke-test");
      current.finish("untested");
    } else {
      await step("smokeTest", "Smoke test: an opportunity must sync and be cleaned up", () =>
        runSmokeTest(connection.api, profile, io, options.pollIntervalMs),
      );
      current.finish("passed");
    }
    io.out(
      `✔ ${profile.name} has ${solution.uniqueName} ${version}` +
        `${options.skipSmokeTest ? " (not smoke-tested: production won't take it from here)" : ""}. ` +
        `Recorded in ${relative(io.cwd, profile.recordFile) || profile.recordFile}.`,
    );
    return 0;
  } catch (error) {
    const failure = asDeployError(error);
    io.err(`✖ ${failure.message}`);
    io.err(`  What to do: ${failure.whatToDo}`);
    if (run !== null) io.err(`  The run is recorded as failed (${failure.code}); run deploy again to resume.`);
    return 1;
  }
}
