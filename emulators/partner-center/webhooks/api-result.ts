/**
 * What every registration-API operation returns, so that a route only copies status, headers and body onto the
 * response. Error bodies use the generic Partner Center shape of partner-center.md §1.7.
 */

/** An HTTP answer without the HTTP: the route serialises `body` as JSON when it is not undefined. */
export interface ApiResult<Body = unknown> {
  readonly status: number;
  readonly body: Body;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The generic Partner Center error body (partner-center.md §1.7). */
export interface PartnerCenterError {
  readonly code: string;
  readonly description: string;
  readonly data: readonly string[];
  readonly source: string;
}

/** The body Partner Center sends with a 429 (partner-center.md §1.7, example under "Throttling"). */
export interface ThrottledBody {
  readonly statusCode: 429;
  readonly message: string;
}

/** A 200 with `body`. */
export function ok<Body>(body: Body): ApiResult<Body> {
  return { status: 200, body };
}

/**
 * An error in the generic shape. The real `code` values for these webhook errors are not documented, so the code is
 * the HTTP status as a string: clients should read the status and the description, never the code.
 */
export function failure(
  status: number,
  description: string,
  headers?: Readonly<Record<string, string>>,
): ApiResult<PartnerCenterError> {
  const body: PartnerCenterError = { code: String(status), description, data: [], source: "PartnerCenterWebhooks" };
  return headers === undefined ? { status, body } : { status, body, headers };
}

/** A 429 with `Retry-After` in whole seconds, as §1.7 shows it. */
export function throttled(retryAfterSeconds: number): ApiResult<ThrottledBody> {
  return {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds) },
    body: { statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.` },
  };
}
