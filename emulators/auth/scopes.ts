import { AadError } from "./aad-error";

/** OpenID Connect scopes, which ask for id tokens and refresh tokens rather than access to a resource. */
const OPENID_SCOPES = new Set(["openid", "profile", "email", "offline_access"]);

/** A `scope` parameter reduced to the one resource it asks for and the permissions on it. */
export interface RequestedScope {
  /** The resource (the token's audience), e.g. "https://api.partner.microsoft.com". */
  readonly resource: string;
  /** Permission names after the resource, e.g. [".default"] or ["user_impersonation"]. */
  readonly permissions: readonly string[];
}

/**
 * Parses a space-separated `scope` such as "https://api.partner.microsoft.com/.default offline_access". The
 * resource is everything before the last "/", so both URI and GUID resources work.
 * @throws AadError invalid_scope when no resource is named or when several are (one token has one audience).
 */
export function parseScope(scope: string): RequestedScope {
  const resourceScopes = scope.split(/\s+/).filter((item) => item !== "" && !OPENID_SCOPES.has(item.toLowerCase()));
  const parsed = resourceScopes.map((item) => {
    const slash = item.lastIndexOf("/");
    if (slash <= 0 || slash === item.length - 1) {
      throw new AadError(
        "invalid_scope",
        70011,
        `The provided value for the input parameter 'scope' is not valid. The scope '${item}' must name a resource, as in 'https://api.partner.microsoft.com/.default'.`,
      );
    }
    return { resource: item.slice(0, slash), permission: item.slice(slash + 1) };
  });
  const first = parsed[0];
  if (first === undefined) {
    throw new AadError(
      "invalid_scope",
      70011,
      `The provided value for the input parameter 'scope' is not valid. It names no resource: '${scope}'.`,
    );
  }
  if (parsed.some((item) => item.resource !== first.resource)) {
    throw new AadError(
      "invalid_scope",
      28000,
      "Provided value for the input parameter scope is not valid because it contains more than one resource.",
    );
  }
  return { resource: first.resource, permissions: parsed.map((item) => item.permission) };
}
