/**
 * The organization as versioned JSON: the metadata customizations in the order they were made, every row, and the
 * row version counter (so ETags keep growing after a restore). A snapshot file is written to a temporary name and
 * renamed over the old one, so a crash mid-write leaves the previous complete file.
 */
import { existsSync, readFileSync } from "node:fs";
import { writeFileAtomically } from "../../shared/atomicFile";
import { jsonObjectOf } from "../../shared/jsonObject";
import type { MetadataAddition, MetadataCatalog } from "./metadata/catalog";
import type { RecordStore } from "./records/recordStore";
import type { StoredRecord } from "./records/values";

export const snapshotFormat = "cosell-bridge/dataverse-organization";
export const snapshotVersion = 1;

export interface OrganizationSnapshot {
  readonly format: typeof snapshotFormat;
  readonly version: typeof snapshotVersion;
  readonly savedAt: string;
  /** The last row version handed out. */
  readonly rowVersion: number;
  readonly metadata: readonly MetadataAddition[];
  /** Rows by table logical name. */
  readonly rows: Readonly<Record<string, readonly StoredRecord[]>>;
}

/** A snapshot that can't be read: not JSON, another format or version, or a member of the wrong shape. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SnapshotError";
  }
}

/**
 * Reads a snapshot from JSON text or an already parsed value. Row values are checked against the metadata when the
 * organization loads them.
 * @throws SnapshotError naming what is wrong.
 */
export function parseSnapshot(input: unknown, origin = "snapshot"): OrganizationSnapshot {
  const value = jsonObjectOf(input, origin, (message) => new SnapshotError(message));
  if (value.format !== snapshotFormat || value.version !== snapshotVersion) {
    throw new SnapshotError(`${origin} is not a version ${snapshotVersion} ${snapshotFormat} snapshot`);
  }
  const { rowVersion, metadata, rows } = value;
  if (typeof rowVersion !== "number" || !Number.isInteger(rowVersion) || rowVersion < 0) {
    throw new SnapshotError(`${origin}.rowVersion must be a whole number`);
  }
  if (!Array.isArray(metadata)) throw new SnapshotError(`${origin}.metadata must be an array`);
  metadata.forEach((addition, index) => {
    if (!isObject(addition) || !["table", "column", "choice"].includes(String(addition.kind))) {
      throw new SnapshotError(`${origin}.metadata[${index}] is not a table, column or choice addition`);
    }
  });
  if (!isObject(rows)) throw new SnapshotError(`${origin}.rows must be an object of tables`);
  for (const [table, records] of Object.entries(rows)) {
    if (!Array.isArray(records)) throw new SnapshotError(`${origin}.rows.${table} must be an array`);
    records.forEach((record, index) => {
      const sound =
        isObject(record) &&
        typeof record.id === "string" &&
        typeof record.version === "number" &&
        isObject(record.values);
      if (!sound) throw new SnapshotError(`${origin}.rows.${table}[${index}] needs an id, a version and values`);
    });
  }
  return structuredClone({
    format: snapshotFormat,
    version: snapshotVersion,
    savedAt: typeof value.savedAt === "string" ? value.savedAt : "",
    rowVersion,
    metadata: metadata as MetadataAddition[],
    rows: rows as Record<string, StoredRecord[]>,
  });
}

/** The snapshot in a file, or undefined when the file doesn't exist yet. @throws SnapshotError when unreadable. */
export function readSnapshotFile(path: string): OrganizationSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  return parseSnapshot(readFileSync(path, "utf8"), path);
}

/** Writes the snapshot (compact JSON) next to `path` under a temporary name, then renames it into place. */
export function writeSnapshotFile(path: string, snapshot: OrganizationSnapshot): void {
  writeFileAtomically(path, JSON.stringify(snapshot));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Replays a snapshot's customizations into a catalog holding only the platform's tables, then loads its rows.
 * @throws SnapshotError when a row names a table or column that the snapshot's metadata doesn't define.
 */
export function restoreSnapshot(snapshot: OrganizationSnapshot, catalog: MetadataCatalog, store: RecordStore): void {
  for (const addition of snapshot.metadata) {
    if (addition.kind === "table") catalog.addTable(addition.spec);
    else if (addition.kind === "column") catalog.addColumn(addition.table, addition.spec);
    else catalog.addChoice(addition.choice);
  }
  for (const [table, records] of Object.entries(snapshot.rows)) {
    for (const record of records) {
      const unknown = Object.keys(record.values).find((column) => catalog.column(table, column) === undefined);
      if (unknown !== undefined) {
        throw new SnapshotError(`snapshot row ${table}(${record.id}) has '${unknown}', which ${table} doesn't define`);
      }
    }
  }
  store.load(snapshot.rows, snapshot.rowVersion);
}
