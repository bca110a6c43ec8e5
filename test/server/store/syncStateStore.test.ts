import { describe, expect, it } from "vitest";
import { PgServiceStateStore, PgSyncStateStore } from "../../../server/store";
import type { SyncLink, SyncRecord } from "../../../server/sync/ports";
import { ENGINES, useTestDatabase } from "./testDatabases";

function aLink(overrides: Partial<SyncLink> = {}): SyncLink {
  return {
    opportunityId: "6d81c3a2-0000-4000-8000-000000000001",
    referralId: "a1b2c3d4-0000-4000-8000-000000000001",
    base: { dealValue: 125000, currency: "USD", help: ["technicalAssistance"], notes: null },
    referralEtag: 'W/"5"',
    referralUpdatedAt: "2026-05-04T09:00:00.1234567Z",
    createIntentAt: null,
    lastSyncedAt: "2026-05-04T09:00:01.000Z",
    ...overrides,
  };
}

function aRecord(n: number, overrides: Partial<SyncRecord> = {}): SyncRecord {
  return {
    direction: n % 2 === 0 ? "toPartnerCenter" : "toDataverse",
    opportunityId: `opp-${n}`,
    referralId: null,
    outcome: "updated",
    summary: `Sync number ${n}`,
    changedAt: `2026-05-04T09:00:${String(n % 60).padStart(2, "0")}Z`,
    finishedAt: `2026-05-04T10:00:${String(n % 60).padStart(2, "0")}.5Z`,
    partnerCenterCalls: n,
    dataverseCalls: 2 * n,
    ...overrides,
  };
}

