/**
 * Small checks over untrusted JSON that collect problems instead of throwing, so one 400 can name every bad field.
 * Field names are dotted paths (`customerProfile.address.country`), the way a developer reads the body.
 */
import type { FieldProblem } from "./errors";

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Collects problems for one body; `at` reads a member and remembers its dotted name. */
export class FieldChecker {
  readonly problems: FieldProblem[] = [];

  report(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  /** A non-empty string is required. */
  requireText(value: unknown, field: string, hint: string): void {
    if (typeof value !== "string" || value.trim() === "") this.report(field, `${field} is required: ${hint}.`);
  }

  /** An optional string: absent, null or text. */
  optionalText(value: unknown, field: string): void {
    if (value !== undefined && value !== null && typeof value !== "string") {
      this.report(field, `${field} must be text; got ${describeValue(value)}.`);
    }
  }

  /** An object is required; returns it when present so that its members can be checked. */
  requireObject(value: unknown, field: string, hint: string): JsonRecord | undefined {
    if (isRecord(value)) return value;
    this.report(field, `${field} is required: ${hint}.`);
    return undefined;
  }

  /** An optional object: absent or null is fine, anything but an object is reported. */
  optionalObject(value: unknown, field: string): JsonRecord | undefined {
    if (value === undefined || value === null) return undefined;
    if (isRecord(value)) return value;
    this.report(field, `${field} must be an object; got ${describeValue(value)}.`);
    return undefined;
  }

  /** An optional array whose elements must all be objects; returns them for member checks. */
  optionalObjectArray(value: unknown, field: string): JsonRecord[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.report(field, `${field} must be an array; got ${describeValue(value)}.`);
      return [];
    }
    const records: JsonRecord[] = [];
    value.forEach((element, index) => {
      if (isRecord(element)) records.push(element);
      else this.report(`${field}[${index}]`, `${field}[${index}] must be an object; got ${describeValue(element)}.`);
    });
    return records;
  }

  /** A value from a fixed list; `required` reports absence too, otherwise absent and null are fine. */
  enumValue(value: unknown, field: string, allowed: readonly string[], required = false): void {
    if (!required && (value === undefined || value === null)) return;
    if (typeof value === "string" && allowed.includes(value)) return;
    const got = value === undefined || value === null ? "nothing" : describeValue(value);
    this.report(field, `${field} must be one of ${allowed.join(", ")}; got ${got}.`);
  }

  /** An optional true/false flag. */
  optionalBoolean(value: unknown, field: string): void {
    if (value !== undefined && value !== null && typeof value !== "boolean") {
      this.report(field, `${field} must be true or false; got ${describeValue(value)}.`);
    }
  }

  /** An optional ISO 8601 date or date-time (e.g. 2027-03-31T00:00:00Z). */
  optionalDateTime(value: unknown, field: string): void {
    if (value === undefined || value === null) return;
    if (typeof value === "string" && isoDateTime.test(value) && !Number.isNaN(Date.parse(value))) return;
    this.report(
      field,
      `${field} must be an ISO 8601 UTC date-time such as 2027-03-31T00:00:00Z; got ${describeValue(value)}.`,
    );
  }
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A short, quoted rendering of a bad value for a message. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${value}`;
  return typeof value;
}
