/**
 * One in-memory Dataverse organization without HTTP: metadata, rows, the Web API's write and read rules
 * (dataverse.md §4), WinOpportunity/LoseOpportunity, atomic transactions for $batch change sets, change events for
 * webhooks, and optional persistence to a snapshot file after every committed change.
 */
import { systemClock, type Clock } from "../../shared/clock";
import { randomIds, type IdGenerator } from "../../shared/ids";
import { findApplicationUser, resolveActor, systemUserId } from "./actors";
import { invalidArgument } from "./errors";
import { ChangeHub, type ChangeEvent, type ChangeListener } from "./events";
import { MetadataCatalog } from "./metadata/catalog";
import { installSystemSchema } from "./metadata/systemSchema";
import { QueryEngine, type RecordPage, type RecordQuery, type RetrieveOptions } from "./query/queryEngine";
import type { ODataRow } from "./query/serialize";
import { closeOpportunity, type CloseDependencies, type CloseOpportunityResult } from "./records/closeOpportunity";
import { RecordStore } from "./records/recordStore";
import type { Operation } from "./records/rowWriter";
import { UnitOfWork } from "./records/unitOfWork";
import {
  RecordWriter,
  type DeleteOptions,
  type UpdateOptions,
  type WriteContext,
  type WriteResult,
} from "./records/writer";
import { OrganizationSession } from "./session";
import {
  parseSnapshot,
  restoreSnapshot,
  readSnapshotFile,
  snapshotFormat,
  snapshotVersion,
  writeSnapshotFile,
  type OrganizationSnapshot,
} from "./snapshot";
import { installSystemRows } from "./systemRows";

/** How an organization keeps time, names new rows, persists, and reports failing listeners. */
export interface OrganizationOptions {
  readonly clock?: Clock;
  /** Ids of new rows whose body names none; seeded in tests. */
  readonly ids?: IdGenerator;
  /** Loaded at start when it exists, and rewritten after every committed change. */
  readonly snapshotFile?: string;
  /** Told when a change listener throws; the change stays committed. Default: a process warning. */
  readonly onListenerError?: (error: unknown, event: ChangeEvent) => void;
}

/** The organization; the HTTP layer, $batch, webhooks and solution import all work on one of these. */
export class DataverseOrganization {
  /** Tables, columns and choices; solution import adds to it with addTable, addColumn and addChoice. */
  readonly metadata: MetadataCatalog;
  readonly clock: Clock;
  private readonly store = new RecordStore();
  private readonly hub: ChangeHub;
  private readonly unit: UnitOfWork;
  private readonly writer: RecordWriter;
  private readonly queries: QueryEngine;
  private readonly closing: CloseDependencies;
  private readonly snapshotFile: string | undefined;
  private ready = false;

  /** @throws SnapshotError when `snapshotFile` (or `initial`) exists but can't be read. */
  constructor(options: OrganizationOptions = {}, initial?: OrganizationSnapshot) {
    this.clock = options.clock ?? systemClock;
    this.snapshotFile = options.snapshotFile;
    this.metadata = new MetadataCatalog(() => {
      this.persist();
    });
    this.hub = new ChangeHub(options.onListenerError ?? warnOfListenerError);
    this.unit = new UnitOfWork(this.store, this.hub, (events) => {
      this.persist();
      this.hub.publish(events);
    });
    this.closing = { catalog: this.metadata, store: this.store, unit: this.unit, ids: options.ids ?? randomIds };
    this.writer = new RecordWriter({ ...this.closing, operation: (write) => this.operation(write) });
    this.queries = new QueryEngine(this.metadata, this.store);
    installSystemSchema(this.metadata);
    this.metadata.startRecording();
    const snapshot = initial ?? (this.snapshotFile === undefined ? undefined : readSnapshotFile(this.snapshotFile));
    if (snapshot === undefined) {
      this.unit.run(() => {
        // No user exists yet to resolve as the actor of the SYSTEM user's own creation.
        installSystemRows(this.metadata, this.store, this.writer, this.operationAs(systemUserId, {}));
      });
    } else {
      restoreSnapshot(snapshot, this.metadata, this.store);
    }
    this.ready = true;
    this.persist();
  }

  /** An organization holding a snapshot's state. @throws SnapshotError for malformed input. */
  static fromSnapshot(
    snapshot: string | OrganizationSnapshot,
    options: OrganizationOptions = {},
  ): DataverseOrganization {
    return new DataverseOrganization(options, parseSnapshot(snapshot));
  }

