/**
 * Verifies the bearer JWTs of the form and admin APIs with jose against the configured issuer's JWKS (Azure AD in
 * production, the emulators' issuer locally; shared/DESIGN.md "Authentication"): signature, algorithm, `iss`, `aud`,
 * `exp`/`nbf` with a small clock tolerance. A refused token is a TokenRejected (401); a JWKS that cannot be fetched
 * is a TokenCheckUnavailable (503), since the caller's token may well be fine.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from "jose";
import type { Caller } from "../services";

/** How tokens are checked. */
export interface TokenSettings {
  /** Expected `iss`, compared exactly. */
  readonly issuer: string;
  /** Expected `aud` (one of the token's audiences). */
  readonly audience: string;
  readonly jwksUrl: string;
  /** Allowed clock skew for `exp`, `nbf` and `iat`; default 30 s. */
  readonly clockToleranceSeconds?: number;
  /** Accepted signing algorithms; default RS256 (Azure AD and the emulators sign with it). */
  readonly algorithms?: readonly string[];
  /** The claim holding app roles; default `roles` (Azure AD app roles). */
  readonly rolesClaim?: string;
  /** Give up on a JWKS download after this long; default 5000 ms. */
  readonly jwksTimeoutMs?: number;
}

/** A token that must not be accepted; `message` is safe to show (never contains the token). */
export class TokenRejected extends Error {
  override readonly name = "TokenRejected";
}

/** The issuer's keys could not be read, so no token can be checked right now. */
export class TokenCheckUnavailable extends Error {
  override readonly name = "TokenCheckUnavailable";
}

/** Checks a compact JWS and returns who it identifies. Rejects with TokenRejected or TokenCheckUnavailable. */
export type VerifyToken = (token: string) => Promise<Caller>;

const TOKEN_PROBLEMS: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: "the token has expired",
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: "the token's signature does not verify with the issuer's keys",
  ERR_JWKS_NO_MATCHING_KEY: "the token was signed with a key the issuer does not publish",
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: "the token does not say which of the issuer's keys signed it",
  ERR_JWS_INVALID: "the token is not a well-formed signed JWT",
  ERR_JWT_INVALID: "the token is not a well-formed JWT",
  ERR_JOSE_ALG_NOT_ALLOWED: "the token is signed with an algorithm the service does not accept",
  ERR_JOSE_NOT_SUPPORTED: "the token uses a format or algorithm the service does not support",
};

function claimProblem(error: errors.JWTClaimValidationFailed): string {
  return error.reason === "missing"
    ? `the token has no '${error.claim}' claim`
    : `the token's '${error.claim}' claim is not accepted by this service`;
}

/** Maps jose's errors: problems of the token are 401s, problems of reaching the issuer's keys are 503s. */
function classify(error: unknown): Error {
  if (error instanceof errors.JWTClaimValidationFailed) return new TokenRejected(claimProblem(error));
  if (error instanceof errors.JOSEError) {
    const problem = TOKEN_PROBLEMS[error.code];
    if (problem !== undefined) return new TokenRejected(problem);
  }
  return new TokenCheckUnavailable("the issuer's signing keys (JWKS) could not be read", { cause: error });
}

function stringClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function callerOf(payload: JWTPayload, rolesClaim: string): Caller {
  const id = stringClaim(payload, "oid") ?? stringClaim(payload, "sub");
  if (id === null) throw new TokenRejected("the token names no user: it has neither an 'oid' nor a 'sub' claim");
  const roles = payload[rolesClaim];
  return {
    id,
    name: stringClaim(payload, "name") ?? stringClaim(payload, "preferred_username"),
    roles: Array.isArray(roles) ? roles.filter((role): role is string => typeof role === "string") : [],
  };
}

/** A verifier for `settings`; the JWKS is downloaded on first use, cached, and re-read when an unknown key appears. */
export function createTokenVerifier(settings: TokenSettings): VerifyToken {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: settings.jwksTimeoutMs ?? 5000 });
  const options = {
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms: [...(settings.algorithms ?? ["RS256"])],
    clockTolerance: settings.clockToleranceSeconds ?? 30,
    requiredClaims: ["exp"],
  };
  const rolesClaim = settings.rolesClaim ?? "roles";
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, options));
    } catch (error) {
      throw classify(error);
    }
    return callerOf(payload, rolesClaim);
  };
}
