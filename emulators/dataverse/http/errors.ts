/**
 * Errors of the local Dataverse, all in the Web API's shape `{"error":{"code","message"}}` (dataverse.md §4.4): the
 * organization's DataverseError keeps its status and platform code, the shared OData parser's errors are 400s, and
 * the emulator's own refusals (admin input, snapshots) are 400s too.
 */
import { HttpError, json, renderODataError, type RateLimitRenderer, type Reply, type RouteHandler } from "../../http";
import { ODataQueryError } from "../../odata";
import { AdminInputError } from "../../shared/admin/adminInput";
import { DataverseError, SnapshotError } from "../model";

/** The platform's code for a request that can't be read (used for malformed input the model never sees). */
export const BAD_REQUEST_CODE = "0x80040203";

/** The HttpError for a known refusal, or undefined for anything else (which the pipeline turns into a 500). */
export function httpErrorOf(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof DataverseError) return new HttpError(error.httpStatus, error.code, error.message);
  if (error instanceof ODataQueryError) return new HttpError(400, BAD_REQUEST_CODE, error.message);
  if (error instanceof SnapshotError || error instanceof AdminInputError) {
    return new HttpError(400, BAD_REQUEST_CODE, error.message);
  }
  return undefined;
}

/** The error body of a known refusal, for answers built outside the pipeline ($batch parts). */
export function errorReplyOf(error: unknown): Reply | undefined {
  const httpError = httpErrorOf(error);
  if (httpError === undefined) return undefined;
  return json(httpError.status, renderODataError(httpError.status, httpError.code, httpError.message) as object, {
    ...httpError.headers,
  });
}

/** Wraps an admin route so that known refusals become 400s rather than 500s. */
export function withKnownErrors(handler: RouteHandler): RouteHandler {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      throw httpErrorOf(error) ?? error;
    }
  };
}

/** The first service protection limit's message (§4.4), used for injected 429s as well. */
export function requestLimitMessage(limit: number, windowMs: number): string {
  return `Number of requests exceeded the limit of ${limit} over time window of ${Math.round(windowMs / 1000)} seconds.`;
}

/** §4.4: code 0x80072322 for the number of requests. */
export const REQUEST_LIMIT_CODE = "0x80072322";

/** §4.4: code 0x80072326 for concurrent requests. */
export const CONCURRENCY_LIMIT_CODE = "0x80072326";

/** An injected 429 (fault rule) reads like the documented request-count limit, with the limits in force. */
export function dataverseRateLimitRenderer(
  limits: () => { readonly requestsPerWindow: number; readonly windowMs: number },
): RateLimitRenderer {
  return () => {
    const { requestsPerWindow, windowMs } = limits();
    return renderODataError(429, REQUEST_LIMIT_CODE, requestLimitMessage(requestsPerWindow, windowMs));
  };
}