describe.each(ENGINES)("sync state on %s", (engine) => {
  const testDatabase = useTestDatabase(engine, "store_state");

  describe("links", () => {
    it("are found by opportunity and by referral, exactly as saved", async () => {
      const store = new PgSyncStateStore(testDatabase.database);
      const link = aLink();
      await store.saveLink(link);
      expect(await store.linkByOpportunity(link.opportunityId)).toEqual(link);
      expect(await store.linkByReferral("a1b2c3d4-0000-4000-8000-000000000001")).toEqual(link);
    });

    it("are null when nothing was saved", async () => {
      const store = new PgSyncStateStore(testDatabase.database);
      expect(await store.linkByOpportunity("never-saved")).toBeNull();
      expect(await store.linkByReferral("never-saved")).toBeNull();
    });

    it("are replaced by a second save of the same opportunity", async () => {
      const store = new PgSyncStateStore(testDatabase.database);
      const first = aLink({
        opportunityId: "opp-upsert",
        referralId: null,
        base: null,
        createIntentAt: "2026-05-04T09:00:00Z",
      });
      await store.saveLink(first);
      const second = aLink({ opportunityId: "opp-upsert", referralId: "ref-upsert", referralEtag: 'W/"9"' });
      await store.saveLink(second);
      expect(await store.linkByOpportunity("opp-upsert")).toEqual(second);
      expect(await store.linkByReferral("ref-upsert")).toEqual(second);
    });

    it("no longer answer for a referral the link moved away from", async () => {
      const store = new PgSyncStateStore(testDatabase.database);
      await store.saveLink(aLink({ opportunityId: "opp-moved", referralId: "ref-old" }));
      await store.saveLink(aLink({ opportunityId: "opp-moved", referralId: "ref-new" }));
      expect(await store.linkByReferral("ref-old")).toBeNull();
      expect((await store.linkByReferral("ref-new"))?.opportunityId).toBe("opp-moved");
    });

    it("answer a referral held by two opportunities with the one saved last", async () => {
      const store = new PgSyncStateStore(testDatabase.database);
      await store.saveLink(aLink({ opportunityId: "opp-deleted", referralId: "ref-shared" }));
      await store.saveLink(aLink({ opportunityId: "opp-recreated", referralId: "ref-shared" }));
      expect((await store.linkByReferral("ref-shared"))?.opportunityId).toBe("opp-recreated");
    });

    it.each([
      ["an array", [1, "two", { three: 3 }]],
      ["a string", "agreed"],
      ["a number", 42],
      ["a boolean", false],
      ["null", null],
    ])("keep a base that is %s", async (_, base) => {
      const store = new PgSyncStateStore(testDatabase.database);
      const link = aLink({ opportunityId: `opp-base-${JSON.stringify(base)}`, base });
      await store.saveLink(link);
      expect((await store.linkByOpportunity(link.opportunityId))?.base).toEqual(base);
    });
  });

  describe("sync records", () => {
    it("come back newest first, limited, with every field", async () => {
      const store = new PgSyncStateStore(await testDatabase.freshSchema());
      for (let n = 1; n <= 5; n += 1) await store.recordSync(aRecord(n));
      expect(await store.recentSyncs({ limit: 3 })).toEqual([aRecord(5), aRecord(4), aRecord(3)]);
    });

    it("can be read for one opportunity", async () => {
      const store = new PgSyncStateStore(await testDatabase.freshSchema());
      await store.recordSync(aRecord(1, { opportunityId: "opp-a" }));
      await store.recordSync(aRecord(2, { opportunityId: "opp-b", referralId: "ref-b", outcome: "failed" }));
      await store.recordSync(aRecord(3, { opportunityId: "opp-a", changedAt: null }));
      const forA = await store.recentSyncs({ limit: 10, opportunityId: "opp-a" });
      expect(forA).toEqual([
        aRecord(3, { opportunityId: "opp-a", changedAt: null }),
        aRecord(1, { opportunityId: "opp-a" }),
      ]);
    });

    it("are pruned to the newest N", async () => {
      const store = new PgSyncStateStore(await testDatabase.freshSchema(), { keepSyncRecords: 5, pruneEvery: 1 });
      for (let n = 1; n <= 12; n += 1) await store.recordSync(aRecord(n));
      const kept = await store.recentSyncs({ limit: 100 });
      expect(kept.map((record) => record.summary)).toEqual([12, 11, 10, 9, 8].map((n) => `Sync number ${n}`));
    });

    it("are pruned in batches when pruneEvery is larger, never below N", async () => {
      const view = await testDatabase.freshSchema();
      const store = new PgSyncStateStore(view, { keepSyncRecords: 5, pruneEvery: 4 });
      const counts: number[] = [];
      for (let n = 1; n <= 11; n += 1) {
        await store.recordSync(aRecord(n));
        const [row] = await view.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${view.schema}.sync_record`);
        counts.push(row?.n ?? -1);
      }
      // Pruned after the 4th (nothing over 5 yet) and the 8th insert.
      expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 5, 6, 7, 8]);
      expect(await store.pruneSyncRecords()).toBe(3);
      expect((await store.recentSyncs({ limit: 100 }))[0]?.summary).toBe("Sync number 11");
    });
  });

  describe("watermarks", () => {
    it("are null until written, then hold the last value per name", async () => {
      const store = new PgSyncStateStore(testDatabase.database);
      expect(await store.readWatermark("dataverse")).toBeNull();
      await store.writeWatermark("dataverse", "2026-05-04T09:00:00Z");
      await store.writeWatermark("partnerCenter", "2026-05-04T08:00:00.1234567Z");
      await store.writeWatermark("dataverse", "2026-05-04T09:30:00Z");
      expect(await store.readWatermark("dataverse")).toBe("2026-05-04T09:30:00Z");
      expect(await store.readWatermark("partnerCenter")).toBe("2026-05-04T08:00:00.1234567Z");
    });
  });

  describe("service state", () => {
    it("keeps one value per name and replaces it", async () => {
      const state = new PgServiceStateStore(testDatabase.database);
      expect(await state.get("partnerCenter.refreshToken")).toBeNull();
      await state.set("partnerCenter.refreshToken", "first-token");
      await state.set("partnerCenter.refreshToken", "rotated-token");
      await state.set("other", "x");
      expect(await state.get("partnerCenter.refreshToken")).toBe("rotated-token");
      expect(await state.get("other")).toBe("x");
    });
  });
});
