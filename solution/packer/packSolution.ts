/**
 * The packer: reads the built control and web resources, checks them against the solution's definitions (the form's
 * bindings, the handlers the form, command bar and view call), and writes the unmanaged and the managed zip,
 * CoSellBridge_<version>.zip and CoSellBridge_<version>_managed.zip, with the version in Dataverse's file name form
 * (1_2_3_4). Same inputs, same bytes. Everything that stops a pack is reported at once in a PackError.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { allScriptFunctions } from "../definition/handlers";
import { solution } from "../definition/identity";
import { webhookEndpoint } from "../definition/webhook";
import { scripts } from "../definition/webResources";
import { readBuiltInputs, type BuiltInputs } from "./builtInputs";
import { checkControlBindings, type BindingCheck } from "./controlBindings";
import { checkScriptFunctions } from "./handlerCheck";
import { PackError, PackProblems } from "./packError";
import { solutionFiles } from "./solutionFiles";
import { dataverseVersionOf, isDataverseVersion, versionInFileName } from "./version";
import { zipSolution } from "./zipWriter";

export interface PackOptions {
  /** The repository root: package.json and out/ are found from here. */
  readonly root: string;
  /** Where the built control folders are; default <root>/out/controls. */
  readonly controlsDir?: string;
  /** Where the built web resources are; default <root>/out/webresources. */
  readonly webResourcesDir?: string;
  /** Where the zips go; default <root>/out. */
  readonly outDir?: string;
  /** A 4-part Dataverse version; default derived from package.json's version. */
  readonly version?: string;
  /** The address the webhook endpoint calls; default a placeholder that the admin or the CLI replaces. */
  readonly webhookUrl?: string;
}

export interface PackedZip {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface PackResult {
  readonly version: string;
  readonly unmanaged: PackedZip;
  readonly managed: PackedZip;
  /** What the pack left out or could not check, for the person packing. */
  readonly warnings: readonly string[];
}

/** The zips in memory, for callers that import them without writing files (tests, a deploy command). */
export interface PackedSolution {
  readonly version: string;
  readonly unmanaged: Uint8Array;
  readonly managed: Uint8Array;
  readonly warnings: readonly string[];
}

function versionOf(options: PackOptions, problems: PackProblems): string | undefined {
  if (options.version !== undefined) {
    if (isDataverseVersion(options.version)) return options.version;
    problems.add(`The version '${options.version}' is not a Dataverse version: give four whole numbers, e.g. 1.2.3.4.`);
    return undefined;
  }
  try {
    const packageJson = JSON.parse(readFileSync(join(options.root, "package.json"), "utf8")) as { version?: unknown };
    return dataverseVersionOf(typeof packageJson.version === "string" ? packageJson.version : "");
  } catch (error) {
    problems.add(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

function webhookUrlOf(options: PackOptions, problems: PackProblems): string {
  const url = options.webhookUrl ?? webhookEndpoint.placeholderUrl;
  if (!/^https?:\/\/[^/\s]+/.test(url)) problems.add(`The webhook URL '${url}' is not an absolute http(s) address.`);
  return url;
}

function checkInputs(inputs: BuiltInputs, problems: PackProblems): BindingCheck {
  // Each script on its own, as a page loads it: a function must be in the file its library names.
  for (const { name } of scripts) {
    const script = inputs.webResources.get(name);
    if (script !== undefined) checkScriptFunctions(name, script, allScriptFunctions, problems);
  }
  return checkControlBindings(inputs.control.manifest, problems);
}

/** Builds both zips in memory. @throws PackError listing everything that is missing or wrong. */
export function buildSolutionZips(options: PackOptions): PackedSolution {
  const problems = new PackProblems();
  const root = resolve(options.root);
  const version = versionOf({ ...options, root }, problems);
  const webhookUrl = webhookUrlOf(options, problems);
  const inputs = readBuiltInputs(
    {
      controlsDir: options.controlsDir ?? join(root, "out", "controls"),
      webResourcesDir: options.webResourcesDir ?? join(root, "out", "webresources"),
    },
    problems,
  );
  const bindings = inputs === undefined ? undefined : checkInputs(inputs, problems);
  // Whatever left one of these undefined recorded its problem, so the error is never empty.
  if (problems.list.length > 0 || inputs === undefined || bindings === undefined || version === undefined) {
    throw new PackError(problems.list);
  }
  const zip = (managed: boolean) =>
    zipSolution(solutionFiles(inputs, { version, managed, webhookUrl, boundProperties: bindings.boundProperties }));
  return { version, unmanaged: zip(false), managed: zip(true), warnings: bindings.warnings };
}

function written(path: string, bytes: Uint8Array): PackedZip {
  writeFileSync(path, bytes);
  return { path, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Builds both zips and writes them to the output folder. @throws PackError. */
export function packSolution(options: PackOptions): PackResult {
  const packed = buildSolutionZips(options);
  const outDir = resolve(options.outDir ?? join(options.root, "out"));
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, `${solution.uniqueName}_${versionInFileName(packed.version)}`);
  return {
    version: packed.version,
    unmanaged: written(`${base}.zip`, packed.unmanaged),
    managed: written(`${base}_managed.zip`, packed.managed),
    warnings: packed.warnings,
  };
}
