/**
 * Deleting a row and what it does to rows that point at it: each lookup target says Cascade (delete them too, as
 * environment variable values go with their definition, §4.5: "A value can't exist without a definition") or
 * RemoveLink (clear the lookup). Cleared lookups get a new row version but no change event: the reference doesn't
 * say whether the platform announces them (UNCONFIRMED), and no step in this project listens for them.
 */
import type { ChangeEvent } from "../events";
import { recordImage } from "../events";
import type { MetadataCatalog } from "../metadata/catalog";
import type { TableDefinition } from "../metadata/types";
import type { RecordStore } from "./recordStore";
import type { Operation } from "./rowWriter";
import { isEntityReference, type StoredRecord } from "./values";

/** Removes `existing` from `table` after its dependants, and returns the Delete events, dependants first. */
export function deleteWithDependants(
  catalog: MetadataCatalog,
  store: RecordStore,
  table: TableDefinition,
  existing: StoredRecord,
  operation: Operation,
): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  for (const lookup of catalog.incomingLookups(table.logicalName)) {
    const column = lookup.column.logicalName;
    for (const child of store.rows(lookup.table)) {
      const reference = child.values[column];
      if (
        !isEntityReference(reference) ||
        reference.logicalName !== table.logicalName ||
        reference.id !== existing.id
      ) {
        continue;
      }
      if (lookup.target.onDelete === "Cascade") {
        // An earlier cascade in this loop may already have removed the child.
        const current = store.get(lookup.table, child.id);
        if (current !== undefined) {
          events.push(...deleteWithDependants(catalog, store, catalog.table(lookup.table), current, operation));
        }
      } else {
        const version = store.nextVersion();
        store.put(lookup.table, {
          id: child.id,
          version,
          values: { ...child.values, [column]: null, versionnumber: version },
        });
      }
    }
  }
  store.remove(table.logicalName, existing.id);
  events.push({
    message: "Delete",
    table: table.logicalName,
    id: existing.id,
    changedAttributes: [],
    target: { [table.primaryIdAttribute]: { type: "Uniqueidentifier", value: existing.id } },
    preImage: recordImage(catalog, table.logicalName, existing.values),
    postImage: null,
    actor: operation.actor,
    correlationId: operation.correlationId,
    depth: operation.depth,
    at: operation.at,
    version: existing.version,
    closeRequest: null,
  });
  return events;
}
