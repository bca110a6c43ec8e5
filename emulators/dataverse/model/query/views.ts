/**
 * Rows as the query engine sees them: values in the Web API's JSON form (lookups as `_x_value` GUIDs, dataverse.md
 * §4.1; multi-select choices as "1,2"), plus navigation properties computed on first use, so that `$filter` can
 * follow `parentaccountid/name` or `environmentvariabledefinition_environmentvariablevalue/any(...)`.
 */
import type { IncomingLookup, MetadataCatalog } from "../metadata/catalog";
import type { ColumnDefinition } from "../metadata/types";
import type { RecordStore } from "../records/recordStore";
import { isEntityReference, type StoredRecord, type StoredValue } from "../records/values";

export type RowView = Record<string, unknown>;

/** The property name a column has in the Web API: `_x_value` for lookups, the logical name otherwise. */
export function propertyNameOf(column: ColumnDefinition): string {
  return column.type === "Lookup" ? `_${column.logicalName}_value` : column.logicalName;
}

/** A stored value in the Web API's JSON form. */
export function webValue(value: StoredValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (isEntityReference(value)) return value.id;
  if (Array.isArray(value)) return value.join(",");
  return value as string | number | boolean;
}

/** Makes views of rows for one query; navigation lists are worked out once per table. */
export class QueryViews {
  private readonly incoming = new Map<string, IncomingLookup[]>();

  constructor(
    private readonly catalog: MetadataCatalog,
    private readonly store: RecordStore,
  ) {}

  /** The rows of `table` that `lookup` points from, for a row of the table it points at. */
  related(lookup: IncomingLookup, referencedTable: string, id: string): StoredRecord[] {
    const column = lookup.column.logicalName;
    return this.store.rows(lookup.table).filter((row) => {
      const reference = row.values[column];
      return isEntityReference(reference) && reference.logicalName === referencedTable && reference.id === id;
    });
  }

  view(table: string, record: StoredRecord): RowView {
    const view: RowView = {};
    for (const column of this.catalog.columns(table)) {
      if (!column.isValidForRead) continue;
      view[propertyNameOf(column)] = webValue(record.values[column.logicalName]);
      if (column.type !== "Lookup") continue;
      for (const target of column.targets) {
        this.lazy(view, target.navigationProperty, () => {
          const reference = record.values[column.logicalName];
          if (!isEntityReference(reference) || reference.logicalName !== target.table) return null;
          const related = this.store.get(target.table, reference.id);
          return related === undefined ? null : this.view(target.table, related);
        });
      }
    }
    for (const lookup of this.incomingOf(table)) {
      this.lazy(view, lookup.target.relationship, () =>
        this.related(lookup, table, record.id).map((row) => this.view(lookup.table, row)),
      );
    }
    return view;
  }

  private incomingOf(table: string): IncomingLookup[] {
    let lookups = this.incoming.get(table);
    if (lookups === undefined) {
      lookups = this.catalog.incomingLookups(table);
      this.incoming.set(table, lookups);
    }
    return lookups;
  }

  // Own, non-enumerable getters: the filter engine reads own properties only, and JSON output never sees them.
  private lazy(view: RowView, name: string, compute: () => unknown): void {
    if (Object.hasOwn(view, name)) return;
    let cached: { value: unknown } | undefined;
    Object.defineProperty(view, name, {
      enumerable: false,
      get: () => {
        cached ??= { value: compute() };
        return cached.value;
      },
    });
  }
}
