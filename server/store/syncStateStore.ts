/**
 * The sync engine's memory (server/sync/ports.ts SyncStateStore) in the service's database: one link per
 * opportunity, a bounded history of finished syncs, and the reconciler's watermarks.
 */
import type { SyncLink, SyncRecord, SyncStateStore } from "../sync/ports";
import type { Database } from "./database";

export interface SyncStateStoreOptions {
  /** How many sync records to keep, newest first (default 10,000). */
  readonly keepSyncRecords?: number;
  /** Prune after this many inserts (default 1% of keepSyncRecords): one indexed DELETE instead of one per insert. */
  readonly pruneEvery?: number;
}

interface LinkRow {
  opportunity_id: string;
  referral_id: string | null;
  base: unknown;
  referral_etag: string | null;
  referral_updated_at: string | null;
  create_intent_at: string | null;
  last_synced_at: string | null;
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

const LINK_COLUMNS =
  "opportunity_id, referral_id, base, referral_etag, referral_updated_at, create_intent_at, last_synced_at";
const RECORD_COLUMNS =
  "direction, opportunity_id, referral_id, outcome, summary, changed_at, finished_at, partner_center_calls, " +
  "dataverse_calls";

function toLink(row: LinkRow): SyncLink {
  return {
    opportunityId: row.opportunity_id,
    referralId: row.referral_id,
    base: row.base ?? null,
    referralEtag: row.referral_etag,
    referralUpdatedAt: row.referral_updated_at,
    createIntentAt: row.create_intent_at,
    lastSyncedAt: row.last_synced_at,
  };
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

  constructor(database: Database, options: SyncStateStoreOptions = {}) {
    this.#db = database;
    this.#s = database.schema;
    this.#keep = positiveInteger(options.keepSyncRecords ?? 10_000, "keepSyncRecords");
    this.#pruneEvery = positiveInteger(options.pruneEvery ?? Math.max(1, Math.floor(this.#keep / 100)), "pruneEvery");
  }

  async linkByOpportunity(opportunityId: string): Promise<SyncLink | null> {
    const rows = await this.#db.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM ${this.#s}.sync_link WHERE opportunity_id = $1`,
      [opportunityId],
    );
    return rows[0] ? toLink(rows[0]) : null;
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
    // `base` goes in as JSON text and is cast, so both drivers store exactly JSON.stringify's output.
    const base = link.base === null || link.base === undefined ? null : JSON.stringify(link.base);
    await this.#db.query(
      `INSERT INTO ${this.#s}.sync_link (${LINK_COLUMNS})
       VALUES ($1, $2, $3::text::jsonb, $4, $5, $6, $7)
       ON CONFLICT (opportunity_id) DO UPDATE SET
         referral_id = EXCLUDED.referral_id, base = EXCLUDED.base, referral_etag = EXCLUDED.referral_etag,
         referral_updated_at = EXCLUDED.referral_updated_at, create_intent_at = EXCLUDED.create_intent_at,
         last_synced_at = EXCLUDED.last_synced_at, save_number = EXCLUDED.save_number, updated_at = now()`,
      [
        link.opportunityId,
        link.referralId,
        base,
        link.referralEtag,
        link.referralUpdatedAt,
        link.createIntentAt,
        link.lastSyncedAt,
      ],
    );
  }

  async recordSync(record: SyncRecord): Promise<void> {
    await this.#db.query(
      `INSERT INTO ${this.#s}.sync_record (${RECORD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        record.direction,
        record.opportunityId,
        record.referralId,
        record.outcome,
        record.summary,
        record.changedAt,
        record.finishedAt,
        record.partnerCenterCalls,
        record.dataverseCalls,
      ],
    );
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
