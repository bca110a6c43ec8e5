/**
 * Wakes the fetch loop: at once when this process enqueues or a handler finishes, at a set time for a known delayed
 * job (a retry after backoff), and otherwise after the poll interval. A wake that comes while the loop is busy is
 * remembered, so the loop fetches again instead of sleeping through it.
 */
export class WakeSignal {
  #pending = false;
  #resolve: (() => void) | null = null;
  #timer: NodeJS.Timeout | null = null;
  #timerDueAt = Infinity;

  /** Wakes the loop now, or when it next waits. */
  notify(): void {
    this.#pending = true;
    const resolve = this.#resolve;
    this.#resolve = null;
    resolve?.();
  }

  /** Wakes the loop in `delayMs`, unless an earlier timed wake is already set. */
  notifyIn(delayMs: number): void {
    if (delayMs <= 0) {
      this.notify();
      return;
    }
    const dueAt = Date.now() + delayMs;
    if (this.#timer !== null && this.#timerDueAt <= dueAt) return;
    this.#clearTimer();
    this.#timerDueAt = dueAt;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#timerDueAt = Infinity;
      this.notify();
    }, delayMs);
    this.#timer.unref();
  }

  /** Resolves at the next notify, or after `timeoutMs`; at once if a notify came since the last wait. */
  wait(timeoutMs: number): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#resolve = null;
        resolve();
      }, timeoutMs);
      this.#resolve = () => {
        clearTimeout(timer);
        this.#pending = false;
        resolve();
      };
    });
  }

  /** Drops timed wakes (at stop). */
  close(): void {
    this.#clearTimer();
    this.notify();
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#timerDueAt = Infinity;
  }
}
