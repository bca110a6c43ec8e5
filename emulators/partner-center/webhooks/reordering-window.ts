/**
 * The `outOfOrder` fault: published events are held for a short window and then released as one batch in reversed
 * or shuffled order. Receivers must not assume events arrive in the order things changed (partner-center.md §2.5
 * expects bursty, repeated events; nothing promises ordering).
 */
import type { OutOfOrderOptions } from "./dispatcher-options";

/** Starts a tracked timer: the dispatcher's own, so `idle()` waits for an open window too. */
export interface Scheduler {
  schedule(delayMs: number, run: () => void): void;
}

/** Orders items by a random key each; the random source is injectable so a test can make a shuffle repeatable. */
export function shuffle<Item>(items: readonly Item[], random: () => number): Item[] {
  return items
    .map((item) => ({ item, key: random() }))
    .sort((left, right) => left.key - right.key)
    .map(({ item }) => item);
}

/** Collects items while a window is open and hands over the reordered batch when it closes. */
export class ReorderingWindow<Item> {
  private pending: Item[] = [];
  private open = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly release: (batch: Item[]) => void,
    private readonly random: () => number,
  ) {}

  /** The first item opens a window of `options.windowMs`; later items join it. */
  add(item: Item, options: OutOfOrderOptions): void {
    this.pending.push(item);
    if (this.open) return;
    this.open = true;
    this.scheduler.schedule(options.windowMs, () => {
      const batch = this.pending;
      this.pending = [];
      this.open = false;
      this.release(options.order === "reversed" ? batch.reverse() : shuffle(batch, this.random));
    });
  }

  /** Empties the window without releasing it (when the dispatcher closes). */
  discard(): void {
    this.pending = [];
  }
}
