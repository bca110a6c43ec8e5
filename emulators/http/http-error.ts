/** Response headers as plain name → value pairs; names are matched case-insensitively when the reply is written. */
export type HeaderMap = Readonly<Record<string, string>>;

/**
 * An error a handler (or the pipeline itself) throws to answer with a specific status. The pipeline renders it with
 * the emulator's error renderer, so each emulator keeps its own error body shape. `message` is shown to the caller:
 * never put secrets in it.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: HeaderMap;

  constructor(status: number, code: string, message: string, headers: HeaderMap = {}) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

const codesByStatus: Readonly<Record<number, string>> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  412: "PreconditionFailed",
  413: "PayloadTooLarge",
  415: "UnsupportedMediaType",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

/** A readable error code for a status ("ServiceUnavailable" for 503), used when nothing more specific is known. */
export function codeForStatus(status: number): string {
  return codesByStatus[status] ?? `Status${status}`;
}
