/**
 * ETags and conditional writes (dataverse.md §4.1, §4.2): every row's `@odata.etag` is `W/"<row version>"`;
 * `If-Match: W/"n"` must name the current version on a table with IsOptimisticConcurrencyEnabled; `If-Match: *`
 * only requires the row to exist.
 */
import { concurrencyMismatch, DataverseError, ErrorCode } from "../errors";
import type { TableDefinition } from "../metadata/types";
import type { StoredRecord } from "./values";

/** The weak ETag of a row version. */
export function etagOf(version: number): string {
  return `W/"${version}"`;
}

/** The row version an ETag names, or undefined for anything else; weak and strong forms are both read. */
export function versionOfEtag(etag: string): number | undefined {
  const match = /^(?:W\/)?"(\d+)"$/.exec(etag.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Checks `If-Match` against an existing row.
 * @throws DataverseError 412 (0x80060882) when the version differs; 400 when the table has no optimistic
 *   concurrency (UNCONFIRMED: the reference only says it "requires" IsOptimisticConcurrencyEnabled=true).
 */
export function checkIfMatch(table: TableDefinition, existing: StoredRecord, ifMatch: string | undefined): void {
  if (ifMatch === undefined || ifMatch.trim() === "*") return;
  if (!table.isOptimisticConcurrencyEnabled) {
    throw new DataverseError(
      400,
      ErrorCode.optimisticConcurrencyNotEnabled,
      `The entity type '${table.logicalName}' does not support optimistic concurrency ` +
        "(IsOptimisticConcurrencyEnabled is false).",
    );
  }
  if (versionOfEtag(ifMatch) !== existing.version) throw concurrencyMismatch();
}
