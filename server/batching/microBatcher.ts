/**
 * Group commit: requests that arrive while a batch is being written wait and are written together in the next one.
 * One batch is in flight at a time: on PGlite (one connection) transactions run one after another anyway, so a burst
 * of webhooks costs one transaction per batch instead of one per webhook.
 *
 * When a batch starts is the batcher's `gather` setting. "microtask" starts it on the next microtask, so callers of
 * the same tick share it. "turn" waits for the end of the event loop's current turn (setImmediate): callers resumed
 * by network events of the same poll phase (the other webhooks whose bodies arrived together) join it. That matters
 * on PGlite, whose statements run synchronously on this thread: while one batch is written no request is read, so
 * without the wait each batch held a single request (measured: 2,969 transactions for 3,000 webhooks). The wait
 * costs one turn of the loop, well under a millisecond when the process is idle.
 */

export type GatherPolicy = "microtask" | "turn";

interface Waiter<Request, Result> {
  readonly request: Request;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

export class MicroBatcher<Request, Result> {
  readonly #write: (batch: readonly Request[]) => Promise<readonly Result[]>;
  readonly #maxBatch: number;
  readonly #gather: GatherPolicy;
  #waiting: Waiter<Request, Result>[] = [];
  /** The flush in progress, or null; cleared in the same step that finds nothing left to write. */
  #flushing: Promise<void> | null = null;

  /**
   * `write` handles one batch and resolves to one result per request, in order; when it throws, every request of the
   * batch is rejected with that error.
   */
  constructor(
    write: (batch: readonly Request[]) => Promise<readonly Result[]>,
    maxBatch: number,
    gather: GatherPolicy = "microtask",
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) {
      throw new Error(`Invalid batch size ${maxBatch}: use a whole number of at least 1.`);
    }
    this.#write = write;
    this.#maxBatch = maxBatch;
    this.#gather = gather;
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
    // Callers of this same tick (or turn) join the first batch.
    if (this.#gather === "turn") await new Promise<void>((resolve) => setImmediate(resolve));
    else await Promise.resolve();
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
