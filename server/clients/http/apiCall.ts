/**
 * What the HTTP clients report about every call they make, so that the service can count the calls each sync makes
 * (SyncRecord.partnerCenterCalls, dataverseCalls) and time them for /metrics. The observer runs synchronously in the
 * caller's async context, so an AsyncLocalStorage read inside it finds the job that made the call.
 */
import type { ApiName } from "../../sync/apiError";

export interface ApiCallRecord {
  readonly api: ApiName;
  readonly method: string;
  /** The URL path without the query string (which may carry filters with customer data). */
  readonly path: string;
  /** HTTP status; 0 when no answer arrived (connection refused, reset, timeout). */
  readonly status: number;
  readonly durationMs: number;
}

export type ApiCallObserver = (call: ApiCallRecord) => void;

/** What the clients log: an object first, then the message (the service's logger has this shape). */
export interface ClientLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A logger that drops everything, for callers that pass none. */
export const silentLogger: ClientLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
