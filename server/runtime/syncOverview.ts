/**
 * What the operator page shows about finished syncs: each record with its latency (from the change in one system to
 * the end of its sync into the other, as cosell_sync_latency_seconds measures it), and a summary of the newest ones.
 */
import {
  SYNC_OUTCOMES,
  type LatencySummary,
  type RecentSync,
  type RecentSyncSummary,
  type SyncDirection,
  type SyncOutcome,
} from "../http/operations/adminViews";
import type { SyncRecord } from "../sync";

/** finishedAt − changedAt in ms; null when unknown, and when negative (the two systems' clocks disagree). */
export function latencyMsOf(record: Pick<SyncRecord, "changedAt" | "finishedAt">): number | null {
  if (record.changedAt === null) return null;
  const latency = Date.parse(record.finishedAt) - Date.parse(record.changedAt);
  return Number.isFinite(latency) && latency >= 0 ? latency : null;
}

export function recentSyncOf(record: SyncRecord): RecentSync {
  return {
    direction: record.direction,
    outcome: record.outcome,
    opportunityId: record.opportunityId,
    referralId: record.referralId,
    summary: record.summary,
    changedAt: record.changedAt,
    finishedAt: record.finishedAt,
    latencyMs: latencyMsOf(record),
    partnerCenterCalls: record.partnerCenterCalls,
    dataverseCalls: record.dataverseCalls,
  };
}

/** The nearest-rank percentile of `sorted` (ascending, not empty): a value that really occurred. */
function percentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function latencySummary(latencies: readonly number[]): LatencySummary {
  if (latencies.length === 0) return { count: 0, p50: null, p95: null, max: null };
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? null,
  };
}

/** Counts and latency of `syncs` (newest first), the newest `window` syncs of the service. */
export function summarizeRecentSyncs(syncs: readonly RecentSync[], window: number): RecentSyncSummary {
  const outcomes = Object.fromEntries(SYNC_OUTCOMES.map((outcome) => [outcome, 0])) as Record<SyncOutcome, number>;
  const directions: Record<SyncDirection, number> = { toPartnerCenter: 0, toDataverse: 0 };
  const latencies: number[] = [];
  for (const sync of syncs) {
    outcomes[sync.outcome] += 1;
    directions[sync.direction] += 1;
    if (sync.latencyMs !== null) latencies.push(sync.latencyMs);
  }
  return {
    window,
    count: syncs.length,
    oldestAt: syncs.at(-1)?.finishedAt ?? null,
    newestAt: syncs[0]?.finishedAt ?? null,
    outcomes,
    directions,
    latencyMs: latencySummary(latencies),
  };
}
