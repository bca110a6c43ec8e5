/**
 * Reading rows: retrieve one by id, or many with `$select`, `$filter`, `$orderby`, `$top`, `$count`, `$expand`,
 * `Prefer: odata.maxpagesize` paging and `odata.include-annotations` (dataverse.md §4.1). Without `$orderby` rows
 * come in primary key order, which is also the tie-breaker after the `$orderby` keys, so pages are stable.
 */
import { ODataQueryError, parseOrderBy, sortRecords, type OrderByClause } from "../../../odata";
import { invalidQuery, malformedOption, propertyNotFound, recordNotFound } from "../errors";
import type { MetadataCatalog } from "../metadata/catalog";
import type { TableDefinition } from "../metadata/types";
import type { RecordStore } from "../records/recordStore";
import { isEntityReference, type StoredRecord } from "../records/values";
import { normalizeId } from "../records/writer";
import { annotationFilter, type AnnotationFilter } from "./annotations";
import { parseExpand, type ExpandItem } from "./expand";
import { compileDataverseFilter } from "./filter";
import { decodeSkipToken, encodeSkipToken, maxPageSize, type PagedQueryShape } from "./paging";
import { columnOfProperty, selectColumns } from "./select";
import { serializeRow, type ODataRow } from "./serialize";
import { QueryViews, type RowView } from "./views";

/** Options of a single-row read. */
export interface RetrieveOptions {
  readonly select?: string | readonly string[];
  readonly expand?: string;
  /** The value of `Prefer: odata.include-annotations`, e.g. `*`. */
  readonly includeAnnotations?: string;
}

/** Options of a query, named after the query options and preferences they stand for. */
export interface RecordQuery extends RetrieveOptions {
  readonly filter?: string;
  readonly orderBy?: string;
  readonly top?: number;
  readonly count?: boolean;
  /** `Prefer: odata.maxpagesize`; at most 5000, which is also the default. */
  readonly maxPageSize?: number;
  /** A `$skiptoken` from an earlier page, unchanged. */
  readonly skipToken?: string;
}

/** One page of rows; `skipToken` is null on the last page. */
export interface RecordPage {
  readonly value: ODataRow[];
  /** `@odata.count` when `$count=true` was asked for (Dataverse counts up to 5000). */
  readonly count: number | null;
  readonly skipToken: string | null;
}

interface Candidate {
  readonly record: StoredRecord;
  readonly view: RowView;
}

export class QueryEngine {
  constructor(
    private readonly catalog: MetadataCatalog,
    private readonly store: RecordStore,
  ) {}

  /** @throws DataverseError 404 "<table> With Id = <id> Does Not Exist", 400 for bad options. */
  retrieve(tableName: string, id: string, options: RetrieveOptions = {}): ODataRow {
    const table = this.catalog.table(tableName);
    const key = normalizeId(id);
    const render = this.renderer(table, options);
    const record = this.store.get(table.logicalName, key);
    if (record === undefined) throw recordNotFound(table.logicalName, key);
    return render(record, new QueryViews(this.catalog, this.store));
  }

  /** @throws DataverseError 400 for unknown properties, malformed options, `$top` with maxpagesize, bad tokens. */
  retrieveMultiple(tableName: string, query: RecordQuery = {}): RecordPage {
    const table = this.catalog.table(tableName);
    const top = positiveWholeNumber("$top", query.top);
    const requestedPageSize = positiveWholeNumber("odata.maxpagesize", query.maxPageSize);
    if (top !== undefined && requestedPageSize !== undefined) {
      throw invalidQuery("$top can't be combined with the odata.maxpagesize preference: use one or the other.");
    }
    if (top !== undefined && query.skipToken !== undefined) throw invalidQuery("$skiptoken can't be used with $top.");
    const render = this.renderer(table, query);
    const views = new QueryViews(this.catalog, this.store);
    const rows = this.matching(table, this.store.rows(table.logicalName), views, query.filter, query.orderBy);
    const count = query.count === true ? Math.min(rows.length, maxPageSize) : null;
    if (top !== undefined) {
      return {
        value: rows.slice(0, Math.min(top, maxPageSize)).map((row) => render(row.record, views)),
        count,
        skipToken: null,
      };
    }
    const shape: PagedQueryShape = {
      table: table.logicalName,
      filter: query.filter,
      orderBy: query.orderBy,
      pageSize: Math.min(requestedPageSize ?? maxPageSize, maxPageSize),
    };
    const position = query.skipToken === undefined ? undefined : decodeSkipToken(query.skipToken, shape);
    const resumeAt = position === undefined ? -1 : rows.findIndex((row) => row.record.id === position.lastId);
    const start = position === undefined ? 0 : resumeAt >= 0 ? resumeAt + 1 : position.offset;
    const page = rows.slice(start, start + shape.pageSize);
    const last = page.at(-1);
    const more = last !== undefined && start + page.length < rows.length;
    const pageNumber = (position?.pageNumber ?? 1) + 1;
    const skipToken = more
      ? encodeSkipToken({ pageNumber, lastId: last.record.id, offset: start + page.length }, shape)
      : null;
    return { value: page.map((row) => render(row.record, views)), count, skipToken };
  }

