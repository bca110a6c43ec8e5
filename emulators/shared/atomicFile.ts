/**
 * Replacing a file so that a reader, or the next start after a crash, sees either the old complete file or the new
 * one, never half of it: the text goes to a temporary file next to the target, which is then renamed over it (a
 * rename within one folder is atomic).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

// One counter for the whole process, so that two writers of the same path never pick the same temporary name.
let temporaryFileCounter = 0;

/**
 * Writes `text` (UTF-8) to `path`, creating its folder when missing. On failure the temporary file is removed and
 * the previous file, if any, is left as it was.
 */
export function writeFileAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  temporaryFileCounter += 1;
  const temporary = `${path}.${process.pid}.${temporaryFileCounter}.tmp`;
  try {
    writeFileSync(temporary, text, "utf8");
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
