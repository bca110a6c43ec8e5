/**
 * The admin JSON the operator page reads, from the real service over the real loop: who may read it, recent syncs
 * with the latency of a real sync, the overview's counts and percentiles, and a parked job that a retry brings back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OperationsOverview, ProblemJob, RecentSync } from "../../../server/http";
import { eventually } from "../../support/bridgeStack";
import { settle, shareOpportunity, STORAGES } from "../e2e/support/stack";
import { adminCall, startOperatorStack, type OperatorStack } from "./support/operatorStack";

/** Nearest-rank percentile, worked out here independently of the service. */
function nearestRank(values: readonly number[], fraction: number): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(fraction * sorted.length) - 1];
}

describe.each(STORAGES)("the operator's admin API on %s", (storage) => {
  let stack: OperatorStack;
  const startedBefore = new Date().toISOString();

  beforeAll(async () => {
    stack = await startOperatorStack(storage, "operator_api");
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  const recentSyncs = async (query = ""): Promise<RecentSync[]> => {
    const answer = await adminCall(stack, "GET", `/syncs/recent${query}`);
    expect(answer.status).toBe(200);
    return answer.body.syncs as RecentSync[];
  };
  const overview = async (): Promise<OperationsOverview> => {
    const answer = await adminCall(stack, "GET", "/overview");
    expect(answer.status).toBe(200);
    return answer.body as unknown as OperationsOverview;
  };
  const problems = async (): Promise<ProblemJob[]> =>
    (await adminCall(stack, "GET", "/jobs/problems")).body.jobs as ProblemJob[];

  it.each(["/syncs/recent", "/overview"])(
    "answers %s 401 without a token and 403 without the admin role",
    async (path) => {
      const anonymous = await adminCall(stack, "GET", path, null);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer realm="cosell-bridge"/);
      expect(anonymous.body).toMatchObject({ error: { code: "missing_token" } });

      const seller = await adminCall(stack, "GET", path, stack.tokenWithoutRole);
      expect(seller.status).toBe(403);
      expect(seller.body).toMatchObject({
        error: { code: "insufficient_role", whatToDo: expect.stringContaining("CoSellBridge.Admin") as unknown },
      });
    },
  );

  it("lists a real sync with its latency, newest first, and honours limit", async () => {
    const first = await shareOpportunity(stack, "Operator latency one");
    const second = await shareOpportunity(stack, "Operator latency two");
    const syncs = await recentSyncs();
    const ofSecond = syncs.findIndex((sync) => sync.opportunityId === second.opportunityId);
    const ofFirst = syncs.findIndex((sync) => sync.opportunityId === first.opportunityId);
    expect(ofSecond).toBeGreaterThanOrEqual(0);
    expect(ofSecond).toBeLessThan(ofFirst);

    const created = syncs.find((sync) => sync.opportunityId === first.opportunityId && sync.outcome === "created");
    expect(created).toMatchObject({
      direction: "toPartnerCenter",
      referralId: first.referral.id,
      summary: expect.stringContaining(first.referral.id) as unknown,
    });
    if (created === undefined || created.changedAt === null) throw new Error("the create has no change time");
    // The change was saved a moment before the sync finished: a real, small latency, exactly finished − changed.
    expect(created.latencyMs).toBe(Date.parse(created.finishedAt) - Date.parse(created.changedAt));
    expect(created.latencyMs).toBeGreaterThanOrEqual(0);
    expect(created.latencyMs).toBeLessThan(30_000);

    expect(await recentSyncs("?limit=1")).toEqual(syncs.slice(0, 1));
    for (const limit of ["0", "501", "ten"]) {
      const refused = await adminCall(stack, "GET", `/syncs/recent?limit=${limit}`);
      expect(refused.status, limit).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: "invalid_limit" } });
    }
  }, 60_000);

  it("sums up the newest syncs: outcome counts, directions and latency percentiles, the queue and the start", async () => {
    await settle(stack);
    const summary = await overview();
    const stored = await stack.service.syncState.recentSyncs({ limit: 200 });
    expect(summary.queue).toEqual(await stack.service.queue.depth());
    expect(summary.startedAt >= startedBefore && summary.startedAt <= summary.generatedAt).toBe(true);
    expect(summary.recent).toMatchObject({ window: 200, count: stored.length, newestAt: stored[0]?.finishedAt });
    const created = stored.filter((record) => record.outcome === "created").length;
    expect(created).toBeGreaterThanOrEqual(2);
    expect(summary.recent.outcomes.created).toBe(created);
    expect(Object.values(summary.recent.outcomes).reduce((sum, n) => sum + n, 0)).toBe(stored.length);
    expect(summary.recent.directions.toPartnerCenter + summary.recent.directions.toDataverse).toBe(stored.length);

    const latencies = stored.flatMap((record) =>
      record.changedAt === null ? [] : [Date.parse(record.finishedAt) - Date.parse(record.changedAt)],
    );
    expect(summary.recent.latencyMs).toEqual({
      count: latencies.length,
      p50: nearestRank(latencies, 0.5),
      p95: nearestRank(latencies, 0.95),
      max: Math.max(...latencies),
    });
  }, 30_000);

  it("shows a parked job with its reason, and a retry puts it back in the queue, where it runs", async () => {
    const refusal = await stack.partnerCenter.admin.addFault({
      match: { method: "POST", pathPrefix: "/v1.0/engagements/referrals" },
      fault: { kind: "status", status: 403 },
    });
    const customer = await stack.seller.createCustomer("Parked");
    // Created with sync on: one webhook, so one job.
    const opportunityId = await stack.seller.createOpportunity(customer, {
      name: "Operator parked",
      dealValue: 50_000,
      sync: { on: true, help: ["GeneralOrOther"], products: [stack.products[0] ?? ""], share: true },
    });
    await settle(stack);
    const [parked, ...others] = await problems();
    expect(others).toEqual([]);
    if (parked === undefined) throw new Error("no job was parked");
    expect(parked.dedupeKey).toBe(`opportunity:${opportunityId}`);
    expect(parked).toMatchObject({ kind: "dataverse-opportunity", reason: "stopped retrying" });
    expect(parked.lastError).toMatch(/403/);
    expect(parked.whatToDo).toMatch(/retry/i);
    expect((await overview()).queue.failed).toBe(1);
    const failedSync = (await recentSyncs()).find((sync) => sync.opportunityId === opportunityId);
    expect(failedSync?.outcome).toBe("failed");

    await stack.partnerCenter.admin.removeFault(refusal);
    const retried = await adminCall(stack, "POST", `/jobs/${parked.id}/retry`);
    expect(retried).toMatchObject({ status: 202, body: { jobId: parked.id } });
    expect((await overview()).queue.failed).toBe(0);
    const [created] = await eventually("the retried job to create the referral", async () => {
      const syncs = await recentSyncs();
      const done = syncs.filter((sync) => sync.opportunityId === opportunityId && sync.outcome === "created");
      return done.length > 0 ? done : undefined;
    });
    expect(created?.latencyMs).toEqual(expect.any(Number));
    await settle(stack);
    expect((await problems()).map((job) => job.id)).not.toContain(parked.id);

    const again = await adminCall(stack, "POST", `/jobs/${parked.id}/retry`);
    expect(again.status).toBe(409);
    const unknown = await adminCall(stack, "POST", "/jobs/0b2a8a4e-3f6c-4f55-9f65-7c2a1d9e3b10/retry");
    expect(unknown).toMatchObject({ status: 404, body: { error: { whatToDo: expect.any(String) as unknown } } });
  }, 60_000);
});
