/**
 * Runs the page's refresh every few seconds while the tab is visible, and not at all while it is hidden (no load on
 * the service from a forgotten tab); coming back runs it at once.
 * https://developer.mozilla.org/en-US/docs/Web/API/Document/visibilitychange_event
 */
export class Refresher {
  readonly #task: () => Promise<void>;
  readonly #intervalMs: number;
  #active = false;
  #timer: number | undefined;
  #running: Promise<void> | null = null;
  #next: Promise<void> | null = null;

  /** `task` must not reject: it shows its own failures. */
  constructor(task: () => Promise<void>, intervalMs: number) {
    this.#task = task;
    this.#intervalMs = intervalMs;
    document.addEventListener("visibilitychange", () => {
      if (!this.#active) return;
      if (document.hidden) window.clearTimeout(this.#timer);
      else void this.now();
    });
  }

  start(): void {
    this.#active = true;
    void this.now();
  }

  stop(): void {
    this.#active = false;
    window.clearTimeout(this.#timer);
  }

  /** Runs the task now; if a run is under way (with data from before), once more after it. Resolves when done. */
  now(): Promise<void> {
    window.clearTimeout(this.#timer);
    if (this.#running !== null) {
      this.#next ??= this.#running.then(() => {
        this.#next = null;
        return this.now();
      });
      return this.#next;
    }
    this.#running = this.#task().finally(() => {
      this.#running = null;
      this.#schedule();
    });
    return this.#running;
  }

  #schedule(): void {
    window.clearTimeout(this.#timer);
    if (!this.#active || document.hidden || this.#next !== null) return;
    this.#timer = window.setTimeout(() => void this.now(), this.#intervalMs);
  }
}
