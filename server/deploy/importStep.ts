/**
 * Step 1: the solution in the environment at the deployed version. The plan (importPlan.ts) makes a re-run resume:
 * nothing is imported when the version is there, and an interrupted upgrade is finished rather than started again.
 * The zip goes in through pac when it is on the PATH, otherwise through the Web API.
 */
import type { CliIo } from "../cli/command";
import { DeployError } from "./deployError";
import type { DataverseConnection } from "./dataverseConnection";
import { describePlan, planImport, readInstalled, type ImportPlan } from "./importPlan";
import { pacImportArguments, pacUpgradeArguments, runPac } from "./pacImport";
import type { DeployProfile } from "./profile";
import type { SolutionPackage } from "./solutionPackage";
import { importWithWebApi, promoteHoldingSolution } from "./webApiImport";

export interface ImportStepSettings {
  readonly io: CliIo;
  /** The pac executable to use, or null for the Web API. */
  readonly pac: string | null;
  readonly pollIntervalMs: number;
}

export interface ImportOutcome {
  readonly plan: ImportPlan;
  readonly detail: string;
  readonly importedWith: "webapi" | "pac" | null;
}

export async function runImportStep(
  connection: DataverseConnection,
  profile: DeployProfile,
  solution: SolutionPackage,
  settings: ImportStepSettings,
): Promise<ImportOutcome> {
  const { io } = settings;
  const zip = solution[profile.package];
  const plan = planImport(await readInstalled(connection.api, solution.uniqueName), {
    uniqueName: solution.uniqueName,
    version: solution.version,
    kind: profile.package,
  });
  const detail = describePlan(plan, solution.version, profile.package);
  io.err(`  ${detail}`);
  if (plan.action === "none") return { plan, detail, importedWith: null };

  const importsZip = plan.action !== "promote";
  const holding = plan.action === "upgrade";
  const promotes = plan.action === "upgrade" || plan.action === "promote";
  if (settings.pac !== null) {
    const pac = {
      pac: settings.pac,
      environmentUrl: profile.dataverse.url,
      timeoutMinutes: profile.importTimeoutMinutes,
      io,
    };
    if (importsZip) await runPac(pacImportArguments(zip.path, holding, pac), pac);
    if (promotes) await runPac(pacUpgradeArguments(solution.uniqueName, pac), pac);
  } else {
    if (importsZip) {
      await importWithWebApi(
        connection.longApi,
        zip,
        { holding },
        { io, pollIntervalMs: settings.pollIntervalMs, timeoutMs: profile.importTimeoutMinutes * 60_000 },
      );
    }
    if (promotes) await promoteHoldingSolution(connection.longApi, solution.uniqueName, io);
  }
  await confirmInstalled(connection, solution, profile);
  return { plan, detail, importedWith: settings.pac === null ? "webapi" : "pac" };
}

/** What was reported done must be so: the version installed, no holding solution left. */
async function confirmInstalled(
  connection: DataverseConnection,
  solution: SolutionPackage,
  profile: DeployProfile,
): Promise<void> {
  const { installed, holding } = await readInstalled(connection.api, solution.uniqueName);
  const managed = profile.package === "managed";
  if (installed?.version === solution.version && installed.managed === managed && holding === null) return;
  const found =
    installed === null
      ? "no CoSellBridge solution"
      : `version ${installed.version}${installed.managed ? " managed" : ""}`;
  throw new DeployError(
    "importFailed",
    `The import reported success, but the environment has ${found}${holding === null ? "" : " and a holding solution"} ` +
      `instead of ${solution.version} (${profile.package}).`,
  );
}
