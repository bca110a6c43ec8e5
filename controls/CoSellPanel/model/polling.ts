import type { OpportunitySyncStatus } from "../../../core";

/**
 * How often the panel asks the sync service again while a sync is pending: soon at first (most syncs finish within
 * seconds), then less and less often, and not at all after about ten minutes, so a stuck job can't keep a forgotten
 * tab calling the service. Saving or "Sync now" starts the polling again.
 */

export const defaultPollDelays: readonly number[] = [2_000, 4_000, 8_000, 15_000, 30_000];

/** Polls after the first read, at most: with the delays above, about ten minutes. */
export const maxPolls = 24;

/** The wait before poll number `attempt` (0 for the first): the last delay repeats. */
export function pollDelayOf(delays: readonly number[], attempt: number): number {
  const index = Math.min(Math.max(attempt, 0), delays.length - 1);
  return delays[index] ?? 30_000;
}

/**
 * Polls after a save whose sync the service may not know of yet: Dataverse calls the service's webhook
 * asynchronously, so a status read soon after the save can still show the previous state with nothing pending.
 */
export const pollsAwaitingSave = 3;

/**
 * Whether a status already reflects a save made at `savedAt` (the row's modifiedon): its last sync or last error is
 * not older than the save. Dataverse keeps both times in whole seconds, so anything within the save's second counts.
 */
export function statusCoversSave(status: OpportunitySyncStatus, savedAt: string): boolean {
  const saved = Date.parse(savedAt);
  if (Number.isNaN(saved)) return true;
  const savedSecond = Math.floor(saved / 1000) * 1000;
  return [status.lastSyncedAt, status.lastError?.at ?? null].some(
    (time) => time !== null && Date.parse(time) >= savedSecond,
  );
}
