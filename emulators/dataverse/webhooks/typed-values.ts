/**
 * Attribute values as the SDK types them. The webhook body carries SDK types, not Web API JSON, so the organization
 * hands its values over with their type (dataverse.md §3.3, "Typed attribute value encodings").
 */

/** One attribute value with its SDK type. */
export type TypedValue =
  | { readonly type: "string"; readonly value: string }
  /** Whole number, decimal, float: all bare JSON numbers. */
  | { readonly type: "number"; readonly value: number }
  | { readonly type: "boolean"; readonly value: boolean }
  /** Uniqueidentifier columns, such as the primary key. */
  | { readonly type: "guid"; readonly value: string }
  | { readonly type: "null" }
  | { readonly type: "dateTime"; readonly value: Date }
  | {
      readonly type: "entityReference";
      readonly id: string;
      readonly logicalName: string;
      readonly name?: string;
    }
  | { readonly type: "optionSetValue"; readonly value: number }
  | { readonly type: "money"; readonly value: number }
  /** A multi-select choice column. */
  | { readonly type: "optionSetValueCollection"; readonly values: readonly number[] };

/** Columns by logical name, in the order they should appear in `Attributes`. */
export type TypedAttributes = Readonly<Record<string, TypedValue>>;

/** Short constructors, so that organization code and tests read like the SDK. */
export const typedValue = {
  string: (value: string): TypedValue => ({ type: "string", value }),
  number: (value: number): TypedValue => ({ type: "number", value }),
  boolean: (value: boolean): TypedValue => ({ type: "boolean", value }),
  guid: (value: string): TypedValue => ({ type: "guid", value }),
  null: (): TypedValue => ({ type: "null" }),
  dateTime: (value: Date | string): TypedValue => ({ type: "dateTime", value: new Date(value) }),
  entityReference: (logicalName: string, id: string, name?: string): TypedValue =>
    name === undefined
      ? { type: "entityReference", logicalName, id }
      : { type: "entityReference", logicalName, id, name },
  optionSetValue: (value: number): TypedValue => ({ type: "optionSetValue", value }),
  money: (value: number): TypedValue => ({ type: "money", value }),
  optionSetValueCollection: (values: readonly number[]): TypedValue => ({
    type: "optionSetValueCollection",
    values: [...values],
  }),
} as const;
