/**
 * A row as the Web API returns it (dataverse.md §4.1): `@odata.etag` first, then each column, lookups as
 * `_x_value`; with annotations asked for, FormattedValue, `Microsoft.Dynamics.CRM.lookuplogicalname` and
 * `Microsoft.Dynamics.CRM.associatednavigationproperty` ahead of the value they describe, as Dataverse orders them.
 */
import type { MetadataCatalog } from "../metadata/catalog";
import type { ColumnDefinition } from "../metadata/types";
import { etagOf } from "../records/concurrency";
import type { RecordStore } from "../records/recordStore";
import { isEntityReference, type StoredRecord } from "../records/values";
import {
  formattedValueAnnotation,
  lookupLogicalNameAnnotation,
  navigationPropertyAnnotation,
  type AnnotationFilter,
} from "./annotations";
import { formattedValue } from "./formattedValues";
import { propertyNameOf, webValue } from "./views";

/** A row in the Web API's JSON form. */
export type ODataRow = Record<string, unknown>;

/** Serializes `columns` of a row, with the annotations `annotations` lets through. */
export function serializeRow(
  catalog: MetadataCatalog,
  store: RecordStore,
  record: StoredRecord,
  columns: readonly ColumnDefinition[],
  annotations: AnnotationFilter,
): ODataRow {
  const row: ODataRow = { "@odata.etag": etagOf(record.version) };
  for (const column of columns) {
    const property = propertyNameOf(column);
    const value = record.values[column.logicalName] ?? null;
    if (annotations(formattedValueAnnotation)) {
      const formatted = formattedValue(catalog, store, column, value, record.values);
      if (formatted !== undefined) row[`${property}@${formattedValueAnnotation}`] = formatted;
    }
    if (column.type === "Lookup" && isEntityReference(value)) {
      const target = column.targets.find((candidate) => candidate.table === value.logicalName);
      if (target !== undefined && annotations(navigationPropertyAnnotation)) {
        row[`${property}@${navigationPropertyAnnotation}`] = target.navigationProperty;
      }
      if (annotations(lookupLogicalNameAnnotation))
        row[`${property}@${lookupLogicalNameAnnotation}`] = value.logicalName;
    }
    row[property] = webValue(value);
  }
  return row;
}
