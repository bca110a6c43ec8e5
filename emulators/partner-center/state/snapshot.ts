/**
 * Saving and restoring the emulator's state as versioned JSON, in memory or in a file. A file is written to a
 * temporary name and then renamed over the old one, so a crash mid-write leaves the previous complete file.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Referral } from "../../../core";
import { writeFileAtomically } from "../../shared/atomicFile";
import { jsonObjectOf } from "../../shared/jsonObject";
import { isRecord } from "./fieldChecks";
import type { PartnerSolution } from "./solutions";

export const snapshotVersion = 1;

/** Everything the emulator knows, as JSON. Links are not saved: they follow the API base URL when read. */
export interface EmulatorSnapshot {
  version: typeof snapshotVersion;
  savedAt: string;
  referrals: Referral[];
  solutions: PartnerSolution[];
}

/** A snapshot that can't be read: wrong version, malformed JSON or a member of the wrong shape. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SnapshotError";
  }
}

const requiredReferralText = ["id", "engagementId", "name", "createdDateTime", "updatedDateTime", "eTag"] as const;

/**
 * Reads a snapshot from JSON text or an already parsed value.
 * @throws SnapshotError naming what is wrong.
 */
export function parseSnapshot(input: unknown, origin = "snapshot"): EmulatorSnapshot {
  const value = jsonObjectOf(input, origin, (message) => new SnapshotError(message));
  if (value.version !== snapshotVersion) {
    throw new SnapshotError(`${origin} has version ${String(value.version)}; this emulator reads version 1`);
  }
  const { referrals, solutions } = value;
  if (!Array.isArray(referrals)) throw new SnapshotError(`${origin}.referrals must be an array`);
  if (!Array.isArray(solutions)) throw new SnapshotError(`${origin}.solutions must be an array`);
  referrals.forEach((referral, index) => {
    const missing = isRecord(referral)
      ? requiredReferralText.filter((key) => typeof referral[key] !== "string")
      : ["the whole referral"];
    if (missing.length > 0) throw new SnapshotError(`${origin}.referrals[${index}] lacks ${missing.join(", ")}`);
  });
  return {
    version: snapshotVersion,
    savedAt: typeof value.savedAt === "string" ? value.savedAt : "",
    referrals: structuredClone(referrals) as Referral[],
    solutions: structuredClone(solutions) as PartnerSolution[],
  };
}

/** The snapshot in a file, or undefined when the file doesn't exist yet. */
export function readSnapshotFile(path: string): EmulatorSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  return parseSnapshot(readFileSync(path, "utf8"), path);
}

/** Writes the snapshot (indented JSON) next to `path` under a temporary name, then renames it into place. */
export function writeSnapshotFile(path: string, snapshot: EmulatorSnapshot): void {
  writeFileAtomically(path, `${JSON.stringify(snapshot, null, 2)}\n`);
}
