/**
 * Limits that keep a hostile or broken zip from exhausting memory. They are the emulator's own choice: Microsoft
 * documents no per-entry limit for solution zips, so these are generous for a solution of this project's size.
 */

/** How large and how many entries a solution zip may have before it is refused with "InvalidZip". */
export interface SolutionZipLimits {
  /** Entries in the zip, folders included. */
  maxEntries: number;
  /** Uncompressed bytes of one file. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all files together. */
  maxTotalBytes: number;
}

const mebibyte = 1024 * 1024;

/** The limits used when the caller names none. */
export const defaultSolutionZipLimits: Readonly<SolutionZipLimits> = {
  maxEntries: 2_000,
  maxEntryBytes: 32 * mebibyte,
  maxTotalBytes: 128 * mebibyte,
};

/** Options of readSolutionZip. */
export interface ReadSolutionOptions {
  /** Overrides some or all of the default limits. */
  limits?: Partial<SolutionZipLimits>;
}

/** The effective limits for one read. */
export function resolveLimits(options: ReadSolutionOptions): SolutionZipLimits {
  return { ...defaultSolutionZipLimits, ...options.limits };
}
