/**
 * The sync service's form API over fetch: a bearer token from the page's token provider on every call, a timeout,
 * and every failure turned into a SyncServiceError of the kind the seller can act on. Routes: server/http/form/
 * formRoutes.ts (GET …/sync-status, POST …/sync answering 202, POST …/validate, POST /referrals/{id}/accept and
 * /decline with `{ "reason": string | null }`).
 */
import { messageOf } from "../errorMessage";
import type { TokenProvider } from "../auth/tokenProvider";
import { errorBodyOf, isReferralDecision, isSyncRequestResult, isSyncStatus, isValidationReport } from "./answers";
import { SyncServiceError, failureOfStatus, retryAfterSeconds } from "./serviceError";
import type { SyncService } from "./types";

/** Long enough for a cold service and a Partner Center round trip behind accept/decline, short enough for a seller. */
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface SyncServiceOptions {
  /** The service's base URL (csb_SyncEndpointUrl), without a trailing slash. */
  readonly baseUrl: string;
  readonly tokens: TokenProvider;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly timeoutMs?: number;
}

/** `{GUID}` as `getId()` gives it, in the lower-case bare form the service logs and answers with. */
export function bareId(id: string): string {
  return id.replace(/[{}]/g, "").toLowerCase();
}

export function syncServiceClient(options: SyncServiceOptions): SyncService {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function token(): Promise<string> {
    try {
      return await options.tokens.getAccessToken();
    } catch (error) {
      throw new SyncServiceError("signIn", `no token for the sync service: ${messageOf(error)}`);
    }
  }

  /** Calls the form API; `body` is sent as JSON when given. */
  async function call<T>(method: "GET" | "POST", path: string, check: (v: unknown) => v is T, body?: unknown) {
    const headers: Record<string, string> = { accept: "application/json", authorization: `Bearer ${await token()}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const url = `${options.baseUrl}/api/v1${path}`;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort();
    }, timeoutMs);
    let status: number;
    let retryAfter: string | null;
    let text: string;
    try {
      // The token is the only credential: no cookies go to the service (its CORS does not allow them).
      const response = await options.fetch(url, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: controller.signal,
        credentials: "omit",
      });
      status = response.status;
      retryAfter = response.headers.get("retry-after");
      text = await response.text();
    } catch (error) {
      if (controller.signal.aborted) {
        throw new SyncServiceError("timeout", `${method} ${url} got no answer within ${timeoutMs} ms`);
      }
      throw new SyncServiceError("unreachable", `${method} ${url} failed: ${messageOf(error)}`);
    } finally {
      clearTimeout(timer);
    }
    const json = parse(text);
    if (status < 200 || status >= 300) {
      const errorBody = errorBodyOf(json);
      const seconds = retryAfterSeconds(retryAfter, options.now());
      throw new SyncServiceError(failureOfStatus(status), `${method} ${url} answered ${status}`, {
        status,
        ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }),
        ...(errorBody === null ? {} : { body: errorBody }),
      });
    }
    if (!check(json)) {
      throw new SyncServiceError("badAnswer", `${method} ${url} answered ${status} with an unexpected body`, {
        status,
      });
    }
    return json;
  }

  const opportunity = (id: string) => `/opportunities/${encodeURIComponent(bareId(id))}`;
  const referral = (id: string) => `/referrals/${encodeURIComponent(id.trim())}`;
  return {
    status: (id) => call("GET", `${opportunity(id)}/sync-status`, isSyncStatus),
    syncNow: (id) => call("POST", `${opportunity(id)}/sync`, isSyncRequestResult),
    validate: (id) => call("POST", `${opportunity(id)}/validate`, isValidationReport),
    accept: (id) => call("POST", `${referral(id)}/accept`, isReferralDecision),
    decline: (id, reason) => call("POST", `${referral(id)}/decline`, isReferralDecision, { reason }),
  };
}

function parse(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
