/**
 * Why a call to the sync service failed, sorted by what the seller can do about it. The technical message is for
 * the browser console; describeError (describeError.ts) turns the kind into words a seller understands.
 */
import type { ServiceErrorBody } from "./types";

export type ServiceFailure =
  /** csb_SyncEndpointUrl is empty or not a web address. */
  | "notConfigured"
  /** No token: no provider on the page, or it failed. */
  | "signIn"
  /** The request never got an answer: DNS, refused connection, CORS, offline. */
  | "unreachable"
  | "timeout"
  /** 401: the token was refused. */
  | "unauthorized"
  /** 403 */
  | "forbidden"
  /** 429 */
  | "throttled"
  /** 503 */
  | "unavailable"
  /** Any other 4xx: the service said no, and its body says why. */
  | "refused"
  /** 5xx other than 503. */
  | "failed"
  /** 2xx whose body is not what the contract promises. */
  | "badAnswer";

export interface ServiceErrorDetails {
  readonly status?: number;
  /** Seconds to wait before trying again (Retry-After), when the service said. */
  readonly retryAfterSeconds?: number;
  /** The service's `{ error }` body, when it sent one. */
  readonly body?: ServiceErrorBody;
  /** For notConfigured: what is wrong with csb_SyncEndpointUrl. */
  readonly endpoint?: "empty" | "invalid";
}

export class SyncServiceError extends Error {
  override readonly name = "SyncServiceError";

  constructor(
    readonly failure: ServiceFailure,
    message: string,
    readonly details: ServiceErrorDetails = {},
  ) {
    super(message);
  }
}

/**
 * Seconds until a Retry-After value (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) allows another try, at least
 * 1; undefined when the header is absent or unreadable.
 */
export function retryAfterSeconds(header: string | null, nowMs: number): number | undefined {
  const value = header?.trim() ?? "";
  if (value === "") return undefined;
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(1, Math.ceil((at - nowMs) / 1000));
}

/** The failure an HTTP status means. */
export function failureOfStatus(status: number): ServiceFailure {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 429) return "throttled";
  if (status === 503) return "unavailable";
  return status >= 500 ? "failed" : "refused";
}
