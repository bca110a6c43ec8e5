/**
 * Sync state written by syncs running at the same time shares statements (store/syncStateBatches.ts): what each
 * caller sees is what writing alone gives, and a row the database refuses fails its own caller only.
 */
import { describe, expect, it } from "vitest";
import { PgSyncStateStore, type Database } from "../../../server/store";
import type { SyncLink, SyncRecord } from "../../../server/sync/ports";
import { ENGINES, useTestDatabase } from "./testDatabases";

function aLink(n: number, overrides: Partial<SyncLink> = {}): SyncLink {
  return {
    opportunityId: `opp-${n}`,
    referralId: `ref-${n}`,
    base: { fields: { dealValue: n }, referral: { id: `ref-${n}` } },
    referralEtag: `W/"${n}"`,
    referralUpdatedAt: "2026-05-04T09:00:00.1234567Z",
    createIntentAt: null,
    lastSyncedAt: "2026-05-04T09:00:01.000Z",
    ...overrides,
  };
}

function aRecord(n: number, overrides: Partial<SyncRecord> = {}): SyncRecord {
  return {
    direction: "toPartnerCenter",
    opportunityId: `opp-${n}`,
    referralId: `ref-${n}`,
    outcome: "created",
    summary: `Created referral ref-${n}`,
    changedAt: null,
    finishedAt: "2026-05-04T10:00:00Z",
    partnerCenterCalls: 1,
    dataverseCalls: 2,
    ...overrides,
  };
}

/** The same database, counting the statements sent to it. */
function counting(database: Database): { database: Database; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    database: {
      ...database,
      query: (text, params) => {
        statements.push(text.trim().split(/\s+/).slice(0, 3).join(" "));
        return database.query(text, params);
      },
    },
  };
}

describe.each(ENGINES)("batched sync state on %s", (engine) => {
  const testDatabase = useTestDatabase(engine, "store_batches");

  it("writes links and records of syncs running together in one statement each, in arrival order", async () => {
    const counted = counting(await testDatabase.freshSchema());
    const store = new PgSyncStateStore(counted.database);
    await Promise.all([1, 2, 3, 4].map((n) => store.saveLink(aLink(n))));
    await Promise.all([1, 2, 3, 4].map((n) => store.recordSync(aRecord(n))));
    const links = await Promise.all([1, 2, 5, 3, 4].map((n) => store.linkByOpportunity(`opp-${n}`)));

    expect(counted.statements).toEqual([
      `INSERT INTO ${counted.database.schema}.sync_link`,
      `INSERT INTO ${counted.database.schema}.sync_record`,
      "SELECT opportunity_id, referral_id,",
    ]);
    expect(links).toEqual([aLink(1), aLink(2), null, aLink(3), aLink(4)]);
    const recent = await store.recentSyncs({ limit: 10 });
    expect(recent.map((record) => record.opportunityId)).toEqual(["opp-4", "opp-3", "opp-2", "opp-1"]);
  });

  it("keeps the later of two saves of one opportunity in the same batch, as saving one after the other does", async () => {
    const store = new PgSyncStateStore(await testDatabase.freshSchema());
    const intent = aLink(7, { referralId: null, base: null, createIntentAt: "2026-05-04T09:00:00Z" });
    await Promise.all([store.saveLink(intent), store.saveLink(aLink(7))]);
    expect(await store.linkByOpportunity("opp-7")).toEqual(aLink(7));
    expect(await store.linkByReferral("ref-7")).toEqual(aLink(7));
  });

  it("fails only the sync whose row the testDatabase.database refuses; its neighbours in the batch are stored", async () => {
    const store = new PgSyncStateStore(await testDatabase.freshSchema());
    // PostgreSQL's text and jsonb refuse the NUL character, so this record cannot be stored.
    const refused = aRecord(2, { summary: "Partner Center said \u0000 nothing" });
    const outcomes = await Promise.allSettled([aRecord(1), refused, aRecord(3)].map((r) => store.recordSync(r)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const recent = await store.recentSyncs({ limit: 10 });
    expect(recent.map((record) => record.opportunityId)).toEqual(["opp-3", "opp-1"]);

    const badLink = aLink(5, { base: { note: "nul \u0000 inside" } });
    const saves = await Promise.allSettled([aLink(4), badLink, aLink(6)].map((link) => store.saveLink(link)));
    expect(saves.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await store.linkByOpportunity("opp-4")).toEqual(aLink(4));
    expect(await store.linkByOpportunity("opp-5")).toBeNull();
    expect(await store.linkByOpportunity("opp-6")).toEqual(aLink(6));
  });
});
