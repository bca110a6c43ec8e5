/**
 * The sync service's form API (server/http/form/formRoutes.ts): the opportunity's sync status and "Sync now", each
 * with the user's bearer token and a timeout. It never throws: every failure comes back as a kind the panel can
 * explain (sign-in, network or CORS, timeout, 401, 403, 404, 429, 5xx, an answer of another shape).
 */
import {
  type OpportunitySyncStatus,
  type ServiceErrorDetail,
  type SyncRequestResult,
  parseErrorDetail,
  parseSyncRequestResult,
  parseSyncStatus,
} from "./syncServiceTypes";

export type ServiceFailure =
  | { readonly kind: "signInFailed" }
  /** No answer at all: offline, DNS, the service down, or a CORS refusal (browsers don't tell them apart). */
  | { readonly kind: "unreachable" }
  | { readonly kind: "timeout"; readonly seconds: number }
  | { readonly kind: "unauthorized"; readonly detail: ServiceErrorDetail | null }
  | { readonly kind: "forbidden"; readonly detail: ServiceErrorDetail | null }
  | { readonly kind: "notFound"; readonly detail: ServiceErrorDetail | null }
  | {
      readonly kind: "rateLimited";
      readonly retryAfterSeconds: number | null;
      readonly detail: ServiceErrorDetail | null;
    }
  | { readonly kind: "serverError"; readonly httpStatus: number; readonly detail: ServiceErrorDetail | null }
  /** Another 4xx, e.g. 409 or 422: the service says why. */
  | { readonly kind: "refused"; readonly httpStatus: number; readonly detail: ServiceErrorDetail | null }
  | { readonly kind: "badAnswer" };

export type ServiceResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ServiceFailure };

export interface SyncServiceClient {
  status(opportunityId: string): Promise<ServiceResult<OpportunitySyncStatus>>;
  syncNow(opportunityId: string): Promise<ServiceResult<SyncRequestResult>>;
}

export interface SyncServiceOptions {
  /** Absolute, without a trailing slash (model/settings.ts resolveSyncEndpoint). */
  readonly baseUrl: string;
  readonly getAccessToken: () => Promise<string>;
  readonly fetch: typeof fetch;
  readonly timeoutMs?: number;
}

export const defaultServiceTimeoutMs = 15_000;

export function createSyncServiceClient(options: SyncServiceOptions): SyncServiceClient {
  const route = (opportunityId: string, action: string) =>
    `${options.baseUrl}/api/v1/opportunities/${encodeURIComponent(opportunityId)}/${action}`;
  return {
    status: (opportunityId) => call(options, "GET", route(opportunityId, "sync-status"), parseSyncStatus),
    syncNow: (opportunityId) => call(options, "POST", route(opportunityId, "sync"), parseSyncRequestResult),
  };
}

function call<T>(
  options: SyncServiceOptions,
  method: "GET" | "POST",
  url: string,
  parse: (body: unknown) => T | null,
): Promise<ServiceResult<T>> {
  // Promise chains rather than async functions: TypeScript's async helper is inlined at every use in the bundle.
  return Promise.resolve()
    .then(() => options.getAccessToken())
    .then(
      (token: unknown) =>
        typeof token === "string" && token.trim() !== ""
          ? send(options, method, url, token, parse)
          : failed<T>({ kind: "signInFailed" }),
      () => failed<T>({ kind: "signInFailed" }),
    );
}

function send<T>(
  options: SyncServiceOptions,
  method: "GET" | "POST",
  url: string,
  token: string,
  parse: (body: unknown) => T | null,
): Promise<ServiceResult<T>> {
  const timeoutMs = options.timeoutMs ?? defaultServiceTimeoutMs;
  const abort = new AbortController();
  const timer = setTimeout(() => {
    abort.abort();
  }, timeoutMs);
  const request: RequestInit = {
    method,
    headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
    signal: abort.signal,
  };
  return options
    .fetch(url, request)
    .then((response) =>
      readJson(response).then((body): ServiceResult<T> => {
        if (!response.ok) return failed(failureOf(response, parseErrorDetail(body)));
        const value = parse(body);
        return value === null ? failed({ kind: "badAnswer" }) : { ok: true, value };
      }),
    )
    .catch(() =>
      failed<T>(
        abort.signal.aborted ? { kind: "timeout", seconds: Math.ceil(timeoutMs / 1000) } : { kind: "unreachable" },
      ),
    )
    .finally(() => {
      clearTimeout(timer);
    });
}

function failed<T>(failure: ServiceFailure): ServiceResult<T> {
  return { ok: false, failure };
}

/** The JSON body, or undefined when there is none or it is not JSON (a proxy's HTML error page, say). */
function readJson(response: Response): Promise<unknown> {
  return response.text().then((text) => {
    if (text.trim() === "") return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  });
}

function failureOf(response: Response, detail: ServiceErrorDetail | null): ServiceFailure {
  const httpStatus = response.status;
  if (httpStatus === 401) return { kind: "unauthorized", detail };
  if (httpStatus === 403) return { kind: "forbidden", detail };
  if (httpStatus === 404) return { kind: "notFound", detail };
  if (httpStatus === 429) {
    return {
      kind: "rateLimited",
      retryAfterSeconds: retryAfterSeconds(response.headers.get("retry-after")),
      detail,
    };
  }
  if (httpStatus >= 500) return { kind: "serverError", httpStatus, detail };
  return { kind: "refused", httpStatus, detail };
}

/**
 * Retry-After in seconds; null when absent or unreadable. The service sends seconds (server/http/problem.ts); the
 * HTTP-date form (RFC 9110 §10.2.3) reads as null, and the seller is told to try again in a minute.
 */
export function retryAfterSeconds(header: string | null): number | null {
  const text = header?.trim() ?? "";
  return /^\d+$/.test(text) ? Number(text) : null;
}
