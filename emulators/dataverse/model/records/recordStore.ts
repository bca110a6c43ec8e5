/**
 * The rows of every table, and the organization-wide row version counter behind ETags (dataverse.md §4.1,
 * `W/"<n>"`). Changes made while a journal is open can be undone to any savepoint, which is how a failed operation,
 * a failed change set or a refused commit leaves no trace.
 */
import type { StoredRecord } from "./values";

/** A point in the journal to undo back to. */
export interface Savepoint {
  readonly journalLength: number;
  readonly version: number;
}

interface UndoEntry {
  readonly table: string;
  readonly id: string;
  readonly previous: StoredRecord | undefined;
}

export class RecordStore {
  private readonly tables = new Map<string, Map<string, StoredRecord>>();
  private versionCounter = 0;
  private journal: UndoEntry[] | null = null;

  /** The last row version handed out. */
  get version(): number {
    return this.versionCounter;
  }

  /** The next row version; versions only grow, whichever table the row is in. */
  nextVersion(): number {
    this.versionCounter += 1;
    return this.versionCounter;
  }

  get(table: string, id: string): StoredRecord | undefined {
    return this.tables.get(table)?.get(id.toLowerCase());
  }

  has(table: string, id: string): boolean {
    return this.get(table, id) !== undefined;
  }

  /** The rows of a table in the order they were first stored. */
  rows(table: string): StoredRecord[] {
    return [...(this.tables.get(table)?.values() ?? [])];
  }

  put(table: string, record: StoredRecord): void {
    this.remember(table, record.id);
    this.tableMap(table).set(record.id, record);
  }

  remove(table: string, id: string): void {
    this.remember(table, id);
    this.tables.get(table)?.delete(id);
  }

  /** Opens the journal. @throws Error when one is open already: units of work don't nest here. */
  begin(): void {
    if (this.journal !== null) throw new Error("a journal is already open");
    this.journal = [];
  }

  get inJournal(): boolean {
    return this.journal !== null;
  }

  savepoint(): Savepoint {
    return { journalLength: this.journal?.length ?? 0, version: this.versionCounter };
  }

  /** Undoes every change made since `savepoint`, newest first. */
  rollbackTo(savepoint: Savepoint): void {
    const journal = this.journal ?? [];
    while (journal.length > savepoint.journalLength) {
      const entry = journal.pop();
      if (entry === undefined) break;
      if (entry.previous === undefined) this.tables.get(entry.table)?.delete(entry.id);
      else this.tableMap(entry.table).set(entry.id, entry.previous);
    }
    this.versionCounter = savepoint.version;
  }

  /** Keeps every change and closes the journal. */
  commit(): void {
    this.journal = null;
  }

  /** Undoes every change since `begin` and closes the journal. */
  rollback(start: Savepoint): void {
    this.rollbackTo(start);
    this.journal = null;
  }

  /** Every row by table, for snapshots. */
  dump(): Record<string, StoredRecord[]> {
    const dump: Record<string, StoredRecord[]> = {};
    for (const [table, rows] of this.tables) if (rows.size > 0) dump[table] = structuredClone([...rows.values()]);
    return dump;
  }

  /** Replaces everything with a snapshot's rows and version counter. */
  load(rows: Readonly<Record<string, readonly StoredRecord[]>>, version: number): void {
    this.tables.clear();
    for (const [table, records] of Object.entries(rows)) {
      const map = this.tableMap(table);
      for (const record of records) map.set(record.id, structuredClone(record));
    }
    this.versionCounter = version;
  }

  private remember(table: string, id: string): void {
    this.journal?.push({ table, id, previous: this.get(table, id) });
  }

  private tableMap(table: string): Map<string, StoredRecord> {
    let map = this.tables.get(table);
    if (map === undefined) {
      map = new Map();
      this.tables.set(table, map);
    }
    return map;
  }
}
