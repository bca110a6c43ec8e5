import type { Instant } from "./temporal";

export type ComparisonOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export type LogicalOperator = "and" | "or";
export type LambdaOperator = "any" | "all";
/** Functions that answer true or false about a string. */
export type StringPredicateName = "contains" | "startswith" | "endswith";
/** Functions that return a transformed string. */
export type CaseConversionName = "tolower" | "toupper";
export type FunctionName = StringPredicateName | CaseConversionName;

export interface StringLiteral {
  readonly type: "string";
  readonly value: string;
}

export interface NumberLiteral {
  readonly type: "number";
  readonly value: number;
  /** The digits as written, so describing `1.50` gives back `1.50`. */
  readonly text: string;
}

export interface BooleanLiteral {
  readonly type: "boolean";
  readonly value: boolean;
}

export interface NullLiteral {
  readonly type: "null";
}

/** An unquoted GUID such as `f889cdf9-8e09-4126-a1df-46e0ab69bcda`, kept as written. */
export interface GuidLiteral {
  readonly type: "guid";
  readonly value: string;
}

/** An unquoted date such as `2024-01-01`, which compares as midnight UTC. */
export interface DateLiteral {
  readonly type: "date";
  readonly text: string;
  readonly instant: Instant;
}

/** An unquoted date-time with an offset such as `2022-02-25T13:49:42.887627Z`. */
export interface DateTimeLiteral {
  readonly type: "dateTime";
  readonly text: string;
  readonly instant: Instant;
}

export type LiteralExpression =
  StringLiteral | NumberLiteral | BooleanLiteral | NullLiteral | GuidLiteral | DateLiteral | DateTimeLiteral;

/**
 * `customerProfile/address/country`, or inside a lambda `t/email` (variable "t", segments ["email"]) and `t` alone
 * (variable "t", no segments). A path without a variable starts at the record being filtered.
 */
export interface PropertyPath {
  readonly type: "path";
  readonly variable: string | null;
  readonly segments: readonly string[];
}

export interface ComparisonExpression {
  readonly type: "comparison";
  readonly operator: ComparisonOperator;
  readonly left: FilterExpression;
  readonly right: FilterExpression;
}

export interface LogicalExpression {
  readonly type: "logical";
  readonly operator: LogicalOperator;
  readonly left: FilterExpression;
  readonly right: FilterExpression;
}

export interface NotExpression {
  readonly type: "not";
  readonly operand: FilterExpression;
}

export interface StringPredicateCall {
  readonly type: "function";
  readonly name: StringPredicateName;
  readonly args: readonly [FilterExpression, FilterExpression];
}

export interface CaseConversionCall {
  readonly type: "function";
  readonly name: CaseConversionName;
  readonly args: readonly [FilterExpression];
}

export type FunctionCall = StringPredicateCall | CaseConversionCall;

/** The `t: t/email eq 'x'` part of `team/any(t: t/email eq 'x')`. */
export interface LambdaBody {
  readonly variable: string;
  readonly predicate: FilterExpression;
}

/** `tags/any()`: true when the collection has at least one element. */
export interface NonEmptyCollectionCheck {
  readonly type: "lambda";
  readonly operator: "any";
  readonly collection: PropertyPath;
  readonly body: null;
}

/** `team/any(t: ...)` or `team/all(t: ...)`. */
export interface LambdaPredicate {
  readonly type: "lambda";
  readonly operator: LambdaOperator;
  readonly collection: PropertyPath;
  readonly body: LambdaBody;
}

export type LambdaExpression = NonEmptyCollectionCheck | LambdaPredicate;

/** Any node of a parsed `$filter`; the whole filter is one of these. */
export type FilterExpression =
  | LiteralExpression
  | PropertyPath
  | ComparisonExpression
  | LogicalExpression
  | NotExpression
  | FunctionCall
  | LambdaExpression;
