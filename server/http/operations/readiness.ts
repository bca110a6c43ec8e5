/**
 * /readyz: is this replica able to do its work? The database (queue and sync state), Dataverse and Partner Center
 * are probed concurrently, each with a timeout, so one hanging dependency cannot hang the probe. The answer says
 * which check failed but not why: /readyz is unauthenticated, so the cause goes to the log only.
 */
import type { FastifyBaseLogger } from "fastify";
import { ApiError } from "../../sync/apiError";
import type { DependencyName, ReadinessProbe } from "../services";

/** The dependencies in the order they are reported. */
export const DEPENDENCIES: readonly DependencyName[] = ["database", "dataverse", "partnerCenter"];

/** Default time a probe may take before it counts as failed. */
export const DEFAULT_PROBE_TIMEOUT_MS = 5000;

/** One dependency's result. */
export interface CheckResult {
  readonly status: "ok" | "failed" | "timeout";
  readonly durationMs: number;
  /** A short, safe description of a failure. */
  readonly message?: string;
}

/** The /readyz body. */
export interface ReadinessReport {
  readonly status: "ready" | "not ready";
  readonly checks: Readonly<Record<DependencyName, CheckResult>>;
}

const TIMED_OUT = Symbol("timed out");

function failureMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return error.status === 0 ? `${error.api} did not answer` : `${error.api} answered ${error.status}`;
  }
  return "the check failed; the service log has the cause";
}

async function runProbe(
  name: DependencyName,
  probe: ReadinessProbe,
  timeoutMs: number,
  log: FastifyBaseLogger,
): Promise<CheckResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(TIMED_OUT);
    }, timeoutMs);
  });
  try {
    const outcome = await Promise.race([probe(controller.signal), timeout]);
    if (outcome === TIMED_OUT) {
      log.warn({ check: name, timeoutMs }, `readiness check ${name} timed out`);
      return { status: "timeout", durationMs: elapsed(), message: `no answer within ${timeoutMs} ms` };
    }
    return { status: "ok", durationMs: elapsed() };
  } catch (error) {
    log.warn({ check: name, err: error }, `readiness check ${name} failed`);
    return { status: "failed", durationMs: elapsed(), message: failureMessage(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every probe; ready only when all pass. */
export async function checkReadiness(
  probes: Readonly<Record<DependencyName, ReadinessProbe>>,
  timeoutMs: number,
  log: FastifyBaseLogger,
): Promise<ReadinessReport> {
  const results = await Promise.all(DEPENDENCIES.map((name) => runProbe(name, probes[name], timeoutMs, log)));
  const checks = Object.fromEntries(DEPENDENCIES.map((name, index) => [name, results[index]])) as Record<
    DependencyName,
    CheckResult
  >;
  const ready = results.every((result) => result.status === "ok");
  return { status: ready ? "ready" : "not ready", checks };
}
