/**
 * Column values in the two shapes the form juggles: the Web API's JSON (what Dataverse stores and returns) and the
 * PCF `raw` value a control gets (booleans, number arrays, Dates). Also the `formatted` text the platform gives.
 */
import type { PropertyType } from "./boundProperties";

/** A PCF raw value of one of the contract's property types. */
export type RawValue = boolean | number | readonly number[] | string | Date | null;

/** The Web API's JSON for a column → the PCF raw value. */
export function rawOfWebApi(type: PropertyType, json: unknown): RawValue {
  switch (type) {
    case "TwoOptions":
      return json === true;
    case "MultiSelectOptionSet":
      // A multi-select choice travels as its values separated by commas, e.g. "582100000,582100003".
      return typeof json === "string" && json !== "" ? json.split(",").map(Number) : null;
    case "OptionSet":
    case "Currency":
      return typeof json === "number" ? json : null;
    case "DateAndTime.DateAndTime":
      return typeof json === "string" ? new Date(json) : null;
    case "DateAndTime.DateOnly":
      return typeof json === "string" ? dateOnly(json) : null;
    case "SingleLine.Text":
    case "SingleLine.URL":
    case "Multiple":
      return typeof json === "string" ? json : null;
  }
}

/** The PCF raw value → the Web API's JSON for a PATCH. */
export function webApiOfRaw(type: PropertyType, raw: RawValue): unknown {
  if (raw === null) return null;
  if (type === "MultiSelectOptionSet" && Array.isArray(raw)) return raw.length === 0 ? null : raw.join(",");
  if (raw instanceof Date) return type === "DateAndTime.DateOnly" ? isoDateOf(raw) : raw.toISOString();
  return raw;
}

function isOptionValues(raw: RawValue): raw is readonly number[] {
  return Array.isArray(raw);
}

export function sameRaw(left: RawValue, right: RawValue): boolean {
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((value, index) => value === right[index]);
  }
  if (left instanceof Date && right instanceof Date) return left.getTime() === right.getTime();
  return left === right;
}

/** How the platform formats a value for the user: option labels, the user's date and number formats. */
export function formattedOf(
  type: PropertyType,
  raw: RawValue,
  labels: ReadonlyMap<number, string>,
  locale: string,
  currencyCode: string | null,
): string {
  if (raw === null) return "";
  switch (type) {
    case "TwoOptions":
      return labels.get(raw === true ? 1 : 0) ?? String(raw);
    case "OptionSet":
      return typeof raw === "number" ? (labels.get(raw) ?? String(raw)) : "";
    case "MultiSelectOptionSet":
      return isOptionValues(raw) ? raw.map((value) => labels.get(value) ?? String(value)).join("; ") : "";
    case "Currency":
      return typeof raw === "number" ? formatMoney(raw, locale, currencyCode) : "";
    case "DateAndTime.DateAndTime":
      return raw instanceof Date ? raw.toLocaleString(locale, { dateStyle: "short", timeStyle: "short" }) : "";
    case "DateAndTime.DateOnly":
      return raw instanceof Date ? raw.toLocaleDateString(locale, { dateStyle: "short" }) : "";
    case "SingleLine.Text":
    case "SingleLine.URL":
    case "Multiple":
      return typeof raw === "string" ? raw : "";
  }
}

/** A date-only column's "yyyy-mm-dd" as the platform hands it to controls: midnight, user's local time. */
export function dateOnly(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (match === null) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function isoDateOf(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function formatMoney(value: number, locale: string, currencyCode: string | null): string {
  if (currencyCode === null) return value.toLocaleString(locale, { minimumFractionDigits: 2 });
  return value.toLocaleString(locale, { style: "currency", currency: currencyCode });
}
