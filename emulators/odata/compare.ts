import type { ComparisonOperator } from "./ast";
import { compareInstants, parseTemporal, type Instant } from "./temporal";
import { compareOrdinal, type RuntimeValue } from "./values";

/** How values are compared; Dataverse compares strings case-insensitively, Partner Center does not. */
export interface ComparisonOptions {
  readonly caseInsensitiveStrings?: boolean;
}

// Only plain decimal notation counts as a numeric string, so "0x10" or " 5" stay strings.
const NUMERIC_STRING = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Applies a comparison operator. Null equals only null, and any ordering against null is false. Values of types that
 * cannot be compared are never equal and never ordered, so `ne` is true and `gt` false rather than an exception.
 */
export function compareValues(
  operator: ComparisonOperator,
  left: RuntimeValue,
  right: RuntimeValue,
  options: ComparisonOptions,
): boolean {
  if (left.kind === "null" || right.kind === "null") {
    const bothNull = left.kind === right.kind;
    if (operator === "eq") return bothNull;
    if (operator === "ne") return !bothNull;
    return false;
  }
  if (operator === "eq" || operator === "ne") {
    const equal = areEqual(left, right, options);
    return operator === "eq" ? equal : !equal;
  }
  const order = orderValues(left, right, options);
  if (order === undefined) return false;
  switch (operator) {
    case "gt":
      return order > 0;
    case "ge":
      return order >= 0;
    case "lt":
      return order < 0;
    case "le":
      return order <= 0;
  }
}

function areEqual(left: RuntimeValue, right: RuntimeValue, options: ComparisonOptions): boolean {
  // Booleans have equality but no order, so they cannot go through orderValues.
  if (left.kind === "boolean" && right.kind === "boolean") return left.value === right.value;
  return orderValues(left, right, options) === 0;
}

/** Orders two non-null values, or returns undefined when their types have no common order. */
function orderValues(left: RuntimeValue, right: RuntimeValue, options: ComparisonOptions): number | undefined {
  if (left.kind === "instant" || right.kind === "instant") {
    const leftInstant = asInstant(left);
    const rightInstant = asInstant(right);
    return leftInstant && rightInstant ? compareInstants(leftInstant, rightInstant) : undefined;
  }
  if (left.kind === "guid" || right.kind === "guid") {
    const leftText = asText(left);
    const rightText = asText(right);
    // GUIDs are case-insensitive whatever the string option says: Partner Center sends them in either case.
    return leftText !== undefined && rightText !== undefined
      ? compareOrdinal(leftText.toLowerCase(), rightText.toLowerCase())
      : undefined;
  }
  if (left.kind === "number" || right.kind === "number") {
    const leftNumber = asNumber(left);
    const rightNumber = asNumber(right);
    return leftNumber !== undefined && rightNumber !== undefined ? Math.sign(leftNumber - rightNumber) : undefined;
  }
  if (left.kind === "string" && right.kind === "string") return compareStrings(left.value, right.value, options);
  return undefined;
}

/** Compares two strings ordinally, folding case first when the options ask for it. */
export function compareStrings(left: string, right: string, options: ComparisonOptions): number {
  return options.caseInsensitiveStrings === true
    ? compareOrdinal(left.toLowerCase(), right.toLowerCase())
    : compareOrdinal(left, right);
}

/** The text of a string or GUID value, which the string functions treat alike. */
export function asText(value: RuntimeValue): string | undefined {
  return value.kind === "string" || value.kind === "guid" ? value.value : undefined;
}

function asInstant(value: RuntimeValue): Instant | undefined {
  if (value.kind === "instant") return value.value;
  return value.kind === "string" ? parseTemporal(value.value)?.instant : undefined;
}

function asNumber(value: RuntimeValue): number | undefined {
  if (value.kind === "number") return value.value;
  return value.kind === "string" && NUMERIC_STRING.test(value.value) ? Number(value.value) : undefined;
}
