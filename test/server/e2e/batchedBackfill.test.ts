/**
 * A backfill's syncs share Dataverse requests (server/clients/dataverse/opportunityBatches.ts) and state statements
 * (server/store/syncStateBatches.ts), and still end exactly as one sync at a time would: one referral per valid
 * opportunity, every synced row written back in full, and the invalid one in the middle of the batch refused on its
 * own row with what to do, while its neighbours in the same `$batch` are written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SyncStatus } from "../../../core";
import type { ApiCallRecord } from "../../../server/clients";
import { auditLines, opportunityRow, referralCalls, referralsOf } from "./support/observe";
import { coSellColumns, daysFromToday } from "./support/seller";
import { settle, startE2eStack, STORAGES, type E2eStack } from "./support/stack";

const OPPORTUNITIES = 12;
const INVALID = 5;

describe.each(STORAGES)("a batched backfill on %s", (storage) => {
  let stack: E2eStack;
  const calls: ApiCallRecord[] = [];

  beforeAll(async () => {
    stack = await startE2eStack(storage, "batched_backfill", {
      // Slots for all of them: the syncs start together, so their requests meet in batches whatever the timing.
      env: { QUEUE_CONCURRENCY: String(OPPORTUNITIES) },
      service: { clients: { observer: (call) => calls.push(call) } },
    });
  }, 60_000);
  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  it("syncs every opportunity as alone, the invalid one refused on its row only, in few Dataverse requests", async () => {
    const customer = await stack.seller.createCustomer("Contoso");
    const ids: string[] = [];
    for (let index = 0; index < OPPORTUNITIES; index += 1) {
      const closeDate = index === INVALID ? daysFromToday(-30) : daysFromToday(60);
      ids.push(
        await stack.seller.createOpportunity(customer, {
          name: `Batched ${index}`,
          dealValue: 1_000 + index,
          closeDate,
        }),
      );
    }
    // Opted in inside the organization, as a migration would: no webhook fires, only the backfill finds them.
    const choice = { on: true, help: ["GeneralOrOther"], products: [stack.products[0] ?? ""], share: true } as const;
    for (const id of ids) stack.dataverse.org.update("opportunity", id, coSellColumns(choice));
    await settle(stack);
    calls.length = 0;

    // Listed, then enqueued together (one group commit), as `cosell-bridge backfill` does.
    const { jobs } = await stack.service.engine.reconcile({ backfill: true });
    await Promise.all(jobs.map((job) => stack.service.queue.enqueue(job, { priority: -1 })));
    await settle(stack);

    ids.forEach((id, index) => {
      const row = opportunityRow(stack, id);
      if (index === INVALID) {
        expect(row.csb_syncstatus).toBe(SyncStatus.Error);
        expect(auditLines(row)[0]).toMatch(/What to do:/);
        expect(referralsOf(stack, id)).toEqual([]);
        return;
      }
      const [referral] = referralsOf(stack, id);
      expect(referralsOf(stack, id)).toHaveLength(1);
      expect(row).toMatchObject({ csb_syncstatus: SyncStatus.Synced, csb_referralid: referral?.id });
      expect(row.csb_referrallink).toEqual(expect.any(String));
      expect(row.csb_lastsyncedon).toEqual(expect.any(String));
      expect(auditLines(row)).toHaveLength(1);
    });
    // One create each, and the write-backs came back as echoes: no second Partner Center call.
    expect(referralCalls(stack, "POST")).toHaveLength(OPPORTUNITIES - 1);
    expect(referralCalls(stack, "PATCH")).toHaveLength(0);
    const dataverse = calls.filter((call) => call.api === "dataverse");
    expect(dataverse.some((call) => call.path.endsWith("/$batch"))).toBe(true);
    // One at a time, each sync reads three times and writes once: 48 requests for 12 opportunities.
    expect(dataverse.length).toBeLessThanOrEqual(2 * OPPORTUNITIES);
  }, 90_000);
});
