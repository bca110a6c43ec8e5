/**
 * Group commit: requests that arrive while a batch is being written wait and are written together in the next one.
 * One batch is in flight at a time: on PGlite (one connection) transactions run one after another anyway, so a burst
 * of webhooks costs one transaction per batch instead of one per webhook. A caller that arrives when nothing is in
 * flight starts a batch on the next microtask, so callers of the same tick share it.
 */

interface Waiter<Request, Result> {
  readonly request: Request;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

export class MicroBatcher<Request, Result> {
  readonly #write: (batch: readonly Request[]) => Promise<readonly Result[]>;
  readonly #maxBatch: number;
  #waiting: Waiter<Request, Result>[] = [];
  /** The flush in progress, or null; cleared in the same step that finds nothing left to write. */
  #flushing: Promise<void> | null = null;

  /**
   * `write` handles one batch and resolves to one result per request, in order; when it throws, every request of the
   * batch is rejected with that error.
   */
  constructor(write: (batch: readonly Request[]) => Promise<readonly Result[]>, maxBatch: number) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) {
      throw new Error(`Invalid batch size ${maxBatch}: use a whole number of at least 1.`);
    }
    this.#write = write;
    this.#maxBatch = maxBatch;
  }

  /** Resolves with this request's result once the batch it joined is written. */
  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.#waiting.push({ request, resolve, reject });
      this.#flushing ??= this.#flushAll();
    });
  }

  /** Resolves when every request submitted so far has been written or rejected. */
  async idle(): Promise<void> {
    while (this.#flushing !== null) await this.#flushing;
  }

  async #flushAll(): Promise<void> {
    // Callers of this same tick join the first batch.
    await Promise.resolve();
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.#maxBatch);
      try {
        const results = await this.#write(batch.map((waiter) => waiter.request));
        if (results.length !== batch.length) {
          throw new Error(`A batch of ${batch.length} requests returned ${results.length} results.`);
        }
        batch.forEach((waiter, index) => {
          waiter.resolve(results[index] as Result);
        });
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    // No await between the empty check above and this: a caller resumed by this batch starts the next flush.
    this.#flushing = null;
  }
}
