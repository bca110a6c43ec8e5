import { json, type Reply } from "../http/reply";
import type { RequestContext } from "../http/request-context";
import type { Router } from "../http/router";
import { AadError } from "./aad-error";
import type { TokenIssuer } from "./token-issuer";

const TOKEN_PATH = "/:tenant/oauth2/v2.0/token";
const KEYS_PATH = "/:tenant/discovery/v2.0/keys";
const OPENID_CONFIGURATION_PATH = "/:tenant/v2.0/.well-known/openid-configuration";

/** The issuer's paths, which callers reach before they have a token: pass them to createPipeline's publicPaths. */
export const TOKEN_ISSUER_PUBLIC_PATHS: readonly string[] = [TOKEN_PATH, KEYS_PATH, OPENID_CONFIGURATION_PATH];

// Token responses carry credentials, so no cache may keep them (RFC 6749 section 5.1).
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" } as const;

/**
 * Adds the token endpoint, the JWKS and the OpenID configuration of `issuer` to an emulator's router. Their errors
 * use Azure AD's body whatever the emulator's own error renderer is, as the real login endpoint does.
 */
export function registerTokenRoutes(router: Router, issuer: TokenIssuer): Router {
  return router
    .add(
      "GET",
      KEYS_PATH,
      withAadErrors(issuer, () => json(200, issuer.jwks())),
    )
    .add(
      "GET",
      OPENID_CONFIGURATION_PATH,
      withAadErrors(issuer, () => json(200, issuer.openIdConfiguration())),
    )
    .add(
      "POST",
      TOKEN_PATH,
      withAadErrors(issuer, (request) => tokenEndpoint(request, issuer)),
    );
}

async function tokenEndpoint(request: RequestContext, issuer: TokenIssuer): Promise<Reply> {
  const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/x-www-form-urlencoded") {
    throw new AadError(
      "invalid_request",
      900144,
      "The request body must be application/x-www-form-urlencoded and contain the following parameter: 'grant_type'.",
    );
  }
  // A form body is the one place where "+" does mean a space, so URLSearchParams is the right decoder here.
  const form = new URLSearchParams(await request.text());
  return json(200, await issuer.redeem(form), NO_STORE);
}

/** Checks the tenant in the path, then renders any AadError the handler throws as Azure AD would. */
function withAadErrors(
  issuer: TokenIssuer,
  handler: (request: RequestContext) => Reply | Promise<Reply>,
): (request: RequestContext) => Promise<Reply> {
  return async (request) => {
    try {
      const tenant = request.params.tenant ?? "";
      if (!issuer.acceptsTenant(tenant)) {
        throw new AadError("invalid_request", 90002, `Tenant '${tenant}' not found. Use '${issuer.tenantId}'.`);
      }
      return await handler(request);
    } catch (error) {
      if (!(error instanceof AadError)) throw error;
      return json(error.status, issuer.describeError(error, request.headers["client-request-id"]), NO_STORE);
    }
  };
}
