/**
 * The record of deployments (deploy/deployments.json unless the profile says otherwise), which admins commit: one
 * entry per run with the version, both zips' SHA-256, and each step's outcome, written after every step so that a
 * run that dies half-way still shows how far it got. Production reads it to refuse a build staging has not passed.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { DeployError, type DeployRefusalCode } from "./deployError";
import type { DeployProfile, PackageKind } from "./profile";
import type { SolutionPackage } from "./solutionPackage";

export const STEP_NAMES = ["import", "variables", "webhooks", "smokeTest"] as const;
export type StepName = (typeof STEP_NAMES)[number];

export interface StepResult {
  readonly status: "passed" | "failed" | "skipped";
  readonly detail: string;
  readonly code?: DeployRefusalCode;
  readonly at: string;
}

/** passed: every step passed; untested: passed but the smoke test was skipped (production won't take it). */
export type RunResult = "running" | "passed" | "untested" | "failed";

export interface DeploymentEntry {
  readonly id: string;
  readonly environment: string;
  readonly production: boolean;
  readonly dataverseUrl: string;
  readonly version: string;
  readonly package: PackageKind;
  readonly sha256: { readonly managed: string; readonly unmanaged: string };
  importedWith: "webapi" | "pac" | null;
  readonly startedAt: string;
  finishedAt: string | null;
  readonly steps: Partial<Record<StepName, StepResult>>;
  result: RunResult;
}

interface RecordFile {
  readonly $comment?: string;
  readonly deployments: DeploymentEntry[];
}

const COMMENT =
  "Written by `cosell-bridge deploy`; commit it. Production deploys only versions with a passed run in staging.";

/** The entries of a record file; none when it doesn't exist yet. @throws DeployError recordUnreadable. */
export function readRecord(file: string): DeploymentEntry[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new DeployError("recordUnreadable", `The deployment record ${file} can't be read (${String(error)}).`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<RecordFile> | null;
    if (parsed !== null && Array.isArray(parsed.deployments)) return parsed.deployments;
  } catch {
    // reported below
  }
  throw new DeployError("recordUnreadable", `The deployment record ${file} is not a record of deployments.`);
}

/** A run being recorded: each change is written to the file at once. */
export class DeploymentRun {
  readonly entry: DeploymentEntry;

  constructor(
    private readonly file: string,
    profile: DeployProfile,
    solution: SolutionPackage,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Read first, so that a broken file stops the deploy before anything changes.
    readRecord(file);
    this.entry = {
      id: randomUUID(),
      environment: profile.name,
      production: profile.production,
      dataverseUrl: profile.dataverse.url,
      version: solution.version,
      package: profile.package,
      sha256: { managed: solution.managed.sha256, unmanaged: solution.unmanaged.sha256 },
      importedWith: null,
      startedAt: this.now().toISOString(),
      finishedAt: null,
      steps: {},
      result: "running",
    };
    this.save();
  }

  step(name: StepName, status: StepResult["status"], detail: string, code?: DeployRefusalCode): void {
    (this.entry.steps as Record<StepName, StepResult>)[name] = {
      status,
      detail,
      ...(code === undefined ? {} : { code }),
      at: this.now().toISOString(),
    };
    if (status === "failed") this.finish("failed");
    else this.save();
  }

  finish(result: Exclude<RunResult, "running">): void {
    this.entry.result = result;
    this.entry.finishedAt = this.now().toISOString();
    this.save();
  }

  private save(): void {
    const entries = readRecord(this.file).filter((entry) => entry.id !== this.entry.id);
    const record: RecordFile = { $comment: COMMENT, deployments: [...entries, this.entry] };
    mkdirSync(dirname(this.file), { recursive: true });
    // Write aside and rename, so a crash never leaves half a file that the next deploy would refuse to read.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
    renameSync(temporary, this.file);
  }
}

/**
 * The production gate: the staging environment's record must show a passed run (imported, variables set, webhooks
 * registered, smoke test passed) of this version with this managed zip.
 * @throws DeployError notStaged or stagedPackageDiffers.
 */
export function requireStagedVersion(
  entries: readonly DeploymentEntry[],
  stagedIn: string,
  solution: SolutionPackage,
): void {
  const inStaging = entries.filter((entry) => entry.environment === stagedIn && !entry.production);
  const passed = inStaging.filter((entry) => entry.version === solution.version && entry.result === "passed");
  if (passed.some((entry) => entry.sha256.managed === solution.managed.sha256)) return;
  if (passed.length > 0) {
    throw new DeployError(
      "stagedPackageDiffers",
      `Version ${solution.version} passed in ${stagedIn}, but with another managed zip (SHA-256 ` +
        `${passed[0]?.sha256.managed.slice(0, 12) ?? "?"}…, this one ${solution.managed.sha256.slice(0, 12)}…).`,
    );
  }
  const last = inStaging.at(-1);
  const lastRun =
    last === undefined
      ? `the record has no run in ${stagedIn} at all`
      : `the last run in ${stagedIn} was version ${last.version}, ${last.result}`;
  throw new DeployError(
    "notStaged",
    `Version ${solution.version} has not passed ${stagedIn}: ${lastRun}. Production takes only a version whose ` +
      `${stagedIn} run imported it, set the variables, registered the webhooks and passed the smoke test.`,
    {
      whatToDo: `Run \`cosell-bridge deploy --env ${stagedIn} --version ${solution.version}\` and let it pass, then deploy production.`,
    },
  );
}
