/**
 * The admin API as the page calls it: same origin, the operator's bearer token, JSON both ways. A refusal becomes an
 * AdminApiError carrying the service's own message and advice (`{ error: { code, message, whatToDo } }`).
 */
import type { OperationsOverview, ProblemJob, RecentSync } from "../../operations/adminViews";

export class AdminApiError extends Error {
  override readonly name = "AdminApiError";

  constructor(
    /** The HTTP status, or 0 when the service did not answer. */
    readonly status: number,
    message: string,
    readonly whatToDo: string,
  ) {
    super(message);
  }

  /** 401 or 403: the token is missing, refused or lacks the admin role; signing in again is the only way on. */
  get needsSignIn(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

export interface AdminApi {
  overview(): Promise<OperationsOverview>;
  recentSyncs(limit: number): Promise<readonly RecentSync[]>;
  problems(limit: number): Promise<readonly ProblemJob[]>;
  retry(jobId: string): Promise<{ readonly jobId: string }>;
  retryAll(): Promise<{ readonly retried: number }>;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** The service's error body when it sent one; a proxy's HTML page or an empty body gets a general message. */
function refusal(status: number, body: unknown): AdminApiError {
  const error =
    typeof body === "object" && body !== null && "error" in body && typeof body.error === "object" && body.error
      ? (body.error as Record<string, unknown>)
      : {};
  const message = text(error.message) ?? `the service answered ${status}`;
  const whatToDo =
    text(error.whatToDo) ?? "Try again in a moment; if it keeps failing, look at the service's log and /readyz.";
  return new AdminApiError(status, message, whatToDo);
}

async function call<T>(token: string, method: "GET" | "POST", path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      cache: "no-store",
      credentials: "omit",
    });
  } catch {
    throw new AdminApiError(
      0,
      "the service did not answer",
      "Check that the sync service is running and reachable from this browser; the page keeps trying.",
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw refusal(response.status, body);
  return body as T;
}

/** The admin API with `token`. */
export function adminApi(token: string): AdminApi {
  return {
    overview: () => call<OperationsOverview>(token, "GET", "/admin/overview"),
    recentSyncs: async (limit) =>
      (await call<{ syncs: RecentSync[] }>(token, "GET", `/admin/syncs/recent?limit=${limit}`)).syncs,
    problems: async (limit) =>
      (await call<{ jobs: ProblemJob[] }>(token, "GET", `/admin/jobs/problems?limit=${limit}`)).jobs,
    retry: (jobId) => call(token, "POST", `/admin/jobs/${encodeURIComponent(jobId)}/retry`),
    retryAll: () => call(token, "POST", "/admin/jobs/retry-all"),
  };
}
