/**
 * Reads a create or update body into column values (dataverse.md §4.1): plain members by logical name, lookups only
 * through `<navigation>@odata.bind` ("/accounts(<id>)") or `<navigation>: null`, instance annotations ignored so a
 * client can send back what it read. Every refusal names the member.
 */
import { invalidArgument, payloadError, propertyNotFound, recordNotFound } from "../errors";
import type { MetadataCatalog } from "../metadata/catalog";
import type { ColumnDefinition, TableDefinition } from "../metadata/types";
import { coerceValue, directLookupWrite, isGuid } from "./coerce";
import type { StoredValue } from "./values";

/** What a body says: column values in body order, and the primary key when the body names one. */
export interface ParsedPayload {
  readonly values: Map<string, StoredValue>;
  readonly id: string | undefined;
}

/** What reading a body needs to know. */
export interface PayloadContext {
  readonly catalog: MetadataCatalog;
  readonly table: TableDefinition;
  readonly mode: "create" | "update";
  /** Whether a bound row exists; binding to a missing row is refused with 404. */
  readonly exists: (table: string, id: string) => boolean;
}

const BIND_VALUE = /^(?:.*\/)?([A-Za-z0-9_]+)\(([^()]*)\)$/;
const LOOKUP_VALUE = /^_(.+)_value$/;

/** @throws DataverseError 400 or 404 naming the member that can't be read. */
export function parsePayload(body: unknown, context: PayloadContext): ParsedPayload {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw payloadError(`The body for '${context.table.logicalName}' must be a JSON object.`);
  }
  const values = new Map<string, StoredValue>();
  let id: string | undefined;
  for (const [key, raw] of Object.entries(body)) {
    const at = key.indexOf("@");
    if (at >= 0) {
      if (key.slice(at + 1) === "odata.bind") {
        const [column, reference] = bind(key.slice(0, at), raw, context);
        values.set(column, reference);
      }
      // Other annotations (@odata.type, @odata.etag, formatted values) carry no data to store.
      continue;
    }
    if (key === context.table.primaryIdAttribute) {
      const column = context.catalog.column(context.table.logicalName, key);
      if (column !== undefined) id = coerceValue(context.table.logicalName, column, raw) as string;
      continue;
    }
    const [name, value] = plainMember(key, raw, context);
    values.set(name, value);
  }
  return { values, id };
}

function plainMember(key: string, raw: unknown, context: PayloadContext): [string, StoredValue] {
  const { catalog, table } = context;
  const column = catalog.column(table.logicalName, key);
  if (column !== undefined) {
    checkWritable(column, context);
    if (column.type === "Lookup" && raw === null) return [key, null];
    const options = "options" in column ? catalog.optionsOf(column) : [];
    return [key, coerceValue(table.logicalName, column, raw, options)];
  }
  // A navigation property set to null clears its lookup; any other value would be a deep insert.
  const navigation = catalog.navigation(table.logicalName, key);
  if (navigation?.kind === "single") {
    checkWritable(navigation.column, context);
    if (raw === null) return [navigation.column.logicalName, null];
    const set = setOf(context, navigation.target.table);
    throw payloadError(
      `'${key}' on '${table.logicalName}' takes a reference: send '${key}@odata.bind': "/${set}(<id>)".`,
    );
  }
  const lookupName = LOOKUP_VALUE.exec(key)?.[1];
  const lookup = lookupName === undefined ? undefined : catalog.column(table.logicalName, lookupName);
  if (lookup?.type === "Lookup") throw directLookupWrite(table.logicalName, lookup.logicalName);
  throw propertyNotFound(table.logicalName, key);
}

function bind(navigationName: string, raw: unknown, context: PayloadContext): [string, StoredValue] {
  const { catalog, table } = context;
  const navigation = catalog.navigation(table.logicalName, navigationName);
  if (navigation?.kind !== "single") throw propertyNotFound(table.logicalName, navigationName);
  checkWritable(navigation.column, context);
  const column = navigation.column.logicalName;
  if (raw === null) return [column, null];
  const expectedSet = setOf(context, navigation.target.table);
  const match = typeof raw === "string" ? BIND_VALUE.exec(raw) : null;
  const key = match?.[2]?.replace(/^'(.*)'$/, "$1") ?? "";
  if (match?.[1] !== expectedSet || !isGuid(key)) {
    throw payloadError(
      `'${navigationName}@odata.bind' on '${table.logicalName}' must be a reference like "/${expectedSet}(<id>)"; ` +
        `got ${JSON.stringify(raw)}.`,
    );
  }
  const id = key.toLowerCase();
  if (!context.exists(navigation.target.table, id)) throw recordNotFound(navigation.target.table, id);
  return [column, { logicalName: navigation.target.table, id }];
}

function checkWritable(column: ColumnDefinition, context: PayloadContext): void {
  const allowed = context.mode === "create" ? column.isValidForCreate : column.isValidForUpdate;
  if (!allowed) {
    const reason = column.isValidForCreate ? "it can only be set on create" : "the platform maintains it";
    const table = context.table.logicalName;
    throw invalidArgument(
      `The '${column.logicalName}' column of '${table}' can't be set on ${context.mode}: ${reason}.`,
    );
  }
}

function setOf(context: PayloadContext, table: string): string {
  return context.catalog.findTable(table)?.entitySetName ?? table;
}
