/**
 * Opens the zip container of a solution with fflate and refuses what Dataverse's packaging does not produce or
 * what would be unsafe to unpack: entry names with backslashes (shared/reference/toolchain.md §4: zips written by
 * PowerShell's Compress-Archive break the import), absolute names or `..` segments, names that collide, compression
 * methods other than stored and deflate, and entries beyond the size limits.
 */
import { unzipSync, type UnzipFileInfo } from "fflate";
import type { SolutionZipLimits } from "./limits";
import { zipContainerPart, type Findings } from "./problems";

/** The files of a solution zip by entry name, folders left out. Names use forward slashes and no leading slash. */
export type SolutionFiles = ReadonlyMap<string, Uint8Array>;

const storedMethod = 0;
const deflateMethod = 8;

/** A zip starts with a local file header, or is an empty zip that starts with its end-of-directory record. */
function hasZipSignature(bytes: Uint8Array): boolean {
  const [p, k, third, fourth] = bytes;
  return p === 0x50 && k === 0x4b && ((third === 3 && fourth === 4) || (third === 5 && fourth === 6));
}

/** What is wrong with an entry name, or undefined when it is a safe relative name. */
function entryNameProblem(name: string): string | undefined {
  if (name.includes("\\")) {
    return (
      "The entry name uses backslashes. Zip entry names must use forward slashes; re-create the zip with a tool " +
      "that writes them (PowerShell's Compress-Archive does not)."
    );
  }
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) {
    return "The entry name is an absolute path. Entry names must be relative to the root of the zip.";
  }
  const segments = name.replace(/\/$/, "").split("/");
  if (segments.some((segment) => segment === "..")) {
    return "The entry name climbs out of the zip with '..'. Remove the entry; a solution never contains such paths.";
  }
  if (segments.some((segment) => segment === "" || segment === ".")) {
    return "The entry name has an empty or '.' folder. Re-create the zip with plain relative names.";
  }
  if (/\p{Cc}/u.test(name)) {
    return "The entry name contains control characters. Rename the file.";
  }
  return undefined;
}

/** Tracks entry names, counts and sizes while fflate walks the central directory. */
class EntryScreen {
  private entryCount = 0;
  private totalBytes = 0;
  private readonly namesByFoldedName = new Map<string, string>();

  constructor(
    private readonly limits: SolutionZipLimits,
    private readonly findings: Findings,
  ) {}

  /** Whether fflate should inflate this entry; every refusal is recorded as a finding. */
  admit(entry: UnzipFileInfo): boolean {
    this.entryCount += 1;
    if (this.entryCount === this.limits.maxEntries + 1) {
      this.refuse(zipContainerPart, `The zip has more than ${this.limits.maxEntries} entries, the most accepted.`);
    }
    if (this.entryCount > this.limits.maxEntries) return false;
    const nameProblem = entryNameProblem(entry.name);
    if (nameProblem !== undefined) return this.refuse(entry.name, nameProblem);
    if (!this.isNewName(entry.name)) return false;
    if (entry.name.endsWith("/")) return false;
    if (entry.compression !== storedMethod && entry.compression !== deflateMethod) {
      return this.refuse(
        entry.name,
        `The entry is compressed with method ${entry.compression}; only stored (0) and deflate (8) are supported. ` +
          "Re-create the zip with ordinary deflate compression.",
      );
    }
    return this.withinSizeLimits(entry);
  }

  private isNewName(name: string): boolean {
    const folded = name.toLowerCase();
    const earlier = this.namesByFoldedName.get(folded);
    if (earlier === undefined) {
      this.namesByFoldedName.set(folded, name);
      return true;
    }
    const how = earlier === name ? "twice" : `twice, as '${earlier}' and '${name}' (names differ only in letter case)`;
    return this.refuse(name, `The zip contains this entry ${how}. Keep one of them.`);
  }

  private withinSizeLimits(entry: UnzipFileInfo): boolean {
    if (entry.originalSize > this.limits.maxEntryBytes) {
      return this.refuse(
        entry.name,
        `The file is ${entry.originalSize} bytes, more than the ${this.limits.maxEntryBytes} bytes accepted per file.`,
      );
    }
    const before = this.totalBytes;
    this.totalBytes += entry.originalSize;
    if (this.totalBytes > this.limits.maxTotalBytes) {
      if (before <= this.limits.maxTotalBytes) {
        this.refuse(
          zipContainerPart,
          `The files of the zip add up to more than ${this.limits.maxTotalBytes} bytes once unpacked, the most accepted.`,
        );
      }
      return false;
    }
    return true;
  }

  private refuse(part: string, message: string): false {
    this.findings.problem("InvalidZip", part, message);
    return false;
  }
}

/**
 * Unpacks a solution zip. Problems with the container stop the import at once (nothing inside an unsafe zip is
 * read), so this throws SolutionImportError through `findings` when any is found.
 */
export function openSolutionZip(bytes: Uint8Array, limits: SolutionZipLimits, findings: Findings): SolutionFiles {
  if (!hasZipSignature(bytes)) {
    findings.problem(
      "InvalidZip",
      zipContainerPart,
      "The file is not a zip. A solution is the .zip file that Dataverse exports or the packer writes.",
    );
    findings.throwIfAny();
  }
  const screen = new EntryScreen(limits, findings);
  let unpacked: Record<string, Uint8Array> = {};
  try {
    unpacked = unzipSync(bytes, { filter: (entry) => screen.admit(entry) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    findings.problem(
      "InvalidZip",
      zipContainerPart,
      `The zip is damaged and can't be read (${reason}). Export it again.`,
    );
  }
  findings.throwIfAny();
  return new Map(Object.entries(unpacked));
}
