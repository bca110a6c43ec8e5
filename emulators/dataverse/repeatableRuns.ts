/**
 * Lets a unit of writes run more than once with the same outcome. The organization's transactions are synchronous,
 * but a synchronous webhook step is an HTTP call (dataverse.md §3.4: the operation fails unless the step succeeds),
 * and a $batch change set (§4.3) is answered one request at a time. So the emulator runs such work, sets it aside,
 * waits for what it needs, and runs it again for real. For the second run to make exactly the same rows, the
 * organization's clock stands still and its id generator hands out the same ids again, in the same order.
 */
import type { Clock } from "../shared/clock";
import type { IdGenerator } from "../shared/ids";

/** A clock and an id generator for the organization that can repeat themselves between `begin` and `end`. */
export class RepeatableRuns {
  /** The organization's clock: the underlying clock, or the instant pinned by `begin`. */
  readonly clock: Clock;
  /** The organization's ids: fresh ones, or during a session the ones of earlier attempts first. */
  readonly ids: IdGenerator;
  private pinned: Date | undefined;
  private recorded: string[] | undefined;
  private cursor = 0;

  constructor(
    private readonly base: Clock,
    baseIds: IdGenerator,
  ) {
    this.clock = { now: () => (this.pinned === undefined ? base.now() : new Date(this.pinned)) };
    this.ids = () => {
      if (this.recorded === undefined) return baseIds();
      const repeated = this.recorded[this.cursor];
      this.cursor += 1;
      if (repeated !== undefined) return repeated;
      const fresh = baseIds();
      this.recorded.push(fresh);
      return fresh;
    };
  }

  /** True between `begin` and `end`. */
  get active(): boolean {
    return this.recorded !== undefined;
  }

  /** Starts a session: time stands still and the ids handed out are remembered. */
  begin(): void {
    if (this.active) throw new Error("a repeatable run is already under way");
    this.pinned = this.base.now();
    this.recorded = [];
    this.cursor = 0;
  }

  /** Starts the next attempt: the ids of earlier attempts are handed out again, in order, before fresh ones. */
  restart(): void {
    this.cursor = 0;
  }

  /** Ends the session; the clock moves again and ids are fresh. */
  end(): void {
    this.pinned = undefined;
    this.recorded = undefined;
    this.cursor = 0;
  }
}
