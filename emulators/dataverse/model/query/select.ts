/**
 * `$select` (dataverse.md §4.1): logical names, lookups as `_x_value`. The primary key always comes back, and a
 * money column brings `_transactioncurrencyid_value` along. Without `$select`, every readable column is returned.
 */
import { propertyNotFound } from "../errors";
import type { MetadataCatalog } from "../metadata/catalog";
import type { ColumnDefinition, TableDefinition } from "../metadata/types";
import { propertyNameOf } from "./views";

/** The columns to return, in the table's column order. @throws DataverseError 400 for a name the table lacks. */
export function selectColumns(
  catalog: MetadataCatalog,
  table: TableDefinition,
  select: string | readonly string[] | undefined,
): ColumnDefinition[] {
  const readable = catalog.columns(table.logicalName).filter((column) => column.isValidForRead);
  const names = typeof select === "string" ? select.split(",") : (select ?? []);
  const requested = names.map((name) => name.trim()).filter((name) => name !== "");
  if (requested.length === 0) return readable;
  const chosen = new Set<string>([table.primaryIdAttribute]);
  for (const name of requested) {
    const column = readable.find((candidate) => propertyNameOf(candidate) === name);
    if (column === undefined) throw propertyNotFound(table.logicalName, name);
    chosen.add(column.logicalName);
    if (column.type === "Money" && catalog.column(table.logicalName, "transactioncurrencyid") !== undefined) {
      chosen.add("transactioncurrencyid");
    }
  }
  return readable.filter((column) => chosen.has(column.logicalName));
}

/** Checks a property name used in `$filter` or `$orderby`. @throws DataverseError 400 when it is not readable. */
export function columnOfProperty(catalog: MetadataCatalog, table: TableDefinition, name: string): ColumnDefinition {
  const column = catalog
    .columns(table.logicalName)
    .find((candidate) => candidate.isValidForRead && propertyNameOf(candidate) === name);
  if (column === undefined) throw propertyNotFound(table.logicalName, name);
  return column;
}
