/**
 * Create, update (an upsert by default), and delete, with the conditional rules of dataverse.md §4.2: If-Match `*`
 * never creates, If-Match `W/"n"` must be current, If-None-Match `*` never updates, and a missing row is a 404
 * "<table> With Id = <id> Does Not Exist". Each call is one atomic unit of work (or a savepoint inside a transaction).
 */
import type { IdGenerator } from "../../../shared/ids";
import { duplicateRecord, invalidArgument, recordNotFound } from "../errors";
import type { MetadataCatalog } from "../metadata/catalog";
import type { TableDefinition } from "../metadata/types";
import { deleteWithDependants } from "./cascade";
import { isGuid } from "./coerce";
import { checkIfMatch, etagOf } from "./concurrency";
import { parsePayload, type ParsedPayload } from "./payload";
import type { RecordStore } from "./recordStore";
import { changeEventOf, saveRow, type Operation } from "./rowWriter";
import type { UnitOfWork } from "./unitOfWork";
import type { StoredValue } from "./values";

/** Who a change is made as, and where it sits in a causal chain. */
export interface WriteContext {
  /** systemuserid of the acting user; the SYSTEM user when left out. */
  readonly actor?: string;
  /** Shared by every change one request causes; a new one per request (or transaction) when left out. */
  readonly correlationId?: string;
  /** 1 for a request from outside; more for changes that a plug-in's own writes cause (§3.5). */
  readonly depth?: number;
}

export interface UpdateOptions extends WriteContext {
  /** `*` (the row must exist) or `W/"n"` (the row must be at version n). */
  readonly ifMatch?: string;
  /** `*`: only create, never update. */
  readonly ifNoneMatch?: string;
  /** PATCH creates a missing row unless this is false (§4.2: "PATCH is an upsert by default"). */
  readonly upsert?: boolean;
}

export interface DeleteOptions extends WriteContext {
  readonly ifMatch?: string;
}

/** What a write answers: the row's id and new ETag, and whether an upsert created it. */
export interface WriteResult {
  readonly id: string;
  readonly etag: string;
  readonly created: boolean;
}

export interface WriterDependencies {
  readonly catalog: MetadataCatalog;
  readonly store: RecordStore;
  readonly unit: UnitOfWork;
  readonly ids: IdGenerator;
  /** The operation a context stands for. @throws DataverseError for an unknown or disabled user. */
  readonly operation: (context: WriteContext) => Operation;
}

export class RecordWriter {
  constructor(private readonly deps: WriterDependencies) {}

  /** @throws DataverseError 400 for a bad body, 404 for a missing bound row, 412 for a taken id. */
  create(tableName: string, body: unknown, context: WriteContext = {}): WriteResult {
    return this.deps.unit.run(() => {
      const table = this.deps.catalog.table(tableName);
      const operation = this.deps.operation(context);
      const parsed = this.parse(table, body, "create");
      const id = parsed.id ?? freshId(this.deps, table.logicalName);
      if (this.deps.store.has(table.logicalName, id)) throw duplicateRecord();
      return this.insert(table, id, parsed.values, operation);
    }, context.correlationId);
  }

  /** @throws DataverseError 400, 404 (missing with If-Match or upsert false), 412 (If-Match / If-None-Match). */
  update(tableName: string, id: string, body: unknown, options: UpdateOptions = {}): WriteResult {
    return this.deps.unit.run(() => {
      const { catalog, store, unit } = this.deps;
      const table = catalog.table(tableName);
      const key = normalizeId(id);
      const operation = this.deps.operation(options);
      const existing = store.get(table.logicalName, key);
      if (existing === undefined) {
        if (options.ifMatch !== undefined || options.upsert === false) throw recordNotFound(table.logicalName, key);
        return this.insert(table, key, this.parse(table, body, "create", key).values, operation);
      }
      if (options.ifNoneMatch?.trim() === "*") throw duplicateRecord();
      checkIfMatch(table, existing, options.ifMatch);
      const parsed = this.parse(table, body, "update", key);
      const saved = saveRow(catalog, store, { table, id: key, values: parsed.values, previous: existing }, operation);
      unit.record(changeEventOf(catalog, "Update", saved, existing, operation));
      return { id: key, etag: etagOf(saved.record.version), created: false };
    }, options.correlationId);
  }

  /** @throws DataverseError 404 when the row is missing, 412 when If-Match names another version. */
  delete(tableName: string, id: string, options: DeleteOptions = {}): void {
    this.deps.unit.run(() => {
      const { catalog, store, unit } = this.deps;
      const table = catalog.table(tableName);
      const key = normalizeId(id);
      const operation = this.deps.operation(options);
      const existing = store.get(table.logicalName, key);
      if (existing === undefined) throw recordNotFound(table.logicalName, key);
      checkIfMatch(table, existing, options.ifMatch);
      for (const event of deleteWithDependants(catalog, store, table, existing, operation)) unit.record(event);
    }, options.correlationId);
  }

  private insert(
    table: TableDefinition,
    id: string,
    values: ReadonlyMap<string, StoredValue>,
    operation: Operation,
  ): WriteResult {
    const { catalog, store, unit } = this.deps;
    const saved = saveRow(catalog, store, { table, id, values, previous: undefined }, operation);
    unit.record(changeEventOf(catalog, "Create", saved, undefined, operation));
    return { id, etag: etagOf(saved.record.version), created: true };
  }

  private parse(table: TableDefinition, body: unknown, mode: "create" | "update", id?: string): ParsedPayload {
    const { catalog, store } = this.deps;
    const parsed = parsePayload(body, { catalog, table, mode, exists: (target, key) => store.has(target, key) });
    if (id !== undefined && parsed.id !== undefined && parsed.id !== id) {
      throw invalidArgument(`The body's ${table.primaryIdAttribute} '${parsed.id}' differs from the row's id '${id}'.`);
    }
    return parsed;
  }
}

/** A new id no row of `table` has, e.g. when a restored snapshot meets the same id seed again. */
export function freshId(deps: { readonly ids: IdGenerator; readonly store: RecordStore }, table: string): string {
  let id = deps.ids().toLowerCase();
  while (deps.store.has(table, id)) id = deps.ids().toLowerCase();
  return id;
}

/** A row id in the lowercase form rows are kept in. @throws DataverseError 400 for anything but a GUID. */
export function normalizeId(id: string): string {
  if (!isGuid(id)) throw invalidArgument(`'${id}' is not a valid row id: a GUID is expected.`);
  return id.toLowerCase();
}
