/**
 * The one error shape of every route: `{ "error": { "code", "message", "whatToDo" } }` with the status (and any
 * headers such as Retry-After or WWW-Authenticate) carried by an HttpProblem.
 */
import type { FastifyReply } from "fastify";

/** Seconds a caller is asked to wait when the service or an API it needs is briefly unavailable. */
export const DEFAULT_RETRY_AFTER_SECONDS = 10;

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: {
    /** Stable and machine-readable, e.g. "invalid_opportunity_id". */
    readonly code: string;
    /** What is wrong. Never contains a secret. */
    readonly message: string;
    /** What the caller (or an admin) can do next. */
    readonly whatToDo: string;
  };
}

/** An error answer, thrown anywhere in a route and rendered by the error handler. */
export class HttpProblem extends Error {
  override readonly name = "HttpProblem";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly whatToDo: string,
    readonly headers: Readonly<Record<string, string>> = {},
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, whatToDo: this.whatToDo } };
  }
}

/** Sends `problem` as the answer. */
export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  return reply.code(problem.status).headers(problem.headers).type("application/json").send(problem.toBody());
}

/** A 503 that tells the caller when to come back; `cause` is logged, never sent. */
export function unavailable(
  code: string,
  message: string,
  whatToDo: string,
  retryAfterSeconds: number,
  cause?: unknown,
): HttpProblem {
  const headers = { "retry-after": String(retryAfterSeconds) };
  return new HttpProblem(503, code, message, whatToDo, headers, cause === undefined ? undefined : { cause });
}
