/**
 * Writes the solution zip with fflate. The output depends only on the files: entries in the order given, with
 * forward-slash names, deflate level 6, and one fixed modification time. fflate writes DOS times from a Date's local
 * fields, so the time is built from local fields too, which gives the same bytes in every time zone.
 */
import { zipSync, type Zippable } from "fflate";

/** 1 January 2000, 00:00 local time: inside the DOS date range, and the same DOS fields everywhere. */
const fixedModificationTime = new Date(2000, 0, 1, 0, 0, 0);

/** The files of a solution by zip entry name, in the order they go into the zip. */
export type SolutionFiles = ReadonlyMap<string, Uint8Array>;

export function zipSolution(files: SolutionFiles): Uint8Array {
  const entries: Zippable = {};
  for (const [name, bytes] of files) {
    if (name.includes("\\") || name.startsWith("/")) {
      throw new Error(`The zip entry '${name}' must be a relative name with forward slashes.`);
    }
    entries[name] = [bytes, { level: 6, mtime: fixedModificationTime }];
  }
  return zipSync(entries);
}
