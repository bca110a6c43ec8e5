/**
 * Sending one step's request (dataverse.md §3.4): success is any 2xx and the response body is ignored; a 502, 503 or
 * 504 gets exactly one more attempt; anything else, a timeout (60 s) or a network error is a failure.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { IdGenerator } from "../../shared/ids";
import type { WebhookRequest } from "./webhook-request";

/** "The WebHook service will make one more attempt only when these error codes are returned" (§3.4). */
export const RETRIED_STATUS_CODES: ReadonlySet<number> = new Set([502, 503, 504]);

/** How one attempt ended. */
export type AttemptResult =
  | { readonly kind: "answered"; readonly statusCode: number }
  | { readonly kind: "timeout" }
  | { readonly kind: "network"; readonly detail: string }
  /** The caller was closed while the attempt was under way. */
  | { readonly kind: "closed" };

/** Every attempt of one call, and whether it succeeded. */
export interface CallOutcome {
  readonly succeeded: boolean;
  readonly attempts: readonly AttemptResult[];
}

/** What sending needs besides the request. */
export interface PostSettings {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  /** Pause before the one retry; §3.4 does not say, default 0. */
  readonly retryDelayMs: number;
  /** A fresh `x-request-id` for each attempt. */
  readonly requestIds: IdGenerator;
  /** Aborts attempts and the retry pause when the caller closes. */
  readonly closing: AbortSignal;
}

function isSuccess(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 300;
}

/** A short, secret-free reason: undici puts the system error code (ECONNREFUSED, ...) on `cause`. */
function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const cause: unknown = error.cause;
  if (typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string") {
    return cause.code;
  }
  return error.name;
}

async function attempt(request: WebhookRequest, settings: PostSettings): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  try {
    const response = await settings.fetch(request.url, {
      method: "POST",
      headers: { ...request.headers, "x-request-id": settings.requestIds() },
      body: Uint8Array.from(request.body),
      // A redirect is not a 2xx: Dataverse does not follow it with the key attached [UNCONFIRMED].
      redirect: "manual",
      signal: AbortSignal.any([settings.closing, timeout]),
    });
    // "It will only look at the response StatusCode value" (§3.4): the body is discarded unread.
    await response.body?.cancel().catch(() => undefined);
    return { kind: "answered", statusCode: response.status };
  } catch (error) {
    if (settings.closing.aborted) return { kind: "closed" };
    if (timeout.aborted) return { kind: "timeout" };
    return { kind: "network", detail: networkDetail(error) };
  }
}

/** POSTs `request`, retrying once on 502/503/504. */
export async function postWebhook(request: WebhookRequest, settings: PostSettings): Promise<CallOutcome> {
  const first = await attempt(request, settings);
  if (first.kind === "answered" && isSuccess(first.statusCode)) return { succeeded: true, attempts: [first] };
  if (first.kind !== "answered" || !RETRIED_STATUS_CODES.has(first.statusCode)) {
    return { succeeded: false, attempts: [first] };
  }
  try {
    await delay(settings.retryDelayMs, undefined, { signal: settings.closing });
  } catch {
    return { succeeded: false, attempts: [first, { kind: "closed" }] };
  }
  const second = await attempt(request, settings);
  return { succeeded: second.kind === "answered" && isSuccess(second.statusCode), attempts: [first, second] };
}
