/**
 * The one error type the HTTP clients throw for an unsuccessful API answer, so that the engine can react to a 412 and
 * the queue can honour Retry-After without knowing which API spoke.
 */

export type ApiName = "dataverse" | "partnerCenter" | "partnerCenterWebhooks" | "tokens";

export interface ApiErrorDetails {
  readonly api: ApiName;
  /** HTTP status; 0 when no answer arrived (connection refused, timeout). */
  readonly status: number;
  /** The API's own error code (Dataverse "0x80040237", Partner Center "2055", ...), if it sent one. */
  readonly code: string | null;
  /** The method and path that failed, without the query string (which may carry a secret). */
  readonly request: string;
  /** Milliseconds the API asked us to wait (Retry-After), if it did. */
  readonly retryAfterMs: number | null;
}

/** 408, 425, 429, 5xx and network failures are worth retrying; other 4xx answers will not change by waiting. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 425 || status === 429 || status >= 500;
}

export class ApiError extends Error implements ApiErrorDetails {
  override readonly name = "ApiError";
  readonly api: ApiName;
  readonly status: number;
  readonly code: string | null;
  readonly request: string;
  readonly retryAfterMs: number | null;
  readonly retryable: boolean;

  constructor(details: ApiErrorDetails, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.api = details.api;
    this.status = details.status;
    this.code = details.code;
    this.request = details.request;
    this.retryAfterMs = details.retryAfterMs;
    this.retryable = isRetryableStatus(details.status);
  }
}

/**
 * What the queue reads from any thrown error to decide on a retry. An error without these properties is retried
 * with the normal backoff; `retryable: false` parks the job at once with the error's message as the reason.
 */
export interface RetryHint {
  readonly retryable?: boolean;
  readonly retryAfterMs?: number | null;
}
