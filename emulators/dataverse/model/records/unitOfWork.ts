/**
 * Atomic units of work. Every operation runs in one: on its own it is a unit; inside `transaction` (a $batch change
 * set, dataverse.md §4.3: "atomic (all-or-nothing)") it is a savepoint of the open unit, so a failed operation that
 * the caller catches still leaves nothing behind. Events wait for the commit and are dropped by a rollback.
 */
import { randomUUID } from "node:crypto";
import type { ChangeEvent, ChangeHub } from "../events";
import type { RecordStore, Savepoint } from "./recordStore";

export class UnitOfWork {
  private pending: ChangeEvent[] = [];
  private start: Savepoint | null = null;
  private unitCorrelationId = "";

  /** @param afterCommit receives the unit's events once its changes are kept (to save and announce them). */
  constructor(
    private readonly store: RecordStore,
    private readonly hub: ChangeHub,
    private readonly afterCommit: (events: readonly ChangeEvent[]) => void,
  ) {}

  /** The correlation id that operations of the open unit share unless they bring their own. */
  get correlationId(): string {
    return this.unitCorrelationId;
  }

  /**
   * Runs `work` atomically and returns its result.
   * @throws whatever `work` or a guard throws, after undoing every change; TypeError when `work` returns a promise,
   *   since changes made after an await could not be undone.
   */
  run<T>(work: () => T, correlationId?: string): T {
    if (this.start !== null) return this.nested(work);
    const start = this.store.savepoint();
    this.start = start;
    this.unitCorrelationId = correlationId ?? randomUUID();
    this.store.begin();
    let result: T;
    try {
      result = work();
      if (isThenable(result)) {
        throw new TypeError("a transaction's work must be synchronous: it returned a promise, so it was undone");
      }
      this.hub.check(this.pending);
    } catch (error) {
      this.store.rollback(start);
      this.finish();
      throw error;
    }
    this.store.commit();
    const events = this.finish();
    this.afterCommit(events);
    return result;
  }

  /** Queues an event of the open unit. */
  record(event: ChangeEvent): void {
    this.pending.push(event);
  }

  private nested<T>(work: () => T): T {
    const savepoint = this.store.savepoint();
    const eventCount = this.pending.length;
    try {
      return work();
    } catch (error) {
      this.store.rollbackTo(savepoint);
      this.pending.length = eventCount;
      throw error;
    }
  }

  private finish(): ChangeEvent[] {
    const events = this.pending;
    this.pending = [];
    this.start = null;
    this.unitCorrelationId = "";
    return events;
  }
}

function isThenable(value: unknown): boolean {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
