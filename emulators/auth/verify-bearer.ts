import { errors, type JWTVerifyGetKey, jwtVerify } from "jose";
import { HttpError } from "../http/http-error";
import type { Clock } from "../shared/clock";
import type { AccessTokenClaims } from "./claims";

/** What a bearer check needs to know about the issuer. */
export interface BearerVerification {
  readonly issuer: string;
  readonly keys: JWTVerifyGetKey;
  readonly clock: Clock;
}

const REQUIRED_CLAIMS = ["iss", "aud", "exp", "nbf", "iat", "tid", "oid", "azp", "ver"];

/**
 * Checks an `Authorization` header against the issuer's key, issuer URL, audience and clock.
 * @throws HttpError 401 with a `WWW-Authenticate: Bearer error="invalid_token"` header whose description says what
 * was wrong.
 */
export async function verifyBearerHeader(
  authorization: string | undefined,
  expectedAudience: string | readonly string[],
  verification: BearerVerification,
): Promise<AccessTokenClaims> {
  const token = bearerToken(authorization);
  try {
    const { payload } = await jwtVerify(token, verification.keys, {
      algorithms: ["RS256"],
      issuer: verification.issuer,
      audience: [...(typeof expectedAudience === "string" ? [expectedAudience] : expectedAudience)],
      currentDate: verification.clock.now(),
      requiredClaims: REQUIRED_CLAIMS,
    });
    // The signature is ours and the required claims are present, so the payload has the shape we minted.
    return payload as unknown as AccessTokenClaims;
  } catch (error) {
    throw invalidToken(describeFailure(error, verification.issuer, expectedAudience));
  }
}

function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === "") {
    throw invalidToken("The request has no Authorization header; send 'Authorization: Bearer <access token>'.");
  }
  const [scheme = "", token, ...rest] = authorization.trim().split(/\s+/);
  // Name only the scheme: what follows it could be credentials.
  if (scheme.toLowerCase() !== "bearer") {
    throw invalidToken(`The Authorization scheme must be Bearer, not '${scheme.slice(0, 20)}'.`);
  }
  if (token === undefined || rest.length > 0) {
    throw invalidToken("The Authorization header must be 'Bearer' followed by exactly one token.");
  }
  return token;
}

function describeFailure(error: unknown, issuer: string, expectedAudience: string | readonly string[]): string {
  if (error instanceof errors.JWTExpired) {
    const exp = error.payload.exp;
    return typeof exp === "number"
      ? `The token expired at ${new Date(exp * 1000).toISOString()}.`
      : "The token expired.";
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim, payload } = error;
    if (claim === "iss") return `The token was issued by '${String(payload.iss)}', not by '${issuer}'.`;
    if (claim === "aud") {
      const expected = typeof expectedAudience === "string" ? [expectedAudience] : expectedAudience;
      const actual = Array.isArray(payload.aud) ? payload.aud.join(", ") : String(payload.aud);
      return `The token is for audience '${actual}', not ${expected.map((aud) => `'${aud}'`).join(" or ")}.`;
    }
    if (claim === "nbf") return "The token is not valid yet (nbf is in the future).";
    return `The token's '${claim}' claim is missing or invalid.`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return "The token is signed with a key this issuer does not publish (unknown kid).";
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The token signature is invalid.";
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token must be signed with RS256.";
  return "The token is malformed: it is not a signed JWT.";
}

function invalidToken(description: string): HttpError {
  // A quoted-string header value: no quotes, backslashes or non-printable characters from a token may break out.
  const safe = description.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, "?");
  return new HttpError(401, "InvalidAuthenticationToken", description, {
    "www-authenticate": `Bearer error="invalid_token", error_description="${safe}"`,
  });
}
