/**
 * Writes one at a time, in arrival order. Most writes finish synchronously, but a write that waits for a synchronous
 * webhook step or a $batch change set that waits for its next request must not see another write slip in between
 * its attempts (see repeatableRuns.ts). Reads never queue: they see the last committed state, as in Dataverse.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private readonly waiters: (() => void)[] = [];

  /** Runs `work` once every write queued before it has finished; its result or error is passed on. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(work);
    const settle = () => {
      this.settle();
    };
    this.tail = result.then(settle, settle);
    return result;
  }

  /** Resolves once no write is queued or under way. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private settle(): void {
    this.pending -= 1;
    if (this.pending > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
