/**
 * A sliding-window limit per key, read from a Clock so tests can step past the window instead of waiting. Used for
 * the "2 requests per minute" limit on test-created events (partner-center.md §2.1).
 */
import type { Clock } from "../../shared/clock";

/** Either the request may go ahead, or it must wait this many whole seconds (rounded up, at least 1). */
export type LimitDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** How many requests a key may make within one window. */
export interface RateLimit {
  readonly requests: number;
  readonly windowMs: number;
}

/** Counts only the requests it allowed; a refused request does not push the window further out. */
export class SlidingWindowLimiter {
  private readonly acceptedAt = new Map<string, number[]>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {
    if (!Number.isInteger(limit.requests) || limit.requests < 1 || !(limit.windowMs > 0)) {
      throw new RangeError(`a rate limit needs at least 1 request per positive window; got ${JSON.stringify(limit)}`);
    }
  }

  /** Records the request and allows it, or refuses it without recording it. */
  tryAcquire(key: string): LimitDecision {
    const now = this.clock.now().getTime();
    const recent = (this.acceptedAt.get(key) ?? []).filter((at) => now - at < this.limit.windowMs);
    if (recent.length >= this.limit.requests) {
      const oldest = recent[0] ?? now;
      const waitMs = oldest + this.limit.windowMs - now;
      this.acceptedAt.set(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    recent.push(now);
    this.acceptedAt.set(key, recent);
    return { allowed: true };
  }
}
