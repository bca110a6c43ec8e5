/**
 * FormattedValue annotations in English (en-US), as a user with default settings in the UTC time zone sees them:
 * option labels, Yes/No labels, money with its currency's symbol and precision, grouped numbers, `M/D/YYYY` dates and
 * `M/D/YYYY h:mm AM` date-times, and the primary name of a lookup's row. Formatting is done by hand so that it is
 * the same on every machine whatever ICU data Node carries.
 */
import { currencyTable } from "../../../../core";
import type { MetadataCatalog } from "../metadata/catalog";
import type { ColumnDefinition } from "../metadata/types";
import type { RecordStore } from "../records/recordStore";
import { isEntityReference, type StoredValue, type StoredValues } from "../records/values";

/** The text a user sees for `value`, or undefined when the value is null or the type has no formatted value. */
export function formattedValue(
  catalog: MetadataCatalog,
  store: RecordStore,
  column: ColumnDefinition,
  value: StoredValue,
  row: StoredValues,
): string | undefined {
  if (value === null) return undefined;
  switch (column.type) {
    case "Picklist":
    case "State":
    case "Status":
    case "MultiSelectPicklist": {
      const options = catalog.optionsOf(column);
      const values = Array.isArray(value) ? (value as readonly number[]) : [value as number];
      return values.map((item) => options.find((option) => option.value === item)?.label ?? String(item)).join("; ");
    }
    case "Boolean":
      return value === true ? column.trueLabel : column.falseLabel;
    case "Integer":
    case "BigInt":
    case "Decimal":
      return typeof value === "number" ? groupedNumber(value, column.precision) : undefined;
    case "Money":
      return typeof value === "number" ? money(store, value, column.precision, row) : undefined;
    case "DateTime":
      return typeof value === "string" ? dateText(value, column.behavior === "DateOnly") : undefined;
    case "Lookup":
      return isEntityReference(value) ? primaryName(catalog, store, value.logicalName, value.id) : undefined;
    case "String":
    case "Memo":
    case "Uniqueidentifier":
      return undefined;
  }
}

/** The primary name of a row, or undefined when it has none. */
export function primaryName(
  catalog: MetadataCatalog,
  store: RecordStore,
  table: string,
  id: string,
): string | undefined {
  const nameColumn = catalog.findTable(table)?.primaryNameAttribute;
  const name = nameColumn === null || nameColumn === undefined ? undefined : store.get(table, id)?.values[nameColumn];
  return typeof name === "string" ? name : undefined;
}

function money(store: RecordStore, amount: number, columnPrecision: number, row: StoredValues): string {
  const reference = row.transactioncurrencyid;
  const currency = isEntityReference(reference) ? store.get(currencyTable.logicalName, reference.id) : undefined;
  const symbol = typeof currency?.values.currencysymbol === "string" ? currency.values.currencysymbol : "";
  const precision =
    typeof currency?.values.currencyprecision === "number" ? currency.values.currencyprecision : columnPrecision;
  const text = groupedNumber(Math.abs(amount), precision);
  return `${amount < 0 ? "-" : ""}${symbol}${text}`;
}

/** `1234567.5` with 2 decimals → `1,234,567.50`. */
export function groupedNumber(value: number, decimals: number): string {
  const [whole = "0", fraction] = Math.abs(value).toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

function dateText(value: string, dateOnly: boolean): string {
  const [year = "", month = "", day = ""] = value.slice(0, 10).split("-");
  const date = `${Number(month)}/${Number(day)}/${year}`;
  if (dateOnly) return date;
  const hours = Number(value.slice(11, 13));
  const minutes = value.slice(14, 16);
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${date} ${hour12}:${minutes} ${hours < 12 ? "AM" : "PM"}`;
}
