/**
 * 429 storms and failed writes: Partner Center (partner-center.md §1.7) and Dataverse (dataverse.md §4.4) answer the next calls with
 * 429 and Retry-After. The sync must still complete, later, without a duplicate, and no retry may come before the
 * Retry-After the API asked for: the emulators' request logs say when each call arrived. A 503 on the write-back to
 * Dynamics, after the referral was created, must end with the same opportunity as a sync that never failed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SyncStatus } from "../../../core";
import type { RequestLogEntry } from "../../../emulators/http";
import { eventually } from "../../support/bridgeStack";
import { auditLines, opportunityRow, referralCalls, referralOf, referralsOf } from "./support/observe";
import { STORAGES, settle, startE2eStack, type E2eStack } from "./support/stack";

const RETRY_AFTER_SECONDS = 1;
const THROTTLED_CALLS = 2;

/** For every 429 in `calls`, the time until the next call: no retry may come sooner than Retry-After. */
function waitsAfterThrottling(calls: readonly RequestLogEntry[]): number[] {
  return calls.flatMap((call, index) => {
    const next = calls[index + 1];
    if (call.status !== 429 || next === undefined) return [];
    return [Date.parse(next.at) - Date.parse(call.at)];
  });
}

describe.each(STORAGES)("429 storms end to end on %s", (storage) => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack(storage, "throttling");
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  afterEach(async () => {
    await Promise.all([stack.partnerCenter.admin.clearFaults(), stack.dataverse.admin.clearFaults()]);
  });

  async function turnOnSyncOfANewOpportunity(name: string): Promise<string> {
    const customer = await stack.seller.createCustomer();
    const opportunityId = await stack.seller.createOpportunity(customer, { name, dealValue: 60_000 });
    await settle(stack);
    await stack.seller.turnOnSync(opportunityId, {
      help: ["GeneralOrOther"],
      products: [stack.products[0] ?? ""],
      share: true,
    });
    return opportunityId;
  }

  it("creates the referral once Partner Center stops answering 429, never retrying before Retry-After", async () => {
    const from = referralCalls(stack).length;
    await stack.partnerCenter.admin.addFault({
      match: { pathPrefix: "/v1.0/engagements/referrals" },
      fault: { kind: "status", status: 429, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } },
      remaining: THROTTLED_CALLS,
    });
    const opportunityId = await turnOnSyncOfANewOpportunity("Throttled by Partner Center");

    await referralOf(stack, opportunityId, 20_000);
    await settle(stack);
    const calls = referralCalls(stack).slice(from);
    expect(calls.filter((call) => call.status === 429)).toHaveLength(THROTTLED_CALLS);
    const waits = waitsAfterThrottling(calls);
    expect(waits).toHaveLength(THROTTLED_CALLS);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
    expect(referralsOf(stack, opportunityId)).toHaveLength(1);
    const row = opportunityRow(stack, opportunityId);
    expect(row.csb_syncstatus).toBe(SyncStatus.Synced);
    // While it waited, the seller could see why (the retryable error is written as Pending with its reason).
    expect(auditLines(row).some((line) => line.includes("Partner Center answered HTTP 429"))).toBe(true);
  }, 30_000);

  it("syncs the opportunity once Dataverse stops answering 429, never retrying before Retry-After", async () => {
    const opportunityId = await turnOnSyncOfANewOpportunity("Throttled by Dynamics");
    await referralOf(stack, opportunityId);
    await settle(stack);
    const reads = `/api/data/v9.2/opportunities(${opportunityId})`;
    const from = stack.dataverse.log.entries().length;
    await stack.dataverse.admin.addFault({
      match: { method: "GET", pathPrefix: reads },
      fault: { kind: "status", status: 429, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } },
      remaining: THROTTLED_CALLS,
    });

    await stack.seller.save(opportunityId, { estimatedvalue: 66_000 });
    const [referral] = referralsOf(stack, opportunityId);
    if (referral === undefined) throw new Error("no referral");
    await settle(stack, 20_000);
    const current = stack.partnerCenter.state.referrals.get(referral.id);
    expect(current.details?.dealValue).toBe(66_000);
    const calls = stack.dataverse.log
      .entries()
      .slice(from)
      .filter((call) => call.method === "GET" && call.path === reads);
    expect(calls.filter((call) => call.status === 429)).toHaveLength(THROTTLED_CALLS);
    const waits = waitsAfterThrottling(calls);
    expect(waits).toHaveLength(THROTTLED_CALLS);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
    expect(referralsOf(stack, opportunityId)).toHaveLength(1);
    expect(opportunityRow(stack, opportunityId).csb_syncstatus).toBe(SyncStatus.Synced);
  }, 30_000);

  describe("a 503 from Dataverse on the write-back, after the referral was created", () => {
    async function writeBackFailsOnce(name: string): Promise<string> {
      const customer = await stack.seller.createCustomer();
      const opportunityId = await stack.seller.createOpportunity(customer, { name, dealValue: 61_000 });
      await settle(stack);
      await stack.seller.turnOnSync(opportunityId, {
        help: ["GeneralOrOther"],
        products: [stack.products[0] ?? ""],
        share: true,
      });
      await stack.dataverse.idle();
      // The seller's save is through; from now on the next two PATCHes of the opportunity are the service's.
      await stack.dataverse.admin.addFault({
        match: { method: "PATCH", pathPrefix: `/api/data/v9.2/opportunities(${opportunityId})` },
        fault: { kind: "status", status: 503 },
        remaining: 2,
      });
      await referralOf(stack, opportunityId);
      await eventually("the retried write-back", () => opportunityRow(stack, opportunityId).csb_referralid !== null);
      await settle(stack);
      return opportunityId;
    }

    it("links the referral on the retry: one referral, its id and link, Synced", async () => {
      const opportunityId = await writeBackFailsOnce("Write-back refused once");
      const referrals = referralsOf(stack, opportunityId);
      expect(referrals).toHaveLength(1);
      expect(opportunityRow(stack, opportunityId)).toMatchObject({
        csb_referralid: referrals[0]?.id,
        csb_referrallink: expect.stringContaining(referrals[0]?.id ?? "?") as unknown,
        csb_syncstatus: SyncStatus.Synced,
      });
    }, 20_000);

    // A retry that only links the referral is a sync too: the row must not say "last synced: never".
    it("stamps csb_lastsyncedon when the retry links the referral", async () => {
      const opportunityId = await writeBackFailsOnce("Write-back refused, last synced");
      expect(opportunityRow(stack, opportunityId).csb_lastsyncedon).toEqual(expect.any(String));
    }, 20_000);
  });
});
