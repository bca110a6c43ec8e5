/**
 * The admin API under /admin: failed jobs, retrying them, the queue's depth, and the recent syncs and overview the
 * operator page shows. Bearer token from the same issuer and audience as the form API, plus the admin app role
 * (FORM_API_ADMIN_ROLE, by default CoSellBridge.Admin).
 */
import type { FastifyPluginCallback } from "fastify";
import { bearerGate } from "../auth/bearer";
import type { VerifyToken } from "../auth/tokenVerifier";
import { acceptJsonOrNothing } from "../jsonBody";
import { noStore } from "../noStore";
import { jobIdParameter, limitParameter } from "../params";
import type { OperationsService } from "../services";

export const ADMIN_PREFIX = "/admin";

/** Problem listings are for a person to read; more than this at once is not. */
export const DEFAULT_PROBLEM_LIMIT = 100;
export const MAX_PROBLEM_LIMIT = 1000;
/** Recent syncs: a page's worth by default; the store keeps 10,000, but a listing is one indexed, bounded read. */
export const DEFAULT_RECENT_SYNC_LIMIT = 50;
export const MAX_RECENT_SYNC_LIMIT = 500;

/** What the admin API needs. */
export interface AdminApiOptions {
  readonly operations: OperationsService;
  readonly verify: VerifyToken;
  readonly adminRole: string;
}

/** The admin API; register it with `{ prefix: ADMIN_PREFIX }`. */
export function adminApi(options: AdminApiOptions): FastifyPluginCallback {
  const { operations } = options;
  return (scope, _options, done) => {
    scope.addHook("onRequest", bearerGate({ verify: options.verify, requiredRole: options.adminRole }));
    scope.addHook("onSend", noStore);
    acceptJsonOrNothing(scope);

    scope.get<{ Querystring: { limit?: string } }>("/jobs/problems", async (request) => {
      const limit = limitParameter(request.query.limit, DEFAULT_PROBLEM_LIMIT, MAX_PROBLEM_LIMIT);
      return { jobs: await operations.problems({ limit }) };
    });
    scope.post<{ Params: { id: string } }>("/jobs/:id/retry", async (request, reply) => {
      const result = await operations.retry(jobIdParameter(request.params.id));
      return reply.code(202).send(result);
    });
    scope.post("/jobs/retry-all", async (_request, reply) => {
      return reply.code(202).send(await operations.retryAll());
    });
    scope.get("/queue", async () => {
      return await operations.depth();
    });
    scope.get<{ Querystring: { limit?: string } }>("/syncs/recent", async (request) => {
      const limit = limitParameter(request.query.limit, DEFAULT_RECENT_SYNC_LIMIT, MAX_RECENT_SYNC_LIMIT);
      return { syncs: await operations.recentSyncs({ limit }) };
    });
    scope.get("/overview", async () => {
      return await operations.overview();
    });
    done();
  };
}
