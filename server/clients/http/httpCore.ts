/**
 * One HTTP call (over keep-alive node:http connections, nodeTransport.ts): JSON, form or raw bodies, a timeout, the
 * answer parsed, the call reported to the observer, and every failure turned into an ApiError whose message names the
 * method and path (never the query string) and never a secret.
 */
import { ApiError, type ApiName } from "../../sync/apiError";
import type { ApiCallObserver } from "./apiCall";
import { readErrorBody } from "./errorBody";
import { send } from "./nodeTransport";
import { Redactor } from "./redactor";
import { retryAfterMs } from "./retryAfter";

export interface HttpRequest {
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON with `content-type: application/json`. */
  readonly json?: unknown;
  /** Sent as `application/x-www-form-urlencoded` (token requests). */
  readonly form?: URLSearchParams;
  /** Sent as it is, e.g. a Dataverse `$batch` (multipart/mixed). */
  readonly text?: { readonly contentType: string; readonly body: string };
  /**
   * Safe to send again when it went out on a pooled connection the server had just closed, although the method is
   * not idempotent: a token request, whose repetition only issues another token (GET, PUT and DELETE always are).
   */
  readonly resendable?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, the text when it is not JSON, undefined when empty. */
  readonly body: unknown;
}

export interface HttpCoreOptions {
  readonly api: ApiName;
  /** Per call; default 30 s. */
  readonly timeoutMs?: number;
  readonly observer?: ApiCallObserver | undefined;
  readonly redactor?: Redactor;
  readonly now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

const apiLabels: Readonly<Record<ApiName, string>> = {
  dataverse: "Dataverse",
  partnerCenter: "The Partner Center Referrals API",
  partnerCenterWebhooks: "The Partner Center webhook registration API",
  tokens: "The Azure AD token endpoint",
};

export class HttpCore {
  readonly api: ApiName;
  readonly redactor: Redactor;
  private readonly timeoutMs: number;
  private readonly observer: ApiCallObserver | undefined;
  private readonly now: () => number;

  constructor(options: HttpCoreOptions) {
    this.api = options.api;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.observer = options.observer;
    this.redactor = options.redactor ?? new Redactor();
    this.now = options.now ?? Date.now;
  }

  /** Sends the request and returns the answer whatever its status. @throws ApiError status 0 when none arrived. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: "application/json", ...request.headers };
    let body: string | undefined;
    if (request.json !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(request.json);
    } else if (request.form !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = request.form.toString();
    } else if (request.text !== undefined) {
      headers["content-type"] = request.text.contentType;
      body = request.text.body;
    }
    const started = performance.now();
    try {
      const response = await send({
        method: request.method,
        url: request.url,
        headers,
        body,
        timeoutMs: this.timeoutMs,
        resendable: request.resendable === true,
      });
      const parsed = { status: response.status, headers: response.headers, body: parseBody(response.text) };
      this.report(request, response.status, started);
      return parsed;
    } catch (error) {
      this.report(request, 0, started);
      throw this.unreachable(request, error);
    }
  }

  /** Sends the request; @throws ApiError for any answer outside 2xx. */
  async expectOk(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.send(request);
    if (response.status >= 200 && response.status < 300) return response;
    throw this.failure(request, response);
  }

  /** The ApiError for an unsuccessful answer; `hint` replaces the generic "what to do next". */
  failure(request: HttpRequest, response: HttpResponse, options: { hint?: string; status?: number } = {}): ApiError {
    const { code, message } = readErrorBody(response.body);
    const waitMs = retryAfterMs(response.headers.get("retry-after"), this.now());
    const what = `${apiLabels[this.api]} answered ${response.status} to ${describe(request)}`;
    // The API's own sentence may end with a period; ours adds one.
    const said = message === null ? "" : `: ${message.replace(/[.\s]+$/, "")}`;
    const codeText = code === null ? "" : ` (code ${code})`;
    const next = options.hint ?? hintFor(response.status, waitMs);
    return new ApiError(
      { ...this.details(request, options.status ?? response.status, code), retryAfterMs: waitMs },
      this.redactor.redact(`${what}${codeText}${said}. ${next}`),
    );
  }

  /** An ApiError for an answer that broke the API's contract (no id, no eTag, not JSON). */
  malformed(request: HttpRequest, status: number, problem: string): ApiError {
    return new ApiError(
      { ...this.details(request, 502, "MalformedResponse"), retryAfterMs: null },
      `${apiLabels[this.api]} answered ${status} to ${describe(request)} but ${problem}. Retry later; if it ` +
        "persists, check that the configured URL points at the real API.",
    );
  }

  /** The "request" member of an ApiError: method and path, without the query string. */
  describe(request: HttpRequest): string {
    return describe(request);
  }

  private details(request: HttpRequest, status: number, code: string | null) {
    return { api: this.api, status, code, request: describe(request) };
  }

  private unreachable(request: HttpRequest, error: unknown): ApiError {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    const cause = timedOut ? `no answer within ${this.timeoutMs} ms` : causeText(error);
    const origin = new URL(request.url).origin;
    return new ApiError(
      { ...this.details(request, 0, timedOut ? "Timeout" : "NetworkError"), retryAfterMs: null },
      this.redactor.redact(
        `${apiLabels[this.api]} could not be reached for ${describe(request)} (${cause}). Check that ${origin} ` +
          "is the right address and reachable from this host; the call can be retried.",
      ),
      { cause: error },
    );
  }

  private report(request: HttpRequest, status: number, started: number): void {
    if (this.observer === undefined) return;
    const durationMs = performance.now() - started;
    try {
      this.observer({ api: this.api, method: request.method, path: new URL(request.url).pathname, status, durationMs });
    } catch {
      // Counting calls must never break them.
    }
  }
}

function describe(request: HttpRequest): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The innermost message of a failure, e.g. "connect ECONNREFUSED 127.0.0.1:1" rather than a wrapper's summary. */
function causeText(error: unknown): string {
  let current: unknown = error;
  let text = "the request failed";
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    text = current.message;
    current = current.cause;
  }
  return text;
}

function hintFor(status: number, waitMs: number | null): string {
  if (status === 429) {
    const wait = waitMs === null ? "a while" : `${Math.ceil(waitMs / 1000)} s`;
    return `Too many requests: wait ${wait} (Retry-After) and retry.`;
  }
  if (status >= 500) return "The service failed; the call can be retried later.";
  if (status === 401) return "The access token was refused: check the tenant id, client id and client secret.";
  if (status === 403) return "The identity lacks a permission or role for this call: grant it, then retry.";
  if (status === 404) return "It does not exist (any more): check the id and the configured URL.";
  if (status === 409 || status === 412) return "It changed since it was read: read it again and retry.";
  if (status >= 300 && status < 400) return "Redirects are not followed: check the configured URL.";
  return "The request was refused as invalid; it will fail the same way until what it sends is fixed.";
}
