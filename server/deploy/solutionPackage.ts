/**
 * The solution zips to deploy, read from disk as scripts/build-solution.mjs wrote them
 * (`CoSellBridge_<a_b_c_d>.zip` and `..._managed.zip`, solution/README.md). Each zip is opened and its solution.xml
 * read, so a renamed, truncated or hand-edited zip is refused before Dataverse sees it, and both zips' SHA-256 go
 * into the deployment record, which is how production knows it gets the very build staging passed with.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { unzipSync } from "fflate";
import { solutionIdentity } from "../../core";
import { DeployError } from "./deployError";
import type { PackageKind } from "./profile";

export interface SolutionZip {
  readonly kind: PackageKind;
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

export interface SolutionPackage {
  readonly uniqueName: string;
  /** a.b.c.d */
  readonly version: string;
  readonly managed: SolutionZip;
  readonly unmanaged: SolutionZip;
}

const VERSION = /^\d+\.\d+\.\d+\.\d+$/;
const FILE_NAME = new RegExp(`^${solutionIdentity.uniqueName}_(\\d+_\\d+_\\d+_\\d+)(_managed)?\\.zip$`);

export function compareVersions(left: string, right: string): number {
  const a = left.split(".").map(Number);
  const b = right.split(".").map(Number);
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

export function isSolutionVersion(text: string): boolean {
  return VERSION.test(text);
}

function zipPath(folder: string, version: string, kind: PackageKind): string {
  const base = `${solutionIdentity.uniqueName}_${version.replaceAll(".", "_")}`;
  return join(folder, kind === "managed" ? `${base}_managed.zip` : `${base}.zip`);
}

/** The newest version with both zips in the folder, or null. */
export function newestPackagedVersion(folder: string): string | null {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  const kinds = new Map<string, Set<boolean>>();
  for (const name of names) {
    const match = FILE_NAME.exec(name);
    if (match?.[1] === undefined) continue;
    const version = match[1].replaceAll("_", ".");
    kinds.set(version, (kinds.get(version) ?? new Set()).add(match[2] !== undefined));
  }
  const complete = [...kinds].filter(([, found]) => found.size === 2).map(([version]) => version);
  return complete.sort(compareVersions).at(-1) ?? null;
}

/**
 * Reads both zips of a version. @throws DeployError packageMissing (a zip is absent) or packageCorrupt (unreadable,
 * or its solution.xml names another solution, version or kind).
 */
export function readSolutionPackage(folder: string, version: string): SolutionPackage {
  const absolute = resolve(folder);
  const read = (kind: PackageKind): SolutionZip => {
    const path = zipPath(absolute, version, kind);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch {
      throw new DeployError("packageMissing", `The ${kind} zip of version ${version} is not there: ${path}.`);
    }
    checkManifest(path, bytes, version, kind);
    return { kind, path, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  };
  return { uniqueName: solutionIdentity.uniqueName, version, managed: read("managed"), unmanaged: read("unmanaged") };
}

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

function checkManifest(path: string, bytes: Uint8Array, version: string, kind: PackageKind): void {
  const corrupt = (problem: string): DeployError =>
    new DeployError("packageCorrupt", `${path} can't be deployed: ${problem}.`);
  let solutionXml: Uint8Array | undefined;
  try {
    solutionXml = unzipSync(bytes, { filter: (file) => file.name === "solution.xml" })["solution.xml"];
  } catch (error) {
    throw corrupt(`it is not a readable zip (${error instanceof Error ? error.message : String(error)})`);
  }
  if (solutionXml === undefined) throw corrupt("it has no solution.xml, so it is not a solution export");
  let manifest: unknown;
  try {
    const text = new TextDecoder().decode(solutionXml).replace(/^\uFEFF/, "");
    manifest = (xml.parse(text) as { ImportExportXml?: { SolutionManifest?: unknown } }).ImportExportXml
      ?.SolutionManifest;
  } catch {
    throw corrupt("its solution.xml is not well-formed XML");
  }
  const fields = (manifest ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  const found = {
    uniqueName: text(fields.UniqueName),
    version: text(fields.Version),
    managed: text(fields.Managed) === "1",
  };
  if (found.uniqueName !== solutionIdentity.uniqueName) {
    throw corrupt(`its solution.xml names the solution '${found.uniqueName}', not ${solutionIdentity.uniqueName}`);
  }
  if (found.version !== version) throw corrupt(`its solution.xml has version ${found.version}, not ${version}`);
  if (found.managed !== (kind === "managed")) {
    throw corrupt(`its solution.xml says ${found.managed ? "managed" : "unmanaged"}, but the file name says ${kind}`);
  }
}
