import { instantFromDate, type Instant } from "./temporal";

/**
 * A value during evaluation. GUIDs and instants only come from literals: the literal's type decides how the other
 * side is read, because JSON records carry both as plain strings.
 */
export type RuntimeValue =
  | { readonly kind: "null" }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "guid"; readonly value: string }
  | { readonly kind: "instant"; readonly value: Instant }
  | { readonly kind: "other" };

export const NULL_VALUE: RuntimeValue = { kind: "null" };

/**
 * Follows `segments` from `start`. Anything missing along the way (an absent property, a primitive or an array where
 * an object was needed) gives null, as OData treats a missing value. Only own properties count, so `constructor`
 * does not reach into the prototype.
 */
export function resolvePath(start: unknown, segments: readonly string[]): unknown {
  let current = start;
  for (const segment of segments) {
    if (!isJsonObject(current) || !Object.hasOwn(current, segment)) return null;
    current = current[segment];
  }
  return current ?? null;
}

/** Classifies a value taken from a JSON record. */
export function fromJson(value: unknown): RuntimeValue {
  if (value === null || value === undefined) return NULL_VALUE;
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") return { kind: "string", value };
  // Records are JSON, but an emulator seeding data in code may well use Date objects.
  if (value instanceof Date) {
    const instant = instantFromDate(value);
    return instant === undefined ? NULL_VALUE : { kind: "instant", value: instant };
  }
  return { kind: "other" };
}

/** Ordinal (UTF-16 code unit) order, the same on every machine, unlike localeCompare. */
export function compareOrdinal(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
