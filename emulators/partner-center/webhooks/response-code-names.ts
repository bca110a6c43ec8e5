/**
 * Validation results name the receiver's answer the way .NET's HttpStatusCode enum does: the docs show
 * `"responseCode": "OK"` (partner-center.md §2.1). Codes without a name here are written as digits.
 */
const NAMES: Readonly<Record<number, string>> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  203: "NonAuthoritativeInformation",
  204: "NoContent",
  301: "MovedPermanently",
  302: "Redirect",
  307: "TemporaryRedirect",
  308: "PermanentRedirect",
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  408: "RequestTimeout",
  409: "Conflict",
  413: "RequestEntityTooLarge",
  415: "UnsupportedMediaType",
  429: "TooManyRequests",
  500: "InternalServerError",
  501: "NotImplemented",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

/** "OK" for 200, "InternalServerError" for 500, "599" for a code .NET has no name for. */
export function responseCodeName(statusCode: number): string {
  return NAMES[statusCode] ?? String(statusCode);
}
