/**
 * Values the platform works out from others: fullname from first and last name (contact, systemuser),
 * isauthvalueset from authvalue (serviceendpoint, §3.1), and the currency of a row that gets a money value without
 * one (§4.1: money columns come with `_transactioncurrencyid_value`). Which tables have them follows from their
 * columns, so a table added at run time with the same columns behaves the same.
 */
import { currencyTable } from "../../../../core";
import { invalidArgument } from "../errors";
import type { MetadataCatalog } from "../metadata/catalog";
import type { RecordStore } from "./recordStore";
import type { PendingRow } from "./stateRules";
import { sameValue, type EntityReference, type StoredValue } from "./values";

/**
 * Sets the derived values of `row.next` in place.
 * @returns the derived attributes whose value changed.
 */
export function deriveColumns(catalog: MetadataCatalog, store: RecordStore, row: PendingRow): string[] {
  const has = (name: string): boolean => catalog.column(row.table, name) !== undefined;
  const { next } = row;
  const derived: Record<string, StoredValue> = {};
  if (has("fullname") && has("firstname") && has("lastname")) {
    const parts = [next.firstname, next.lastname].filter(
      (part): part is string => typeof part === "string" && part !== "",
    );
    derived.fullname = parts.length === 0 ? null : parts.join(" ");
  }
  if (has("isauthvalueset") && has("authvalue")) {
    derived.isauthvalueset = typeof next.authvalue === "string" && next.authvalue !== "";
  }
  const hasMoney = catalog
    .columns(row.table)
    .some((column) => column.type === "Money" && typeof next[column.logicalName] === "number");
  if (has("transactioncurrencyid") && hasMoney && (next.transactioncurrencyid ?? null) === null) {
    derived.transactioncurrencyid = baseCurrency(store);
  }
  const changed: string[] = [];
  for (const [name, value] of Object.entries(derived)) {
    const before = row.previous?.[name] ?? null;
    next[name] = value;
    if (!sameValue(before, value)) changed.push(name);
  }
  return changed;
}

/** @throws DataverseError 400 when a SystemRequired column would be empty. */
export function checkRequired(catalog: MetadataCatalog, row: PendingRow): void {
  for (const column of catalog.columns(row.table)) {
    if (column.requiredLevel !== "SystemRequired") continue;
    const value = row.next[column.logicalName];
    if (value === null || value === undefined || value === "") {
      throw invalidArgument(`'${column.logicalName}' is required on '${row.table}' and can't be empty.`);
    }
  }
}

/** The organization's base currency: the first currency with exchange rate 1, else the first currency. */
export function baseCurrency(store: RecordStore): EntityReference | null {
  const currencies = store.rows(currencyTable.logicalName);
  const base = currencies.find((currency) => currency.values.exchangerate === 1) ?? currencies[0];
  return base === undefined ? null : { logicalName: currencyTable.logicalName, id: base.id };
}
