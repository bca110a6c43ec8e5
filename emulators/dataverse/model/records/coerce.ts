/**
 * Reads one body member as its column's type, or refuses it with a message naming the column. Types follow the
 * Web API's JSON: numbers for whole numbers, decimals and money, `true`/`false`, ISO 8601 text for dates (Edm.Date
 * for date-only columns), option values as numbers and multi-select choices as "1,2" text.
 */
import { DataverseError, ErrorCode, payloadError } from "../errors";
import type { ChoiceOption, ColumnDefinition, DateTimeColumn } from "../metadata/types";
import type { StoredValue } from "./values";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/;
// Dataverse stores dates from 1753 (SQL Server's datetime range) to 9999.
const earliestYear = 1753;

/** True for a GUID in 8-4-4-4-12 form, either case. */
export function isGuid(text: string): boolean {
  return GUID.test(text);
}

/**
 * The stored form of `raw` for `column` of `table`; `options` are the column's options when it is a choice.
 * @throws DataverseError 400 naming the column: wrong JSON type, too long, out of range, not an option.
 */
export function coerceValue(
  table: string,
  column: ColumnDefinition,
  raw: unknown,
  options: readonly ChoiceOption[] = [],
): StoredValue {
  if (raw === null) return null;
  const wrongType = (): DataverseError => conversionError(table, column, raw);
  switch (column.type) {
    case "String":
    case "Memo": {
      if (typeof raw !== "string") throw wrongType();
      if (raw.length > column.maxLength) {
        throw new DataverseError(
          400,
          ErrorCode.stringTooLong,
          `A validation error occurred. The length of the '${column.logicalName}' attribute of the '${table}' entity ` +
            `exceeded the maximum allowed length of '${column.maxLength}'.`,
        );
      }
      return raw;
    }
    case "Integer":
    case "BigInt":
    case "Decimal":
    case "Money": {
      if (typeof raw !== "number" || !Number.isFinite(raw)) throw wrongType();
      if (column.precision === 0 && !Number.isInteger(raw)) throw wrongType();
      if (raw < column.minValue || raw > column.maxValue) {
        throw outOfRange(table, column.logicalName, raw, `${column.minValue} to ${column.maxValue}`);
      }
      const factor = 10 ** column.precision;
      return Math.round(raw * factor) / factor;
    }
    case "Boolean":
      if (typeof raw !== "boolean") throw wrongType();
      return raw;
    case "DateTime":
      if (typeof raw !== "string") throw wrongType();
      return coerceDate(table, column, raw) ?? throwError(wrongType());
    case "Picklist":
    case "State":
    case "Status":
      if (typeof raw !== "number" || !Number.isInteger(raw)) throw wrongType();
      checkOption(table, column.logicalName, raw, options);
      return raw;
    case "MultiSelectPicklist": {
      if (typeof raw !== "string") throw wrongType();
      if (raw.trim() === "") return null;
      const values = raw.split(",").map((part) => part.trim());
      if (values.some((part) => !/^-?\d+$/.test(part))) throw wrongType();
      const numbers = [...new Set(values.map(Number))].sort((left, right) => left - right);
      for (const value of numbers) checkOption(table, column.logicalName, value, options);
      return numbers;
    }
    case "Uniqueidentifier":
      if (typeof raw !== "string" || !isGuid(raw)) throw wrongType();
      return raw.toLowerCase();
    case "Lookup":
      throw directLookupWrite(table, column.logicalName);
  }
}

/** 400 for a lookup written as a plain value: lookups are set through `<navigation>@odata.bind` (§4.1). */
export function directLookupWrite(table: string, column: string): DataverseError {
  return payloadError(
    `The lookup '${column}' of '${table}' can't be set directly: CRM do not support direct update of Entity ` +
      `Reference properties, Use Navigation properties instead ('<navigation>@odata.bind').`,
  );
}

/** The Edm type a column has in the Web API's metadata, for messages. */
export function edmTypeOf(column: ColumnDefinition): string {
  switch (column.type) {
    case "String":
    case "Memo":
    case "MultiSelectPicklist":
      return "Edm.String";
    case "Integer":
    case "Picklist":
    case "State":
    case "Status":
      return "Edm.Int32";
    case "BigInt":
      return "Edm.Int64";
    case "Decimal":
    case "Money":
      return "Edm.Decimal";
    case "Boolean":
      return "Edm.Boolean";
    case "DateTime":
      return column.behavior === "DateOnly" ? "Edm.Date" : "Edm.DateTimeOffset";
    case "Uniqueidentifier":
    case "Lookup":
      return "Edm.Guid";
  }
}

function conversionError(table: string, column: ColumnDefinition, raw: unknown): DataverseError {
  const literal = typeof raw === "string" ? raw : JSON.stringify(raw);
  return payloadError(
    `Cannot convert the literal '${literal}' to the expected type '${edmTypeOf(column)}' of the property ` +
      `'${column.logicalName}' on '${table}'.`,
  );
}

function outOfRange(table: string, column: string, value: number, accepted: string): DataverseError {
  return new DataverseError(
    400,
    ErrorCode.outOfRange,
    `A validation error occurred. The value ${value} of '${column}' on record of type '${table}' is outside the ` +
      `valid range. Accepted Values: ${accepted}`,
  );
}

function checkOption(table: string, column: string, value: number, options: readonly ChoiceOption[]): void {
  if (!options.some((option) => option.value === value)) {
    throw outOfRange(table, column, value, options.map((option) => option.value).join(","));
  }
}

/** Date-only columns keep `YYYY-MM-DD`; others keep UTC to the second, as Dataverse stores them. */
function coerceDate(table: string, column: DateTimeColumn, text: string): string | undefined {
  const match = (column.behavior === "DateOnly" ? DATE : DATE_TIME).exec(text);
  if (match === null) return undefined;
  const [, year = "", month = "", day = "", hour = "0", minute = "0", second = "0", offset = "Z"] = match;
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const check = new Date(local);
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || Number(hour) > 23) {
    return undefined;
  }
  if (Number(year) < earliestYear)
    throw outOfRange(table, column.logicalName, Number(year), `years ${earliestYear} to 9999`);
  if (column.behavior === "DateOnly") return text;
  const offsetMinutes = offset === "Z" ? 0 : offsetOf(offset);
  return new Date(local - offsetMinutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function offsetOf(offset: string): number {
  const sign = offset.startsWith("-") ? -1 : 1;
  const [hours = "0", minutes = "0"] = offset.slice(1).split(":");
  return sign * (Number(hours) * 60 + Number(minutes));
}

function throwError(error: DataverseError): never {
  throw error;
}
