/**
 * The real inputs of the packer for the solution tests: the built CoSellPanel control and web resources in out/.
 * `npm test` runs `npm run build` first, so they are normally there; when one is missing (a single test file run on a
 * fresh checkout) it is built here with the project's own build scripts. Packs are kept per version, since packing
 * is deterministic and several tests look at the same zips.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { buildSolutionZips, type PackedSolution } from "../../solution/packer";

export const repositoryRoot = resolve(__dirname, "../..");
export const builtControlFolder = join(repositoryRoot, "out", "controls", "CoSellPanel");
export const builtWebResourcesFolder = join(repositoryRoot, "out", "webresources");

function build(script: string, output: string): void {
  if (existsSync(output)) return;
  const path = join(repositoryRoot, "scripts", script);
  if (!existsSync(path)) return; // the packer then names what is missing and how to build it
  const result = spawnSync(process.execPath, [path], { cwd: repositoryRoot, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}${result.stderr}`);
}

/** Builds the control and the web resources when out/ lacks them. */
export function ensureBuildOutputs(): void {
  build("build-controls.mjs", join(builtControlFolder, "ControlManifest.xml"));
  // grid.js is the last script the build writes: an out/ from before it existed is built again.
  build("build-webresources.mjs", join(builtWebResourcesFolder, "csb_", "scripts", "grid.js"));
}

const packs = new Map<string, PackedSolution>();

/** Both zips of the real build, in memory; the version defaults to package.json's. */
export function packedSolution(version?: string): PackedSolution {
  const key = version ?? "(package.json)";
  const cached = packs.get(key);
  if (cached !== undefined) return cached;
  ensureBuildOutputs();
  const packed = buildSolutionZips({ root: repositoryRoot, ...(version === undefined ? {} : { version }) });
  packs.set(key, packed);
  return packed;
}

/** The files of a zip, by entry name. */
export function entriesOf(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(zip)));
}

/** A text part of a zip, without its byte order mark. */
export function textOf(zip: Uint8Array, entry: string): string {
  const bytes = entriesOf(zip).get(entry);
  if (bytes === undefined) throw new Error(`the zip has no ${entry}`);
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
}
