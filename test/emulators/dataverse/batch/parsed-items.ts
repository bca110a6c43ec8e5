/** Typed access to the items of a parsed batch, failing the test when an item is not of the expected kind. */
import type { BatchOperation, BatchRequest } from "../../../../emulators/dataverse/batch";

/** The lone request at `index`. */
export function operationAt(batch: BatchRequest, index: number): BatchOperation {
  const item = batch.items[index];
  if (item?.kind !== "operation") throw new Error(`item ${index} is not a lone request`);
  return item.operation;
}

/** The requests of the change set at `index`. */
export function changeSetAt(batch: BatchRequest, index: number): readonly BatchOperation[] {
  const item = batch.items[index];
  if (item?.kind !== "changeSet") throw new Error(`item ${index} is not a change set`);
  return item.operations;
}
