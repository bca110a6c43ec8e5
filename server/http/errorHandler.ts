/**
 * Turns whatever a route threw into an HttpProblem: refusals of the services, API failures of Dataverse or Partner
 * Center, Fastify's own request errors (body too large, bad JSON, schema validation) and, last, anything unexpected,
 * which becomes a 500 that names the request id so the log entry can be found.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../sync/apiError";
import { DEFAULT_RETRY_AFTER_SECONDS, HttpProblem, sendProblem, unavailable } from "./problem";
import { ServiceRefusal } from "./serviceRefusal";

const API_NAMES: Readonly<Record<ApiError["api"], string>> = {
  dataverse: "Dataverse",
  partnerCenter: "Partner Center",
  partnerCenterWebhooks: "Partner Center webhooks",
  tokens: "Azure AD",
};

function fromRefusal(refusal: ServiceRefusal): HttpProblem {
  switch (refusal.kind) {
    case "not-found":
      return new HttpProblem(404, refusal.code, refusal.message, refusal.whatToDo);
    case "conflict":
      return new HttpProblem(409, refusal.code, refusal.message, refusal.whatToDo);
    case "invalid":
      return new HttpProblem(422, refusal.code, refusal.message, refusal.whatToDo);
    case "unavailable":
      return unavailable(
        refusal.code,
        refusal.message,
        refusal.whatToDo,
        refusal.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
      );
  }
}

/** An API failure that reached the route: retryable ones are 503 (try again), the rest 502 (the API said no). */
function fromApiError(error: ApiError): HttpProblem {
  const api = API_NAMES[error.api];
  const answered = error.status === 0 ? "did not answer" : `answered ${error.status}`;
  if (error.retryable) {
    const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? DEFAULT_RETRY_AFTER_SECONDS * 1000) / 1000));
    return unavailable(
      `${error.api}_unavailable`,
      `${api} ${answered}; the request was not completed`,
      "Try again in a moment; if it keeps failing, an admin should check the service's /readyz.",
      seconds,
    );
  }
  return new HttpProblem(
    502,
    `${error.api}_refused`,
    `${api} ${answered} to ${error.request}`,
    "An admin should look at the service log for this request; the change was not made.",
  );
}

/** Fastify's own errors carry a 4xx statusCode and an FST_ code. */
function fromFastifyError(error: FastifyError): HttpProblem | undefined {
  if (error.validation !== undefined) {
    return new HttpProblem(
      400,
      "invalid_request",
      `the request is invalid: ${error.message}`,
      "Fix the request as described and send it again.",
    );
  }
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new HttpProblem(413, "payload_too_large", "the request body is too large", "Send a smaller body.");
  }
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    return new HttpProblem(415, "unsupported_media_type", error.message, "Send the body as application/json.");
  }
  // JSON syntax errors and the like: Fastify's message says what is wrong without echoing the body.
  return new HttpProblem(status, "bad_request", error.message, "Fix the request and send it again.");
}

/** The problem for any thrown value. */
export function problemFrom(error: unknown, requestId: string): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof ServiceRefusal) return fromRefusal(error);
  if (error instanceof ApiError) return fromApiError(error);
  if (error instanceof Error) {
    const fastifyProblem = fromFastifyError(error as FastifyError);
    if (fastifyProblem !== undefined) return fastifyProblem;
  }
  return new HttpProblem(
    500,
    "internal_error",
    `the service failed while handling this request (request id ${requestId})`,
    "Try again; if it keeps failing, give the request id to an admin, who will find the cause in the service log.",
  );
}

/** Logs a problem: 5xx as errors with the cause, 4xx at info (a caller's mistake, not the service's). */
export function logProblem(request: FastifyRequest, problem: HttpProblem, cause: unknown): void {
  const entry = { status: problem.status, code: problem.code };
  if (problem.status >= 500) request.log.error({ ...entry, err: problem.cause ?? cause }, problem.message);
  else request.log.info(entry, problem.message);
}

/** The error handler of the whole app (webhook scopes add their own on top for metrics). */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const problem = problemFrom(error, request.id);
    logProblem(request, problem, error);
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?", 1)[0] ?? "";
    const problem = new HttpProblem(
      404,
      "not_found",
      `there is no ${request.method} ${path}`,
      "Check the address; /openapi.json lists every route of the service.",
    );
    return sendProblem(reply, problem);
  });
}
