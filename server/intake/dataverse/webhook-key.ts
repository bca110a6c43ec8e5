/**
 * The webhook's authentication. "Any request to the endpoint configured should fail when the authentication options
 * passed in the request do not match. This is the responsibility of the endpoint." (dataverse.md §3.1). The service
 * endpoint's WebhookKey auth type sends the key as `?code=<key>`; the HttpHeader auth type sends it as a header.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { IntakeError } from "./errors";
import { headerValue, queryValue, type RequestHeaders, type RequestQuery } from "./request-headers";

/** The header the HttpHeader auth type is configured to send, unless the service says otherwise. */
export const DEFAULT_WEBHOOK_KEY_HEADER = "x-cosell-webhook-key";

/** The query parameter of the WebhookKey auth type (§3.1: "query string `?code=<value>`"). */
export const WEBHOOK_KEY_QUERY_PARAMETER = "code";

/** The parts of a request the key check reads. */
export interface WebhookKeyRequest {
  readonly query: RequestQuery;
  readonly headers: RequestHeaders;
}

/** Where to look for the key. */
export interface WebhookKeyOptions {
  /** Default `x-cosell-webhook-key`; matched without regard to case. */
  readonly headerName?: string;
}

/** Where the accepted key came from, for logs. */
export type WebhookKeySource = "query" | "header";

/**
 * Compares SHA-256 digests instead of the keys themselves: timingSafeEqual needs equal lengths, and comparing
 * fixed-length digests leaks neither the key's content nor its length through timing.
 */
function sameKey(presented: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

function presentedKeys(request: WebhookKeyRequest, headerName: string): [WebhookKeySource, string][] {
  const fromQuery = queryValue(request.query, WEBHOOK_KEY_QUERY_PARAMETER);
  const fromHeader = headerValue(request.headers, headerName);
  const keys: [WebhookKeySource, string][] = [];
  // An empty value is treated as no key at all: it is what a service endpoint with an unset key would send.
  if (fromQuery !== undefined && fromQuery !== "") keys.push(["query", fromQuery]);
  if (fromHeader !== undefined && fromHeader !== "") keys.push(["header", fromHeader]);
  return keys;
}

/**
 * Checks the webhook key of a request and returns where it came from. Every key the request presents (query and
 * header) must match, so a wrong key is never hidden by a right one. Throws IntakeError 401 when no key is presented
 * or one does not match, and 500 when `expectedKey` is empty (a service without DATAVERSE_WEBHOOK_KEY must not
 * accept anything). No message contains either key.
 */
export function checkWebhookKey(
  request: WebhookKeyRequest,
  expectedKey: string,
  options: WebhookKeyOptions = {},
): WebhookKeySource {
  if (expectedKey === "") {
    throw new IntakeError(
      500,
      "webhook_key_not_configured",
      "the service has no webhook key; set DATAVERSE_WEBHOOK_KEY and the service endpoint's key to the same value",
    );
  }
  const headerName = options.headerName ?? DEFAULT_WEBHOOK_KEY_HEADER;
  const keys = presentedKeys(request, headerName);
  const [first] = keys;
  if (first === undefined) {
    throw new IntakeError(
      401,
      "webhook_key_missing",
      `missing webhook key: send it as ?${WEBHOOK_KEY_QUERY_PARAMETER}=<key> (WebhookKey auth type) ` +
        `or in the ${headerName} header (HttpHeader auth type)`,
    );
  }
  // Compare every presented key before deciding, so the time taken does not depend on which one is wrong.
  const matches = keys.map(([, key]) => sameKey(key, expectedKey));
  if (matches.includes(false)) {
    throw new IntakeError(
      401,
      "webhook_key_mismatch",
      "the webhook key does not match; set the service endpoint's key to the service's DATAVERSE_WEBHOOK_KEY",
    );
  }
  return first[0];
}
