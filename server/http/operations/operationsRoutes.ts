/**
 * Unauthenticated operations endpoints, for an orchestrator and a metrics scraper on the service's network:
 * GET /healthz (the process answers), GET /readyz (dependencies, 503 when one fails), GET /metrics (Prometheus).
 */
import type { FastifyPluginCallback } from "fastify";
import { PROMETHEUS_CONTENT_TYPE, type MetricsRegistry } from "../../metrics";
import { noStore } from "../noStore";
import type { OperationsService } from "../services";
import { checkReadiness } from "./readiness";

export const HEALTH_PATH = "/healthz";
export const READY_PATH = "/readyz";
export const METRICS_PATH = "/metrics";

/** What the operations endpoints need. */
export interface OperationsRoutesOptions {
  readonly operations: OperationsService;
  readonly registry: MetricsRegistry;
  readonly probeTimeoutMs: number;
}

/** The three routes. */
export function operationsRoutes(options: OperationsRoutesOptions): FastifyPluginCallback {
  return (scope, _options, done) => {
    scope.addHook("onSend", noStore);
    // Liveness must not depend on anything outside the process, or a database outage would restart every replica.
    scope.get(HEALTH_PATH, (_request, reply) => {
      void reply.send({ status: "ok" });
    });
    scope.get(READY_PATH, async (request, reply) => {
      const report = await checkReadiness(options.operations.readinessProbes, options.probeTimeoutMs, request.log);
      return reply.code(report.status === "ready" ? 200 : 503).send(report);
    });
    scope.get(METRICS_PATH, async (_request, reply) => {
      const text = await options.registry.render();
      return reply.type(PROMETHEUS_CONTENT_TYPE).send(text);
    });
    done();
  };
}
