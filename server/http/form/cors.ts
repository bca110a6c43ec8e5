/**
 * CORS for the form API: the Opportunity form runs on the Dynamics origin and calls the service cross-origin with a
 * bearer token, so every call is preflighted. Only the configured origins (CORS_ORIGINS, by default the origin of
 * DATAVERSE_URL; shared/DESIGN.md "Authentication") are admitted; a request from any other origin, preflight or not,
 * is refused with 403 before authentication, and gets no Access-Control-Allow-Origin.
 */
import cors from "@fastify/cors";
import type { FastifyInstance, onRequestHookHandler } from "fastify";
import { HttpProblem, sendProblem } from "../problem";

/** How long a browser may reuse a preflight answer, in seconds. */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

function refuseForeignOrigins(allowed: ReadonlySet<string>): onRequestHookHandler {
  return (request, reply, done) => {
    const origin = request.headers.origin;
    const preflight = request.method === "OPTIONS";
    if ((origin === undefined && !preflight) || (origin !== undefined && allowed.has(origin))) {
      done();
      return;
    }
    const problem = new HttpProblem(
      403,
      "origin_not_allowed",
      origin === undefined
        ? "a CORS preflight must name its Origin"
        : `the origin ${origin.slice(0, 200)} may not call this API`,
      "An admin can add the Dynamics organization's origin to CORS_ORIGINS (e.g. https://contoso.crm.dynamics.com).",
    );
    void sendProblem(reply, problem);
  };
}

/**
 * Adds CORS to `scope`: the refusal hook, then @fastify/cors (which answers allowed preflights with 204 from its own
 * onRequest hook, before any authentication hook added after this call).
 */
export async function registerCors(scope: FastifyInstance, origins: readonly string[]): Promise<void> {
  scope.addHook("onRequest", refuseForeignOrigins(new Set(origins)));
  await scope.register(cors, {
    origin: [...origins],
    methods: ["GET", "POST"],
    allowedHeaders: ["authorization", "content-type"],
    exposedHeaders: ["www-authenticate", "retry-after"],
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    strictPreflight: true,
  });
}
