/**
 * One process per PGlite folder. PGlite does not lock its data directory: measured here with PGlite 0.5, a second
 * process opens a folder that another process is writing to, and the two would corrupt it. So the store keeps a lock
 * file next to the database with the holder's pid, and takes it over only when that process is gone (kill -9 leaves
 * the file behind).
 */
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export interface FolderLock {
  /** Deletes the lock file; idempotent. */
  release(): void;
}

function tryCreate(path: string): boolean {
  const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    writeFileSync(path, JSON.stringify(holder), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function readHolder(path: string): Holder | null {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof value !== "object" || value === null) return null;
    const { pid, host, since } = value as Record<string, unknown>;
    if (typeof pid !== "number" || typeof host !== "string" || typeof since !== "string") return null;
    return { pid, host, since };
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Why the lock cannot be taken, or null when the file is stale (its process is gone or the file is unreadable). */
function refusal(holder: Holder | null, path: string): string | null {
  if (holder === null) return null;
  const remove = `If no Co-sell Bridge service uses this folder any more, delete ${path} and start again.`;
  if (holder.host !== hostname()) {
    return `it is locked by process ${holder.pid} on host ${holder.host} since ${holder.since}. ${remove}`;
  }
  if (holder.pid === process.pid) {
    return "this process has it open already: share that one Database instead of opening the folder twice.";
  }
  if (isRunning(holder.pid)) {
    return (
      `process ${holder.pid} has it open since ${holder.since}. The embedded database serves one process: stop ` +
      `that one, or set DATABASE_URL to share a PostgreSQL database between several. ${remove}`
    );
  }
  return null;
}

/** Takes the lock file at `path`, or throws saying who holds it and what to do. */
export function lockFolder(path: string, what: string): FolderLock {
  if (!tryCreate(path)) {
    const reason = refusal(readHolder(path), path);
    if (reason !== null) throw new Error(`Cannot open ${what}: ${reason}`);
    unlinkSync(path);
    if (!tryCreate(path)) {
      throw new Error(`Cannot open ${what}: another process took its lock file ${path} at the same moment.`);
    }
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      try {
        unlinkSync(path);
      } catch {
        // Already gone (someone deleted it by hand): nothing to release.
      }
    },
  };
}