  /** POST: creates a row from a Web API body. @throws DataverseError (see RecordWriter.create). */
  create(table: string, body: unknown, context: WriteContext = {}): WriteResult {
    return this.writer.create(table, body, context);
  }

  /** PATCH: an upsert unless `upsert: false` or `ifMatch` is given. @throws DataverseError 400, 404, 412. */
  update(table: string, id: string, body: unknown, options: UpdateOptions = {}): WriteResult {
    return this.writer.update(table, id, body, options);
  }

  /** DELETE, with its dependants. @throws DataverseError 404 when missing, 412 for a stale If-Match. */
  delete(table: string, id: string, options: DeleteOptions = {}): void {
    this.writer.delete(table, id, options);
  }

  /** GET of one row. @throws DataverseError 404 "<table> With Id = <id> Does Not Exist", 400 for bad options. */
  retrieve(table: string, id: string, options: RetrieveOptions = {}): ODataRow {
    return this.queries.retrieve(table, id, options);
  }

  /** GET of a collection, one page at a time. @throws DataverseError 400 for bad query options or tokens. */
  retrieveMultiple(table: string, query: RecordQuery = {}): RecordPage {
    return this.queries.retrieveMultiple(table, query);
  }

  /** The WinOpportunity action: `{ Status: 3, OpportunityClose: { ..., "opportunityid@odata.bind": ... } }`. */
  winOpportunity(request: unknown, context: WriteContext = {}): CloseOpportunityResult {
    return this.unit.run(
      () => closeOpportunity(this.closing, "Win", request, this.operation(context)),
      context.correlationId,
    );
  }

  /** The LoseOpportunity action: Status 4 (Canceled) or 5 (Out-Sold). */
  loseOpportunity(request: unknown, context: WriteContext = {}): CloseOpportunityResult {
    return this.unit.run(
      () => closeOpportunity(this.closing, "Lose", request, this.operation(context)),
      context.correlationId,
    );
  }

  /**
   * Runs `work` all or nothing: when it throws, every write it made is undone and no event is sent; otherwise the
   * events of all its writes are sent after the commit (§4.3 change sets). `work` must be synchronous. A nested call
   * is a savepoint of the outer one: its failure undoes only its own writes.
   */
  transaction<T>(work: (organization: this) => T, context: { readonly correlationId?: string } = {}): T {
    return this.unit.run(() => work(this), context.correlationId);
  }

  /** Hears every committed change, in order; returns the function that unsubscribes. */
  onChange(listener: ChangeListener): () => void {
    return this.hub.subscribe(listener);
  }

  /** Hears every change before it commits; throwing undoes the whole unit, like a failing synchronous step. */
  onBeforeCommit(guard: ChangeListener): () => void {
    return this.hub.guard(guard);
  }

  /** The organization as seen by one user. @throws DataverseError 403 for an unknown or disabled user. */
  actAs(userId: string): OrganizationSession {
    return new OrganizationSession(this, resolveActor(this.store, userId));
  }

  /** The application user (systemuserid) of an Azure AD client id, or undefined when there is none. */
  applicationUserId(clientId: string): string | undefined {
    return findApplicationUser(this.store, clientId);
  }

  /** Customizations, rows and the row version counter, as JSON-ready data. */
  toSnapshot(): OrganizationSnapshot {
    return {
      format: snapshotFormat,
      version: snapshotVersion,
      savedAt: this.clock.now().toISOString(),
      rowVersion: this.store.version,
      metadata: this.metadata.additions(),
      rows: this.store.dump(),
    };
  }

  private operation(context: WriteContext): Operation {
    return this.operationAs(resolveActor(this.store, context.actor), context);
  }

  private operationAs(actor: string, context: WriteContext): Operation {
    const depth = context.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 1)
      throw invalidArgument(`depth must be a whole number from 1; got ${depth}.`);
    // Dataverse keeps createdon and modifiedon to the second.
    const at = this.clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    return { actor, correlationId: context.correlationId ?? this.unit.correlationId, depth, at };
  }

  private persist(): void {
    // Metadata isn't transactional: a customization made inside a transaction is saved with the commit, so the file
    // never holds rows that might still be rolled back.
    if (!this.ready || this.snapshotFile === undefined || this.store.inJournal) return;
    writeSnapshotFile(this.snapshotFile, this.toSnapshot());
  }
}

function warnOfListenerError(error: unknown, event: ChangeEvent): void {
  const reason = error instanceof Error ? error.message : String(error);
  process.emitWarning(`a change listener failed on ${event.message} of ${event.table} ${event.id}: ${reason}`);
}
