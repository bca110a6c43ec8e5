/**
 * Is the environment's sync service up? Its /readyz (server/http/operations/readiness.ts) answers 200 when it can
 * reach its database, Dataverse and Partner Center, and 503 naming the failed checks otherwise. A smoke test against
 * a service that is down would only time out, so deploy asks first and says which it is.
 */
import { READY_PATH } from "../http/operations/operationsRoutes";
import { DeployError } from "./deployError";

const PROBE_TIMEOUT_MS = 10_000;

function failedChecks(body: unknown): string {
  const checks = (body as { checks?: Record<string, { status?: string; message?: string }> } | null)?.checks;
  if (checks === undefined || typeof checks !== "object") return "no details";
  const failed = Object.entries(checks)
    .filter(([, check]) => check.status !== "ok")
    .map(
      ([name, check]) =>
        `${name} ${check.status ?? "failed"}${check.message === undefined ? "" : ` (${check.message})`}`,
    );
  return failed.length === 0 ? "no details" : failed.join(", ");
}

/** @throws DeployError serviceUnreachable when the service doesn't answer or isn't ready. */
export async function requireReadyService(serviceUrl: string): Promise<void> {
  const url = `${serviceUrl}${READY_PATH}`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: "manual" });
  } catch (error) {
    let cause: unknown = error;
    while (cause instanceof Error && cause.cause !== undefined) cause = cause.cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DeployError("serviceUnreachable", `The sync service at ${serviceUrl} did not answer ${url} (${reason}).`);
  }
  if (response.status === 200) return;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // a proxy's error page: the status says enough
  }
  throw new DeployError(
    "serviceUnreachable",
    `The sync service at ${serviceUrl} is not ready: ${url} answered ${response.status} (${failedChecks(body)}).`,
  );
}
