/**
 * Canonical values per field kind: how raw values from either API become comparable, and when two values mean the
 * same thing. Formatting never counts as a change: numbers sent as strings, a date with or without a time, the
 * letter case of ISO codes and e-mail addresses, and surrounding spaces.
 */
import type { FieldKind } from "./fields";

/** Trimmed text, or null for a missing or blank value. */
export function toText(raw: unknown): string | null {
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  if (typeof raw !== "string") return null;
  const trimmed = raw.trim();
  return trimmed === "" ? null : trimmed;
}

/** A finite number from a number or a plain numeric string ("10000", " 12.5 "), else null. */
export function toDecimal(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  const text = toText(raw);
  if (text === null || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  return Number(text);
}

/** An upper-case code ("us" → "US"), or null. Validity is the validator's business, not the reader's. */
export function toCode(raw: unknown): string | null {
  return toText(raw)?.toUpperCase() ?? null;
}

const datePrefix = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * The calendar date (YYYY-MM-DD) of a date or date-time. A date-time counts in UTC, the zone Partner Center's
 * closingDateTime is documented in; a bare date (Dataverse's date-only estimatedclosedate) is taken as it is.
 */
export function toDate(raw: unknown): string | null {
  const text = toText(raw);
  if (text === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isRealDate(text) ? text : null;
  if (!datePrefix.test(text)) return null;
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? null : new Date(instant).toISOString().slice(0, 10);
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

/** true or false from a boolean, 0/1, or "yes"/"no"/"true"/"false" in any case; null otherwise. */
export function toFlag(raw: unknown): boolean | null {
  if (typeof raw === "boolean") return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  const text = toText(raw)?.toLowerCase();
  if (text === "true" || text === "yes" || text === "1") return true;
  if (text === "false" || text === "no" || text === "0") return false;
  return null;
}

/** Canonical value of a simple (single-column, single-path) kind. */
export function normalizeSimple(kind: FieldKind, raw: unknown): string | number | null {
  switch (kind) {
    case "decimal":
      return toDecimal(raw);
    case "currencyCode":
    case "countryCode":
      return toCode(raw);
    case "date":
      return toDate(raw);
    default:
      return toText(raw);
  }
}

/** Money is compared to four decimal places, the most any Dataverse currency column keeps. */
const decimalScale = 10_000;

/** Whether two canonical values of a kind mean the same thing. */
export function sameValue(kind: FieldKind, left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && Array.isArray(right)) {
    const fold = (values: readonly unknown[]) => values.map((value) => String(value).toUpperCase()).sort();
    return JSON.stringify(fold(left)) === JSON.stringify(fold(right));
  }
  if (kind === "decimal" && typeof left === "number" && typeof right === "number") {
    return Math.round(left * decimalScale) === Math.round(right * decimalScale);
  }
  if ((kind === "email" || kind === "currencyCode" || kind === "countryCode") && typeof left === "string") {
    return typeof right === "string" && left.toLowerCase() === right.toLowerCase();
  }
  if (kind === "text" || kind === "email" || kind === "date" || kind === "decimal") {
    return normalizeSimple(kind, left) === normalizeSimple(kind, right);
  }
  return left === right;
}

/** A value as a seller reads it in an audit line. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return "(empty)";
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
}
