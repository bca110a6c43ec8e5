import { AadError, missingParameter } from "./aad-error";
import type { TokenSubject } from "./claims";
import type { ClientDirectory } from "./client-directory";
import type { RefreshTokenStore } from "./refresh-tokens";
import { parseScope, type RequestedScope } from "./scopes";

/** A successful token endpoint response, shaped like Azure AD v2's. */
export interface TokenResponse {
  readonly token_type: "Bearer";
  readonly scope: string;
  readonly expires_in: number;
  readonly ext_expires_in: number;
  readonly access_token: string;
  readonly refresh_token?: string;
}

/** What the grants need from the issuer. */
export interface GrantDependencies {
  readonly tenantId: string;
  readonly clients: ClientDirectory;
  readonly refreshTokens: RefreshTokenStore;
  /** Resources tokens may be issued for; undefined allows any. */
  readonly resources: readonly string[] | undefined;
  readonly lifetimeSeconds: number;
  issue(subject: TokenSubject): Promise<string>;
}

/**
 * Redeems a token request (the parsed form body) for an access token.
 * @throws AadError with Azure AD's error name and AADSTS number for every refusal.
 */
export function redeemGrant(form: URLSearchParams, deps: GrantDependencies): Promise<TokenResponse> {
  const grantType = form.get("grant_type");
  if (grantType === null || grantType === "") throw missingParameter("grant_type");
  if (grantType === "client_credentials") return clientCredentials(form, deps);
  if (grantType === "refresh_token") return refreshToken(form, deps);
  throw new AadError(
    "unsupported_grant_type",
    70003,
    `The app requested an unsupported grant type '${grantType}'. This emulator supports client_credentials and refresh_token.`,
  );
}

async function clientCredentials(form: URLSearchParams, deps: GrantDependencies): Promise<TokenResponse> {
  const client = deps.clients.authenticate(required(form, "client_id"), optional(form, "client_secret"), true);
  if (client.kind !== "application") {
    throw new AadError(
      "unauthorized_client",
      7000114,
      `Application '${client.clientId}' is registered for delegated (user) access only, so it cannot use the client_credentials grant.`,
    );
  }
  const scope = required(form, "scope");
  const requested = allowedResource(parseScope(scope), deps);
  if (requested.permissions.length !== 1 || requested.permissions[0] !== ".default") {
    throw new AadError(
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const accessToken = await deps.issue({ audience: requested.resource, client, authenticatedWithSecret: true });
  return bearer(`${requested.resource}/.default`, accessToken, deps.lifetimeSeconds);
}

async function refreshToken(form: URLSearchParams, deps: GrantDependencies): Promise<TokenResponse> {
  const secret = optional(form, "client_secret");
  const client = deps.clients.authenticate(required(form, "client_id"), secret, false);
  const presented = required(form, "refresh_token");
  const user = deps.refreshTokens.check(presented, client.clientId);
  const requested = allowedResource(parseScope(required(form, "scope")), deps);
  const asked = requested.permissions.filter((permission) => permission !== ".default");
  const notGranted = asked.filter((permission) => !client.scopes.includes(permission));
  if (notGranted.length > 0) {
    throw new AadError(
      "invalid_grant",
      65001,
      `The user or administrator has not consented to use the application with ID '${client.clientId}' for ${notGranted.map((name) => `'${name}'`).join(", ")}.`,
    );
  }
  // ".default" means every permission the client was granted, as in Azure AD.
  const scopes = requested.permissions.includes(".default") ? client.scopes : asked;
  const accessToken = await deps.issue({
    audience: requested.resource,
    client,
    user,
    scopes,
    authenticatedWithSecret: secret !== undefined,
  });
  const next = deps.refreshTokens.rotate(presented, client.clientId, user);
  const granted = scopes.map((name) => `${requested.resource}/${name}`).join(" ");
  return { ...bearer(granted, accessToken, deps.lifetimeSeconds), refresh_token: next };
}

function allowedResource(requested: RequestedScope, deps: GrantDependencies): RequestedScope {
  if (deps.resources === undefined || deps.resources.includes(requested.resource)) return requested;
  throw new AadError(
    "invalid_resource",
    500011,
    `The resource principal named ${requested.resource} was not found in the tenant named ${deps.tenantId}.`,
  );
}

function bearer(scope: string, accessToken: string, lifetimeSeconds: number): TokenResponse {
  return {
    token_type: "Bearer",
    scope,
    expires_in: lifetimeSeconds,
    ext_expires_in: lifetimeSeconds,
    access_token: accessToken,
  };
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (value === null || value === "") throw missingParameter(name);
  return value;
}

function optional(form: URLSearchParams, name: string): string | undefined {
  const value = form.get(name);
  return value === null || value === "" ? undefined : value;
}
