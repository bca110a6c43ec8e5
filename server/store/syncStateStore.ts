/**
 * The sync engine's memory (server/sync/ports.ts SyncStateStore) in the service's database: one link per
 * opportunity, a bounded history of finished syncs, and the reconciler's watermarks. Link reads, link saves and
 * records of syncs running at once share statements (syncStateBatches.ts); a batch the database refuses is written
 * again row by row, so a bad row fails only its own sync.
 */
import { MicroBatcher } from "../batching/microBatcher";
import { eachOnFailure, unwrap, type Settled } from "../batching/settled";
import type { SyncLink, SyncRecord, SyncStateStore } from "../sync/ports";
import type { Database } from "./database";
import {
  insertRecords,
  LINK_COLUMNS,
  readLinks,
  RECORD_COLUMNS,
  saveLinks,
  toLink,
  type LinkRow,
} from "./syncStateBatches";

export interface SyncStateStoreOptions {
  /** How many sync records to keep, newest first (default 10,000). */
  readonly keepSyncRecords?: number;
  /** Prune after this many inserts (default 1% of keepSyncRecords): one indexed DELETE instead of one per insert. */
  readonly pruneEvery?: number;
}

interface RecordRow {
  direction: SyncRecord["direction"];
  opportunity_id: string | null;
  referral_id: string | null;
  outcome: SyncRecord["outcome"];
  summary: string;
  changed_at: string | null;
  finished_at: string;
  partner_center_calls: number;
  dataverse_calls: number;
}

function toRecord(row: RecordRow): SyncRecord {
  return {
    direction: row.direction,
    opportunityId: row.opportunity_id,
    referralId: row.referral_id,
    outcome: row.outcome,
    summary: row.summary,
    changedAt: row.changed_at,
    finishedAt: row.finished_at,
    partnerCenterCalls: row.partner_center_calls,
    dataverseCalls: row.dataverse_calls,
  };
}

/** Most rows per batched statement. */
const MAX_BATCH = 200;

/** Group commit of one statement kind, with a row-by-row retry when the database refuses a batch. */
function batcher<I, R>(all: (items: readonly I[]) => Promise<readonly R[]>): MicroBatcher<I, Settled<R>> {
  const one = async (item: I): Promise<R> => {
    const [result] = await all([item]);
    return result as R; // `all` returns one result per item
  };
  return new MicroBatcher((items) => eachOnFailure(items, all, one), MAX_BATCH, "turn");
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1.`);
  return value;
}

export class PgSyncStateStore implements SyncStateStore {
  readonly #db: Database;
  readonly #s: string;
  readonly #keep: number;
  readonly #pruneEvery: number;
  #insertsSincePrune = 0;
  readonly #linkReads: MicroBatcher<string, Settled<SyncLink | null>>;
  readonly #linkSaves: MicroBatcher<SyncLink, Settled<null>>;
  readonly #recordInserts: MicroBatcher<SyncRecord, Settled<null>>;

  constructor(database: Database, options: SyncStateStoreOptions = {}) {
    this.#db = database;
    this.#s = database.schema;
    this.#keep = positiveInteger(options.keepSyncRecords ?? 10_000, "keepSyncRecords");
    this.#pruneEvery = positiveInteger(options.pruneEvery ?? Math.max(1, Math.floor(this.#keep / 100)), "pruneEvery");
    this.#linkReads = batcher((ids) => readLinks(database, ids));
    this.#linkSaves = batcher((links) => saveLinks(database, links));
    this.#recordInserts = batcher((records) => insertRecords(database, records));
  }

  async linkByOpportunity(opportunityId: string): Promise<SyncLink | null> {
    return unwrap(await this.#linkReads.submit(opportunityId));
  }

  /** The link holding `referralId`; if several do (an opportunity was recreated), the one saved last. */
  async linkByReferral(referralId: string): Promise<SyncLink | null> {
    const rows = await this.#db.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM ${this.#s}.sync_link WHERE referral_id = $1 ORDER BY save_number DESC LIMIT 1`,
      [referralId],
    );
    return rows[0] ? toLink(rows[0]) : null;
  }

  async saveLink(link: SyncLink): Promise<void> {
    unwrap(await this.#linkSaves.submit(link));
  }

  async recordSync(record: SyncRecord): Promise<void> {
    unwrap(await this.#recordInserts.submit(record));
    this.#insertsSincePrune += 1;
    if (this.#insertsSincePrune >= this.#pruneEvery) {
      this.#insertsSincePrune = 0;
      await this.pruneSyncRecords();
    }
  }

  /** Deletes all but the newest `keepSyncRecords` records; returns how many went. */
  async pruneSyncRecords(): Promise<number> {
    // The (keep + 1)-th newest id, found on the primary key index, bounds everything older.
    const deleted = await this.#db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM ${this.#s}.sync_record
         WHERE id <= (SELECT id FROM ${this.#s}.sync_record ORDER BY id DESC OFFSET $1 LIMIT 1)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [this.#keep],
    );
    return deleted[0]?.n ?? 0;
  }

  async recentSyncs(options: { readonly limit: number; readonly opportunityId?: string }): Promise<SyncRecord[]> {
    const limit = Math.min(positiveInteger(options.limit, "limit"), this.#keep);
    const rows =
      options.opportunityId === undefined
        ? await this.#db.query<RecordRow>(
            `SELECT ${RECORD_COLUMNS} FROM ${this.#s}.sync_record ORDER BY id DESC LIMIT $1`,
            [limit],
          )
        : await this.#db.query<RecordRow>(
            `SELECT ${RECORD_COLUMNS} FROM ${this.#s}.sync_record WHERE opportunity_id = $1 ORDER BY id DESC LIMIT $2`,
            [options.opportunityId, limit],
          );
    return rows.map(toRecord);
  }

  async readWatermark(name: string): Promise<string | null> {
    const rows = await this.#db.query<{ value: string }>(`SELECT value FROM ${this.#s}.watermark WHERE name = $1`, [
      name,
    ]);
    return rows[0]?.value ?? null;
  }

  async writeWatermark(name: string, value: string): Promise<void> {
    await this.#db.query(
      `INSERT INTO ${this.#s}.watermark (name, value) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [name, value],
    );
  }
}
