/**
 * The page's same-origin Dataverse Web API: /api/data/v9.2/** forwarded to the emulator with the seller's bearer
 * token added here, as Dynamics pages call the Web API of their own origin with the session cookie. The browser
 * never holds a Dataverse token or a client secret, and never sees the emulator's own URL: links in answers
 * (@odata.context, @odata.nextLink, OData-EntityId) are rewritten to the host's origin.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { originOf, readBody, sendText } from "./httpReplies";
import type { SellerSession } from "./sellerSession";

/** Request headers a Web API client sends that mean something to Dataverse. */
const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "content-type",
  "prefer",
  "if-match",
  "if-none-match",
  "odata-version",
  "odata-maxversion",
];

/** Answer headers the browser needs; hop-by-hop and length headers are recomputed. */
const FORWARDED_RESPONSE_HEADERS = [
  "content-type",
  "etag",
  "odata-version",
  "odata-entityid",
  "preference-applied",
  "retry-after",
  "location",
];

export interface DataverseProxy {
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

export function createDataverseProxy(dataverseUrl: string, session: SellerSession): DataverseProxy {
  return {
    async handle(request, response) {
      const origin = originOf(request);
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      const { accessToken } = await session.token();
      headers.authorization = `Bearer ${accessToken}`;
      const method = request.method ?? "GET";
      const body = method === "GET" || method === "HEAD" ? undefined : await readBody(request);
      let answer: Response;
      try {
        answer = await fetch(`${dataverseUrl}${request.url ?? "/"}`, {
          method,
          headers,
          ...(body === undefined || body.length === 0 ? {} : { body: new Uint8Array(body) }),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        sendODataError(
          response,
          502,
          `The host could not reach Dataverse at ${dataverseUrl} (${reason}). Start the Dataverse emulator and reload the page.`,
        );
        return;
      }
      const replyHeaders: Record<string, string> = {};
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = answer.headers.get(name);
        if (value !== null) replyHeaders[name] = value.split(dataverseUrl).join(origin);
      }
      const text = (await answer.text()).split(dataverseUrl).join(origin);
      response.writeHead(answer.status, { ...replyHeaders, "content-length": String(Buffer.byteLength(text)) });
      response.end(text);
    },
  };
}

/** An error in the Web API's own shape, so the page's webAPI reports it like any Dataverse error. */
function sendODataError(response: ServerResponse, status: number, message: string): void {
  sendText(response, status, "application/json; charset=utf-8", JSON.stringify({ error: { code: "", message } }));
}
