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
