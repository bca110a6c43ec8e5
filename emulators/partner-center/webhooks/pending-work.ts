/**
 * Counts what is in flight or scheduled, so tests can `await dispatcher.idle()` instead of sleeping. Every begin
 * has exactly one end; the waiters run when the count returns to zero.
 */
export class PendingWork {
  private count = 0;
  private waiters: (() => void)[] = [];

  /** Something started (a POST, a timer, a sequence of POSTs). */
  begin(): void {
    this.count += 1;
  }

  /** Something finished or was cancelled. */
  end(): void {
    if (this.count === 0) throw new Error("PendingWork.end() without a matching begin()");
    this.count -= 1;
    if (this.count > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Counts `work` until it settles. */
  async track(work: Promise<unknown>): Promise<void> {
    this.begin();
    try {
      await work;
    } finally {
      this.end();
    }
  }

  /** Resolves at once when nothing is pending, otherwise when the count next reaches zero. */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
