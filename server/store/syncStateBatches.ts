/**
 * The sync state's statements for many rows at once: links read by opportunity, links saved, sync records added.
 * PgSyncStateStore sends the calls of syncs running at the same time through these (group commit), so a backfill
 * costs a few statements per batch instead of four per opportunity. Each is one statement, hence one transaction:
 * a caller's write is durable when its batch resolves, exactly as when it was written alone.
 */
import type { SyncLink, SyncRecord } from "../sync/ports";
import type { Database } from "./database";

export interface LinkRow {
  opportunity_id: string;
  referral_id: string | null;
  base: unknown;
  referral_etag: string | null;
  referral_updated_at: string | null;
  create_intent_at: string | null;
  last_synced_at: string | null;
}

export const LINK_COLUMNS =
  "opportunity_id, referral_id, base, referral_etag, referral_updated_at, create_intent_at, last_synced_at";
export const RECORD_COLUMNS =
  "direction, opportunity_id, referral_id, outcome, summary, changed_at, finished_at, partner_center_calls, " +
  "dataverse_calls";

export function toLink(row: LinkRow): SyncLink {
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

/** The link of each opportunity id, in order (null when there is none). */
export async function readLinks(db: Database, ids: readonly string[]): Promise<(SyncLink | null)[]> {
  const rows = await db.query<LinkRow>(
    `SELECT ${LINK_COLUMNS} FROM ${db.schema}.sync_link WHERE opportunity_id = ANY($1::text[])`,
    [[...new Set(ids)]],
  );
  const links = new Map(rows.map((row) => [row.opportunity_id, toLink(row)]));
  return ids.map((id) => links.get(id) ?? null);
}

/**
 * Inserts or replaces the link of each opportunity, in order, in one statement; one null per link (done). The same
 * opportunity twice keeps the later link (one statement cannot write a row twice), which is what saving them one after
 * the other leaves.
 */
export async function saveLinks(db: Database, links: readonly SyncLink[]): Promise<null[]> {
  const last = new Map(links.map((link) => [link.opportunityId, link]));
  const rows = [...last.values()];
  const column = <T>(pick: (link: SyncLink) => T) => rows.map(pick);
  // `base` goes in as JSON text and is cast, so both drivers store exactly JSON.stringify's output.
  const base = (link: SyncLink) => (link.base === null || link.base === undefined ? null : JSON.stringify(link.base));
  await db.query(
    `INSERT INTO ${db.schema}.sync_link (${LINK_COLUMNS})
     SELECT u.opportunity_id, u.referral_id, u.base::jsonb, u.referral_etag, u.referral_updated_at,
       u.create_intent_at, u.last_synced_at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       WITH ORDINALITY AS u(opportunity_id, referral_id, base, referral_etag, referral_updated_at, create_intent_at,
         last_synced_at, ord)
     ORDER BY u.ord
     ON CONFLICT (opportunity_id) DO UPDATE SET
       referral_id = EXCLUDED.referral_id, base = EXCLUDED.base, referral_etag = EXCLUDED.referral_etag,
       referral_updated_at = EXCLUDED.referral_updated_at, create_intent_at = EXCLUDED.create_intent_at,
       last_synced_at = EXCLUDED.last_synced_at, save_number = EXCLUDED.save_number, updated_at = now()`,
    [
      column((link) => link.opportunityId),
      column((link) => link.referralId),
      column(base),
      column((link) => link.referralEtag),
      column((link) => link.referralUpdatedAt),
      column((link) => link.createIntentAt),
      column((link) => link.lastSyncedAt),
    ],
  );
  return links.map(() => null);
}

/** Adds the records, in order (their ids grow in that order), in one statement. */
export async function insertRecords(db: Database, records: readonly SyncRecord[]): Promise<null[]> {
  const column = <T>(pick: (record: SyncRecord) => T) => records.map(pick);
  await db.query(
    `INSERT INTO ${db.schema}.sync_record (${RECORD_COLUMNS})
     SELECT u.direction, u.opportunity_id, u.referral_id, u.outcome, u.summary, u.changed_at, u.finished_at,
       u.partner_center_calls, u.dataverse_calls
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[],
       $9::int[]) WITH ORDINALITY AS u(direction, opportunity_id, referral_id, outcome, summary, changed_at,
       finished_at, partner_center_calls, dataverse_calls, ord)
     ORDER BY u.ord`,
    [
      column((record) => record.direction),
      column((record) => record.opportunityId),
      column((record) => record.referralId),
      column((record) => record.outcome),
      column((record) => record.summary),
      column((record) => record.changedAt),
      column((record) => record.finishedAt),
      column((record) => record.partnerCenterCalls),
      column((record) => record.dataverseCalls),
    ],
  );
  return records.map(() => null);
}
