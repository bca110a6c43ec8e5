/**
 * The bearer-token gate of the form and admin APIs (RFC 6750): 401 with `WWW-Authenticate: Bearer …` when the token
 * is missing or refused, 403 with `error="insufficient_scope"` when it lacks the required app role, 503 when the
 * issuer's keys cannot be read. It runs as an onRequest hook, so nothing is parsed for an unauthenticated caller.
 */
import type { FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { DEFAULT_RETRY_AFTER_SECONDS, HttpProblem, unavailable } from "../problem";
import type { Caller } from "../services";
import { TokenCheckUnavailable, TokenRejected, type VerifyToken } from "./tokenVerifier";

/** The realm named in every challenge. */
export const REALM = "cosell-bridge";

/** What the gate requires. */
export interface BearerGateOptions {
  readonly verify: VerifyToken;
  /** An app role the token must carry (the admin API), or undefined for any valid token (the form API). */
  readonly requiredRole?: string;
}

const callers = new WeakMap<FastifyRequest, Caller>();

/** The caller the gate admitted; only for routes behind the gate. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (caller === undefined) throw new Error("callerOf() called on a route without the bearer gate");
  return caller;
}

/** A quoted-string of RFC 9110 cannot hold a bare double quote or backslash. */
function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, "'")}"`;
}

function challenge(error?: string, description?: string): Record<string, string> {
  const parts = [`realm=${quoted(REALM)}`];
  if (error !== undefined) parts.push(`error=${quoted(error)}`);
  if (description !== undefined) parts.push(`error_description=${quoted(description)}`);
  return { "www-authenticate": `Bearer ${parts.join(", ")}` };
}

const SIGN_IN_AGAIN = "Sign in again (reload the form) so that it sends a fresh token for this service's audience.";

/** The token of `Authorization: Bearer <token>`; RFC 6750 §3.1: a request without one gets a bare challenge. */
function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization ?? "";
  const match = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
  if (match?.[1] === undefined) {
    const message =
      header === ""
        ? "this API needs a bearer token: send 'Authorization: Bearer <token>'"
        : "the Authorization header must be 'Bearer <token>'";
    throw new HttpProblem(401, "missing_token", message, SIGN_IN_AGAIN, challenge());
  }
  return match[1];
}

async function verified(verify: VerifyToken, token: string): Promise<Caller> {
  try {
    return await verify(token);
  } catch (error) {
    if (error instanceof TokenRejected) {
      throw new HttpProblem(
        401,
        "invalid_token",
        error.message,
        SIGN_IN_AGAIN,
        challenge("invalid_token", error.message),
      );
    }
    if (error instanceof TokenCheckUnavailable) {
      throw unavailable(
        "token_check_unavailable",
        `the token could not be checked: ${error.message}`,
        "Try again in a moment; if it keeps failing, an admin should check FORM_API_JWKS_URL.",
        DEFAULT_RETRY_AFTER_SECONDS,
        error.cause,
      );
    }
    throw error;
  }
}

/** The onRequest hook that admits a request or throws the HttpProblem to answer with. */
export function bearerGate(options: BearerGateOptions): onRequestAsyncHookHandler {
  return async (request) => {
    const caller = await verified(options.verify, bearerToken(request));
    const role = options.requiredRole;
    if (role !== undefined && !caller.roles.includes(role)) {
      const message = `this API needs the app role '${role}', which the token does not carry`;
      throw new HttpProblem(
        403,
        "insufficient_role",
        message,
        `Ask an Azure AD admin to assign you the '${role}' role of the service's app registration, then sign in again.`,
        challenge("insufficient_scope", message),
      );
    }
    callers.set(request, caller);
  };
}
