import type { OrderByClause } from "./orderby";
import { compareInstants, instantFromDate, parseTemporal, type Instant } from "./temporal";
import { compareOrdinal, resolvePath } from "./values";

/** Options for sorting; `caseInsensitiveStrings` orders `apple` and `Banana` as a person would. */
export interface SortOptions {
  readonly caseInsensitiveStrings?: boolean;
}

/**
 * A value reduced to what ordering needs. Mixed types in one column get a fixed order (null, booleans, numbers,
 * dates, other strings, objects) so the sort stays consistent even for untidy data.
 */
type SortKey =
  | { readonly rank: 0 }
  | { readonly rank: 1; readonly value: boolean }
  | { readonly rank: 2; readonly value: number }
  | { readonly rank: 3; readonly value: Instant }
  | { readonly rank: 4; readonly value: string }
  | { readonly rank: 5 };

interface KeyedRecord<T> {
  readonly record: T;
  readonly index: number;
  readonly keys: readonly SortKey[];
}

/**
 * Returns the records sorted by the clauses, leaving the input untouched. The sort is stable. Nulls (and missing
 * properties) come first in ascending order and last in descending order, as SQL Server does. Strings that are ISO
 * dates or date-times are ordered as instants; other strings by ordinal comparison, never by locale.
 */
export function sortRecords<T>(
  records: readonly T[],
  clauses: readonly OrderByClause[],
  options: SortOptions = {},
): T[] {
  // Keys are computed once per record, not once per comparison, because parsing dates is the expensive part.
  const keyed: KeyedRecord<T>[] = records.map((record, index) => ({
    record,
    index,
    keys: clauses.map((clause) => toSortKey(resolvePath(record, clause.segments), options)),
  }));
  keyed.sort((left, right) => compareKeyed(left, right, clauses));
  return keyed.map((entry) => entry.record);
}

function compareKeyed<T>(left: KeyedRecord<T>, right: KeyedRecord<T>, clauses: readonly OrderByClause[]): number {
  for (const [position, clause] of clauses.entries()) {
    const leftKey = left.keys[position];
    const rightKey = right.keys[position];
    if (leftKey === undefined || rightKey === undefined) continue;
    const order = compareSortKeys(leftKey, rightKey);
    if (order !== 0) return clause.direction === "desc" ? -order : order;
  }
  // Array.prototype.sort is stable already; comparing the original positions makes that explicit and independent.
  return left.index - right.index;
}

function toSortKey(value: unknown, options: SortOptions): SortKey {
  if (value === null || value === undefined) return { rank: 0 };
  if (typeof value === "boolean") return { rank: 1, value };
  if (typeof value === "number") return { rank: 2, value };
  if (typeof value === "string") {
    const temporal = parseTemporal(value);
    if (temporal !== undefined) return { rank: 3, value: temporal.instant };
    return { rank: 4, value: options.caseInsensitiveStrings === true ? value.toLowerCase() : value };
  }
  if (value instanceof Date) {
    const instant = instantFromDate(value);
    return instant === undefined ? { rank: 0 } : { rank: 3, value: instant };
  }
  return { rank: 5 };
}

function compareSortKeys(left: SortKey, right: SortKey): number {
  if (left.rank !== right.rank) return left.rank - right.rank;
  switch (left.rank) {
    case 0:
    case 5:
      return 0;
    case 1:
      return right.rank === 1 ? Number(left.value) - Number(right.value) : 0;
    case 2:
      return right.rank === 2 ? Math.sign(left.value - right.value) : 0;
    case 3:
      return right.rank === 3 ? compareInstants(left.value, right.value) : 0;
    case 4:
      return right.rank === 4 ? compareOrdinal(left.value, right.value) : 0;
  }
}
