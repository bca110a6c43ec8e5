/**
 * Bearer checks of the local Partner Center. The two APIs live on different hosts in production and want tokens for
 * different audiences (shared/reference/partner-center.md §1.1 and §2.1): `/v1.0/engagements/...` the Referrals API
 * audience, `/webhooks/v1/...` the rest of Partner Center's. The Referrals API documents App+User access only.
 */
import type { AccessTokenClaims, TokenIssuer } from "../../auth";
import { HttpError, type RequestContext } from "../../http";

/** Which API a path belongs to, by its decoded first segments. */
export type ApiArea = "referrals" | "webhooks";

/** What the bearer check needs to know. */
export interface AuthenticationSettings {
  readonly issuer: TokenIssuer;
  readonly referralsAudiences: readonly string[];
  readonly webhookAudiences: readonly string[];
  readonly referralsAccess: "delegated" | "any";
}

/** The pipeline hook and the claims it verified, for routes that need the caller's tenant. */
export interface Authentication {
  readonly authenticate: (request: RequestContext) => Promise<void>;
  /** The verified claims of a request that passed the hook. @throws Error when it did not go through it. */
  readonly claimsOf: (request: RequestContext) => AccessTokenClaims;
}

/**
 * The API a path belongs to. Segments are decoded first, as the router decodes them, so `/v1%2E0/...` can't slip
 * past the check and still reach a referrals route.
 */
export function apiAreaOf(rawPath: string): ApiArea | undefined {
  let segments: string[];
  try {
    segments = rawPath.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  const [, first, second, third] = segments;
  if (first === "v1.0" && second === "engagements") return "referrals";
  if (first === "webhooks" && second === "v1" && third === "registration") return "webhooks";
  return undefined;
}

/** Builds the pipeline's authenticate hook; other paths (tokens, certificate, unknown) pass unchecked. */
export function createAuthentication(settings: AuthenticationSettings): Authentication {
  const verified = new WeakMap<RequestContext, AccessTokenClaims>();
  const authenticate = async (request: RequestContext): Promise<void> => {
    const area = apiAreaOf(request.path);
    if (area === undefined) return;
    const audiences = area === "referrals" ? settings.referralsAudiences : settings.webhookAudiences;
    const claims = await settings.issuer.verifyBearer(request.headers.authorization, audiences);
    if (area === "referrals" && settings.referralsAccess === "delegated" && claims.idtyp !== "user") {
      throw new HttpError(
        403,
        "Forbidden",
        "The Referrals API supports only user access (App+User): sign in a user in the Referral Admin or Referral " +
          "User role and use a delegated token; application-only tokens are refused.",
      );
    }
    verified.set(request, claims);
  };
  const claimsOf = (request: RequestContext): AccessTokenClaims => {
    const claims = verified.get(request);
    if (claims === undefined) throw new Error(`no verified token for ${request.method} ${request.path}`);
    return claims;
  };
  return { authenticate, claimsOf };
}
