/**
 * The build outputs the solution packs: the CoSellPanel control as pcf-scripts writes it (out/controls/CoSellPanel:
 * ControlManifest.xml and the files it lists) and the web resources as their build writes them
 * (out/webresources/<web resource name>). Whatever is missing is reported together, with the command that builds it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { coSellPanel } from "../definition/coSellPanel";
import { webResources } from "../definition/webResources";
import { readControlManifest, type BuiltControlManifest } from "./controlManifest";
import type { PackProblems } from "./packError";

const buildControls = "build the control first: npm run build:controls";
const buildWebResources = "build the web resources first: node scripts/build-webresources.mjs";

/** Where the builds wrote their outputs. */
export interface InputLocations {
  /** out/controls */
  readonly controlsDir: string;
  /** out/webresources */
  readonly webResourcesDir: string;
}

export interface BuiltControl {
  readonly manifest: BuiltControlManifest;
  /** ControlManifest.xml and every resource it lists, by path relative to the control's folder. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

export interface BuiltInputs {
  readonly control: BuiltControl;
  /** Each web resource's file, by web resource name. */
  readonly webResources: ReadonlyMap<string, Uint8Array>;
}

function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith("..") ? path : fromHere;
}

/** A resource path must stay inside the control's folder: the zip keeps it under Controls/<name>/. */
function isInsideFolder(path: string): boolean {
  return path !== "" && !path.startsWith("/") && !path.split(/[\\/]/).includes("..");
}

function readControl(controlsDir: string, problems: PackProblems): BuiltControl | undefined {
  const folder = join(controlsDir, coSellPanel.buildFolder);
  const manifestPath = join(folder, "ControlManifest.xml");
  if (!existsSync(manifestPath)) {
    problems.add(`The built control is missing (${shown(manifestPath)}): ${buildControls}.`);
    return undefined;
  }
  const manifestBytes = readFileSync(manifestPath);
  let manifest: BuiltControlManifest;
  try {
    manifest = readControlManifest(manifestBytes.toString("utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.add(`${shown(manifestPath)} can't be read as a control manifest (${reason}): ${buildControls}.`);
    return undefined;
  }
  if (manifest.namespace !== coSellPanel.namespace || manifest.constructorName !== coSellPanel.constructorName) {
    problems.add(
      `${shown(manifestPath)} describes ${manifest.namespace}.${manifest.constructorName}, but the solution ships ` +
        `${coSellPanel.namespace}.${coSellPanel.constructorName}: rebuild the control, or update solution/definition/coSellPanel.ts.`,
    );
  }
  const files = new Map<string, Uint8Array>([["ControlManifest.xml", manifestBytes]]);
  for (const path of manifest.resourcePaths) {
    const file = resolve(folder, path);
    if (!isInsideFolder(path)) problems.add(`${shown(manifestPath)} lists '${path}', outside the control's folder.`);
    else if (!existsSync(file)) problems.add(`The control's file ${shown(file)} is missing: ${buildControls}.`);
    else files.set(path.replace(/\\/g, "/").replace(/^\.\//, ""), readFileSync(file));
  }
  return { manifest, files };
}

function readWebResources(webResourcesDir: string, problems: PackProblems): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const { name } of webResources) {
    const file = join(webResourcesDir, name);
    if (existsSync(file)) files.set(name, readFileSync(file));
    else problems.add(`The web resource ${name} is missing (${shown(file)}): ${buildWebResources}.`);
  }
  return files;
}

/** Reads every input; undefined (with the problems recorded) when something is missing. */
export function readBuiltInputs(locations: InputLocations, problems: PackProblems): BuiltInputs | undefined {
  const control = readControl(locations.controlsDir, problems);
  const files = readWebResources(locations.webResourcesDir, problems);
  return control === undefined || files.size < webResources.length ? undefined : { control, webResources: files };
}
