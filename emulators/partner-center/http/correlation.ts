/**
 * Request tracing headers (shared/reference/partner-center.md §1.1): callers send `MS-RequestId` and
 * `MS-CorrelationId`, the service answers with both and the doc examples also show `Request-ID`. Set on the response
 * before the pipeline runs, so every answer carries them, including injected faults and errors.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestListener } from "../../http";
import type { IdGenerator } from "../../shared/ids";

// Echoed values come from the caller: keep them short and to the characters a GUID-like id uses.
const ECHOABLE = /^[A-Za-z0-9._:{}-]{1,128}$/;

/** The header value as sent, when it is safe to echo; undefined otherwise. */
function echoable(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single !== undefined && ECHOABLE.test(single.trim()) ? single.trim() : undefined;
}

/** Adds MS-RequestId, MS-CorrelationId (echoed, or generated when absent) and Request-ID to every response. */
export function withCorrelationHeaders(listener: RequestListener, ids: IdGenerator): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    response.setHeader("MS-RequestId", echoable(request.headers["ms-requestid"]) ?? ids());
    response.setHeader("MS-CorrelationId", echoable(request.headers["ms-correlationid"]) ?? ids());
    response.setHeader("Request-ID", ids());
    listener(request, response);
  };
}
