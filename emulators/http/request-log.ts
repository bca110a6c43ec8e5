import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { type Clock, systemClock } from "../shared/clock";

/** One finished request. `status` is 0 when the connection was dropped before a response was sent. */
export interface RequestLogEntry {
  readonly method: string;
  /** The path as received, without the query. */
  readonly path: string;
  /** The raw query string without the leading "?" ("" when there was none). */
  readonly query: string;
  readonly status: number;
  /** Wall-clock time from arrival to the end of the response (or the drop), in milliseconds. */
  readonly durationMs: number;
  /** When the request arrived, by the log's clock (ISO 8601). */
  readonly at: string;
}

/** Options for a {@link RequestLog}. */
export interface RequestLogOptions {
  /** The clock for `at`; pass the emulator's ManualClock so entries line up with emulated time. */
  readonly clock?: Clock;
  /** How many entries to keep; the oldest are forgotten first, so a long demo run does not grow without end. */
  readonly maxEntries?: number;
}

/**
 * Every request an emulator served, in the order they finished (so a delayed request appears after a quicker one
 * that arrived later). Tests and benchmarks count calls with it.
 */
export class RequestLog {
  private readonly clock: Clock;
  private readonly maxEntries: number;
  private recorded: RequestLogEntry[] = [];

  constructor(options: RequestLogOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** Appends an entry. The pipeline calls it through {@link RequestLog.track}; custom servers may call it directly. */
  record(entry: RequestLogEntry): void {
    this.recorded.push(entry);
    if (this.recorded.length > this.maxEntries) this.recorded.splice(0, this.recorded.length - this.maxEntries);
  }

  /**
   * Starts timing `request` and returns the function that records it with its final status. The pipeline calls
   * that just before writing the reply, so the entry exists before the caller can see the response; a connection
   * that closes before then is recorded with status 0.
   */
  track(request: IncomingMessage, response: ServerResponse): (status: number) => void {
    const started = performance.now();
    const at = this.clock.now().toISOString();
    const target = request.url ?? "/";
    const queryStart = target.indexOf("?");
    const path = queryStart === -1 ? target : target.slice(0, queryStart);
    const query = queryStart === -1 ? "" : target.slice(queryStart + 1);
    const method = (request.method ?? "GET").toUpperCase();
    let recorded = false;
    const finish = (status: number) => {
      if (recorded) return;
      recorded = true;
      this.record({ method, path, query, status, durationMs: performance.now() - started, at });
    };
    response.once("close", () => {
      finish(0);
    });
    return finish;
  }

  /** A snapshot of the entries, oldest first. */
  entries(): readonly RequestLogEntry[] {
    return [...this.recorded];
  }

  /** How many entries satisfy `predicate` (all of them without one). */
  count(predicate?: (entry: RequestLogEntry) => boolean): number {
    return predicate === undefined ? this.recorded.length : this.recorded.filter(predicate).length;
  }

  /** Forgets every entry, e.g. between the arrange and act steps of a test. */
  reset(): void {
    this.recorded = [];
  }
}
