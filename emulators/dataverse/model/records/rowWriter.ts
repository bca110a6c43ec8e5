/**
 * Writes one row: merges the body's values over the current row, fills what the platform fills (defaults, owner,
 * audit columns, row version), applies the state and derived-column rules, stores the row, and works out what
 * changed for the change event.
 */
import { systemUserTable } from "../../../../core";
import { recordImage, type ChangeEvent, type ChangeMessage, type CloseRequest } from "../events";
import type { MetadataCatalog } from "../metadata/catalog";
import { bookkeepingColumns } from "../metadata/platformColumns";
import type { TableDefinition } from "../metadata/types";
import { checkRequired, deriveColumns } from "./derivedColumns";
import type { RecordStore } from "./recordStore";
import { applyStateRules, type PendingRow } from "./stateRules";
import type { RecordImage, StoredRecord, StoredValue } from "./values";

/** Who makes a change, when, and in which causal chain (§3.5: correlation id and depth). */
export interface Operation {
  readonly actor: string;
  readonly correlationId: string;
  readonly depth: number;
  /** ISO 8601 UTC to the second, as Dataverse keeps modifiedon. */
  readonly at: string;
}

export interface SaveRequest {
  readonly table: TableDefinition;
  readonly id: string;
  readonly values: ReadonlyMap<string, StoredValue>;
  /** The row as it is now; undefined to create it. */
  readonly previous: StoredRecord | undefined;
  /** True only for WinOpportunity/LoseOpportunity, the one way to close an opportunity. */
  readonly closing?: boolean;
}

export interface SavedRow {
  readonly table: string;
  readonly record: StoredRecord;
  readonly changedAttributes: readonly string[];
  readonly target: RecordImage;
}

const bookkeeping: readonly string[] = bookkeepingColumns;

/** @throws DataverseError 400 when a rule refuses the row; nothing is stored then. */
export function saveRow(
  catalog: MetadataCatalog,
  store: RecordStore,
  request: SaveRequest,
  operation: Operation,
): SavedRow {
  const { table, id, previous } = request;
  const next: Record<string, StoredValue> = { ...previous?.values };
  for (const [name, value] of request.values) next[name] = value;
  const sent = new Set(request.values.keys());
  const row: PendingRow = { table: table.logicalName, next, sent, previous: previous?.values };
  const actor = { logicalName: systemUserTable.logicalName, id: operation.actor };
  if (previous === undefined) fillCreateDefaults(catalog, table, id, next, operation);
  const derived = [...applyStateRules(catalog, row, request.closing === true), ...deriveColumns(catalog, store, row)];
  checkRequired(catalog, row);

  const version = store.nextVersion();
  if (previous === undefined) next.createdby = actor;
  next.modifiedon = operation.at;
  next.modifiedby = actor;
  next.versionnumber = version;
  const record: StoredRecord = { id, version, values: next };
  store.put(table.logicalName, record);

  const changedAttributes =
    previous === undefined
      ? Object.keys(next).filter((name) => !bookkeeping.includes(name) && (next[name] !== null || sent.has(name)))
      : [...new Set([...sent, ...derived])];
  const targetNames = previous === undefined ? Object.keys(next) : [...changedAttributes, "modifiedon", "modifiedby"];
  const targetValues = Object.fromEntries(targetNames.map((name) => [name, next[name] ?? null]));
  return {
    table: table.logicalName,
    record,
    changedAttributes,
    target: recordImage(catalog, table.logicalName, targetValues, changedAttributes),
  };
}

/** The event of a saved row. */
export function changeEventOf(
  catalog: MetadataCatalog,
  message: ChangeMessage,
  saved: SavedRow,
  previous: StoredRecord | undefined,
  operation: Operation,
  closeRequest: CloseRequest | null = null,
): ChangeEvent {
  const { table } = saved;
  return {
    message,
    table,
    id: saved.record.id,
    changedAttributes: saved.changedAttributes,
    target: saved.target,
    preImage: previous === undefined ? null : recordImage(catalog, table, previous.values),
    postImage: recordImage(catalog, table, saved.record.values),
    actor: operation.actor,
    correlationId: operation.correlationId,
    depth: operation.depth,
    at: operation.at,
    version: saved.record.version,
    closeRequest,
  };
}

function fillCreateDefaults(
  catalog: MetadataCatalog,
  table: TableDefinition,
  id: string,
  next: Record<string, StoredValue>,
  operation: Operation,
): void {
  for (const column of catalog.columns(table.logicalName)) {
    const name = column.logicalName;
    if (next[name] !== undefined) continue;
    next[name] = "defaultValue" in column ? column.defaultValue : null;
  }
  next[table.primaryIdAttribute] = id;
  if (next.ownerid === null && catalog.column(table.logicalName, "ownerid") !== undefined) {
    next.ownerid = { logicalName: systemUserTable.logicalName, id: operation.actor };
  }
  // overriddencreatedon back-dates createdon and keeps the real creation time, as the platform does for migrations.
  const override = next.overriddencreatedon;
  next.createdon = typeof override === "string" ? override : operation.at;
  if (typeof override === "string") next.overriddencreatedon = operation.at;
}
