/**
 * Application tokens through the client credentials grant (Dataverse's application user, shared/DESIGN.md
 * "Authentication"; Partner Center webhook registration). Azure AD v2 wants the resource as `<resource>/.default`.
 */
import type { Secret } from "../../config/secret";
import type { HttpCore } from "../http/httpCore";
import { CachedToken, type CachedTokenOptions } from "./cachedToken";
import { redeemGrant, tokenEndpointUrl } from "./tokenEndpoint";

export interface ClientCredentialsSettings {
  readonly authority: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: Secret;
  /** The token audience, e.g. https://contoso.crm.dynamics.com or https://api.partnercenter.microsoft.com. */
  readonly resource: string;
}

export function clientCredentialsToken(
  core: HttpCore,
  settings: ClientCredentialsSettings,
  options: CachedTokenOptions = {},
): CachedToken {
  core.redactor.addFixed(settings.clientSecret.reveal());
  const url = tokenEndpointUrl(settings.authority, settings.tenantId);
  const hint =
    `Check the tenant id (${settings.tenantId}), the client id (${settings.clientId}) and the client secret, and ` +
    `that the app may get tokens for ${settings.resource}.`;
  return new CachedToken(
    () =>
      redeemGrant(
        core,
        url,
        new URLSearchParams({
          grant_type: "client_credentials",
          client_id: settings.clientId,
          client_secret: settings.clientSecret.reveal(),
          scope: `${settings.resource.replace(/\/+$/, "")}/.default`,
        }),
        hint,
      ),
    options,
  );
}
