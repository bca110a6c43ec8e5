/**
 * The calls under way, so tests and the integrator can `await caller.idle()` instead of sleeping.
 */
export class InFlightWork {
  private readonly pending = new Set<Promise<unknown>>();

  /** Counts `work` until it settles and hands it back unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => {
      this.pending.delete(work);
    };
    void work.then(forget, forget);
    return work;
  }

  /** Resolves once nothing is under way, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
