import { resolve } from "node:path";
import { defaultEnvironmentsDir, runDeploy } from "../../deploy";
import { isSolutionVersion } from "../../deploy/solutionPackage";
import { parseCommandArguments } from "../args";
import { UsageError, type CliCommand } from "../command";

const options = {
  env: { type: "string" },
  version: { type: "string" },
  packages: { type: "string" },
  environments: { type: "string" },
  "skip-smoke-test": { type: "boolean" },
  "no-pac": { type: "boolean" },
  "poll-interval": { type: "string" },
} as const;

function pollInterval(raw: string | undefined): number {
  if (raw === undefined) return 2000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0.05 || seconds > 60) {
    throw new UsageError("--poll-interval needs a number of seconds from 0.05 to 60");
  }
  return Math.round(seconds * 1000);
}

/** `cosell-bridge deploy`: import, configure, connect and smoke-test one environment. */
export const deployCommand: CliCommand = {
  name: "deploy",
  summary: "deploy the solution to an environment: import, variables, webhook, smoke test (staging, then production)",
  usage: [
    "Usage: cosell-bridge deploy --env <name> [--version <a.b.c.d>] [--packages <folder>] [--environments <folder>]",
    "                            [--skip-smoke-test] [--no-pac] [--poll-interval <seconds>]",
    "  Reads deploy/environments/<name>.json, imports CoSellBridge_<version>[_managed].zip (ImportSolutionAsync, or",
    "  `pac solution import --async` when pac is on the PATH; a managed upgrade goes through a holding solution),",
    "  sets the environment variable values, points the Dataverse webhook at the environment's service, creates a",
    "  test opportunity that must sync (then closes its referral as Lost and deletes it), and records the result.",
    "  A production profile refuses a version without a passed run in its staging environment. Running it again",
    "  resumes: finished steps change nothing. docs/admin-guide.md explains profiles and every message.",
    "  --version          the version to deploy (default: the newest with both zips in the packages folder)",
    "  --packages         the folder with the zips (default: out)",
    "  --environments     the folder with the profiles (default: deploy/environments)",
    "  --skip-smoke-test  record the run as untested (production won't take a version that was only that)",
    "  --no-pac           import through the Web API even when pac is on the PATH",
    "  --poll-interval    seconds between checks of the import and of the smoke test (default 2)",
  ].join("\n"),
  async run(argv, io) {
    const { values } = parseCommandArguments(argv, options);
    const environment = values.env;
    if (environment === undefined || environment.trim() === "") throw new UsageError("--env <name> is required");
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/i.test(environment)) {
      throw new UsageError("--env needs an environment name such as staging (letters, digits, - and _)");
    }
    if (values.version !== undefined && !isSolutionVersion(values.version)) {
      throw new UsageError("--version needs a Dataverse version of four numbers, e.g. 1.2.0.3");
    }
    return runDeploy(
      {
        environment,
        environmentsDir:
          values.environments === undefined ? defaultEnvironmentsDir(io.cwd) : resolve(io.cwd, values.environments),
        packagesDir: resolve(io.cwd, values.packages ?? "out"),
        version: values.version ?? null,
        skipSmokeTest: values["skip-smoke-test"] === true,
        usePac: values["no-pac"] !== true,
        pollIntervalMs: pollInterval(values["poll-interval"]),
      },
      io,
    );
  },
};
