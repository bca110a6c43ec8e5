/**
 * How a row is kept in memory, and the typed form in which changes are announced. Stored values are what the Web API
 * reads back, except that lookups keep their target table (a lookup may point at several) and multi-select choices
 * are arrays rather than the "1,2" text the Web API uses (dataverse.md §4.1).
 */
import type { ColumnDefinition } from "../metadata/types";

/** A pointer at a row, as EntityReference is in the SDK (§3.3). */
export interface EntityReference {
  readonly logicalName: string;
  readonly id: string;
}

export type StoredValue = string | number | boolean | readonly number[] | EntityReference | null;
export type StoredValues = Readonly<Record<string, StoredValue>>;

/** A row: its values by logical name (the primary key and versionnumber included). */
export interface StoredRecord {
  readonly id: string;
  readonly version: number;
  readonly values: StoredValues;
}

/** A value with its column type, so an observer can encode it (OptionSetValue, Money, EntityReference, §3.3). */
export type AttributeValue =
  | { readonly type: "String" | "Memo" | "Uniqueidentifier" | "DateTime"; readonly value: string | null }
  | {
      readonly type: "Integer" | "BigInt" | "Decimal" | "Money" | "Picklist" | "State" | "Status";
      readonly value: number | null;
    }
  | { readonly type: "Boolean"; readonly value: boolean | null }
  | { readonly type: "MultiSelectPicklist"; readonly value: readonly number[] | null }
  | { readonly type: "Lookup"; readonly value: EntityReference | null };

/** Attributes of a row by logical name, typed. */
export type RecordImage = Readonly<Record<string, AttributeValue>>;

export function isEntityReference(value: unknown): value is EntityReference {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && "logicalName" in value && "id" in value
  );
}

/** Pairs a stored value with its column's type; a value of the wrong shape (validation prevents it) reads as null. */
export function typedValue(column: ColumnDefinition, value: StoredValue): AttributeValue {
  switch (column.type) {
    case "String":
    case "Memo":
    case "Uniqueidentifier":
    case "DateTime":
      return { type: column.type, value: typeof value === "string" ? value : null };
    case "Integer":
    case "BigInt":
    case "Decimal":
    case "Money":
    case "Picklist":
    case "State":
    case "Status":
      return { type: column.type, value: typeof value === "number" ? value : null };
    case "Boolean":
      return { type: column.type, value: typeof value === "boolean" ? value : null };
    case "MultiSelectPicklist":
      return { type: column.type, value: Array.isArray(value) ? [...(value as readonly number[])] : null };
    case "Lookup":
      return { type: column.type, value: isEntityReference(value) ? { ...value } : null };
  }
}

/** Equality of stored values, by content for lookups and multi-select choices. */
export function sameValue(left: StoredValue | undefined, right: StoredValue | undefined): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}