  private renderer(table: TableDefinition, options: RetrieveOptions) {
    const columns = selectColumns(this.catalog, table, options.select);
    const expands = parseExpand(this.catalog, table, options.expand);
    const annotations = annotationFilter(options.includeAnnotations);
    return (record: StoredRecord, views: QueryViews): ODataRow => {
      const row = serializeRow(this.catalog, this.store, record, columns, annotations);
      for (const item of expands) row[item.navigation] = this.expanded(table, record, item, views, annotations);
      return row;
    };
  }

  private expanded(
    table: TableDefinition,
    record: StoredRecord,
    item: ExpandItem,
    views: QueryViews,
    annotations: AnnotationFilter,
  ): ODataRow | ODataRow[] | null {
    const { resolved } = item;
    const target = this.catalog.table(resolved.kind === "single" ? resolved.target.table : resolved.table);
    const columns = selectColumns(this.catalog, target, item.select);
    const serialize = (row: StoredRecord): ODataRow =>
      serializeRow(this.catalog, this.store, row, columns, annotations);
    if (resolved.kind === "single") {
      const reference = record.values[resolved.column.logicalName];
      if (!isEntityReference(reference) || reference.logicalName !== target.logicalName) return null;
      const related = this.store.get(target.logicalName, reference.id);
      return related === undefined ? null : serialize(related);
    }
    const related = views.related(resolved, table.logicalName, record.id);
    const rows = this.matching(target, related, views, item.filter, item.orderBy);
    return rows.slice(0, item.top ?? maxPageSize).map((row) => serialize(row.record));
  }

  private matching(
    table: TableDefinition,
    records: readonly StoredRecord[],
    views: QueryViews,
    filter: string | undefined,
    orderBy: string | undefined,
  ): Candidate[] {
    const predicate =
      filter === undefined
        ? () => true
        : compileDataverseFilter(filter, (path) => {
            this.checkPath(table, path);
          });
    const clauses = orderBy === undefined ? [] : this.orderClauses(table, orderBy);
    const candidates = records
      .map((record) => ({ record, view: views.view(table.logicalName, record) }))
      .filter((candidate) => predicate(candidate.view))
      .sort((left, right) => (left.record.id < right.record.id ? -1 : left.record.id > right.record.id ? 1 : 0));
    // The shared sort reads paths from each element, so the keys are looked up under `view`.
    return sortRecords(candidates, clauses, { caseInsensitiveStrings: true });
  }

  private orderClauses(table: TableDefinition, orderBy: string): OrderByClause[] {
    let clauses: OrderByClause[];
    try {
      clauses = parseOrderBy(orderBy);
    } catch (error) {
      throw error instanceof ODataQueryError ? malformedOption(error) : error;
    }
    return clauses.map((clause) => {
      const [property] = clause.segments;
      if (clause.segments.length !== 1 || property === undefined)
        throw propertyNotFound(table.logicalName, clause.path);
      columnOfProperty(this.catalog, table, property);
      return { ...clause, segments: ["view", property] };
    });
  }

  private checkPath(table: TableDefinition, segments: readonly string[]): void {
    const [first = "", second, ...rest] = segments;
    const navigation = this.catalog.navigation(table.logicalName, first);
    if (second === undefined) {
      if (navigation?.kind !== "collection") columnOfProperty(this.catalog, table, first);
    } else if (navigation?.kind === "single" && rest.length === 0) {
      columnOfProperty(this.catalog, this.catalog.table(navigation.target.table), second);
    } else {
      throw propertyNotFound(table.logicalName, segments.join("/"));
    }
  }
}

function positiveWholeNumber(option: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1)
    throw invalidQuery(`${option} must be a positive whole number; got ${value}.`);
  return value;
}
