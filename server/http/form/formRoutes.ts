/**
 * The API the Opportunity form (the Co-sell panel and the command bar) calls, under /api/v1: sync status, "Sync
 * now", validation, and accepting or declining an inbound referral. CORS first, then the bearer token, then the
 * route; answers are never cached, since they change with every sync.
 */
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import { bearerGate, callerOf } from "../auth/bearer";
import type { VerifyToken } from "../auth/tokenVerifier";
import { acceptJsonOrNothing } from "../jsonBody";
import { noStore } from "../noStore";
import { declineReason, opportunityIdParameter, referralIdParameter } from "../params";
import type { FormService } from "../services";
import { registerCors } from "./cors";

export const FORM_API_PREFIX = "/api/v1";

/** What the form API needs. */
export interface FormApiOptions {
  readonly form: FormService;
  readonly verify: VerifyToken;
  readonly corsOrigins: readonly string[];
}

interface IdParams {
  readonly id: string;
}

function routes(scope: FastifyInstance, form: FormService): void {
  scope.get<{ Params: IdParams }>("/opportunities/:id/sync-status", async (request) => {
    return await form.status(opportunityIdParameter(request.params.id));
  });
  scope.post<{ Params: IdParams }>("/opportunities/:id/sync", async (request, reply) => {
    const result = await form.syncNow(opportunityIdParameter(request.params.id), callerOf(request));
    return reply.code(202).send(result);
  });
  scope.post<{ Params: IdParams }>("/opportunities/:id/validate", async (request) => {
    return await form.validate(opportunityIdParameter(request.params.id));
  });
  scope.post<{ Params: IdParams }>("/referrals/:id/accept", async (request) => {
    return await form.accept(referralIdParameter(request.params.id), callerOf(request));
  });
  scope.post<{ Params: IdParams }>("/referrals/:id/decline", async (request) => {
    const referralId = referralIdParameter(request.params.id);
    return await form.decline(referralId, declineReason(request.body), callerOf(request));
  });
}

/** The form API; register it with `{ prefix: FORM_API_PREFIX }`. */
export function formApi(options: FormApiOptions): FastifyPluginAsync {
  return async (scope) => {
    await registerCors(scope, options.corsOrigins);
    scope.addHook("onRequest", bearerGate({ verify: options.verify }));
    scope.addHook("onSend", noStore);
    acceptJsonOrNothing(scope);
    routes(scope, options.form);
  };
}
