/**
 * Delegated tokens for the Referrals API (App+User only, partner-center.md §1.1) through the refresh_token grant.
 * Azure AD rotates the refresh token on every redemption and the old one stops working (the emulator makes them
 * single use), so each new one is saved through a RefreshTokenStore before anything else happens; the configured
 * token (Config.partnerCenter.refreshToken) is only the starting point when the store holds none.
 */
import type { Secret } from "../../config/secret";
import { ApiError } from "../../sync/apiError";
import { silentLogger, type ClientLogger } from "../http/apiCall";
import type { HttpCore } from "../http/httpCore";
import { CachedToken, type CachedTokenOptions } from "./cachedToken";
import { redeemGrant, tokenEndpointUrl, type IssuedToken } from "./tokenEndpoint";

/** Where the latest refresh token lives; durable in the service, shared by its replicas. */
export interface RefreshTokenStore {
  read(): Promise<string | null>;
  save(token: string): Promise<void>;
}

/** A store that forgets on restart: for tests, and a fallback that the service warns about. */
export class InMemoryRefreshTokenStore implements RefreshTokenStore {
  constructor(private token: string | null = null) {}

  read(): Promise<string | null> {
    return Promise.resolve(this.token);
  }

  save(token: string): Promise<void> {
    this.token = token;
    return Promise.resolve();
  }
}

export interface RefreshTokenSettings {
  readonly authority: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: Secret;
  /** The configured refresh token, used while the store holds none. */
  readonly initialRefreshToken: Secret;
  /** The token audience, https://api.partner.microsoft.com in production. */
  readonly resource: string;
  readonly store: RefreshTokenStore;
  readonly logger?: ClientLogger;
}

export function refreshTokenToken(
  core: HttpCore,
  settings: RefreshTokenSettings,
  options: CachedTokenOptions = {},
): CachedToken {
  core.redactor.addFixed(settings.clientSecret.reveal());
  core.redactor.addFixed(settings.initialRefreshToken.reveal());
  const grant = new RotatingGrant(core, settings);
  return new CachedToken(() => grant.redeem(), options);
}

class RotatingGrant {
  private readonly url: string;
  private readonly logger: ClientLogger;
  /** A rotated token the store refused to save: still the only one that works, so it is used first. */
  private unsaved: string | null = null;

  constructor(
    private readonly core: HttpCore,
    private readonly settings: RefreshTokenSettings,
  ) {
    this.url = tokenEndpointUrl(settings.authority, settings.tenantId);
    this.logger = settings.logger ?? silentLogger;
  }

  async redeem(): Promise<IssuedToken> {
    const presented = await this.currentToken();
    try {
      return await this.redeemWith(presented);
    } catch (error) {
      // Another replica may have rotated the token since we read it: the store then holds its successor.
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      const latest = await this.currentToken();
      if (latest === presented) throw error;
      return this.redeemWith(latest);
    }
  }

  private async currentToken(): Promise<string> {
    if (this.unsaved !== null) return this.unsaved;
    const stored = await this.settings.store.read();
    if (stored !== null && stored !== "") {
      this.core.redactor.addRotating(stored);
      return stored;
    }
    return this.settings.initialRefreshToken.reveal();
  }

  private async redeemWith(refreshToken: string): Promise<IssuedToken> {
    const { settings } = this;
    const issued = await redeemGrant(
      this.core,
      this.url,
      new URLSearchParams({
        grant_type: "refresh_token",
        client_id: settings.clientId,
        client_secret: settings.clientSecret.reveal(),
        refresh_token: refreshToken,
        scope: `${settings.resource.replace(/\/+$/, "")}/.default offline_access`,
      }),
      `Check the tenant id (${settings.tenantId}), client id (${settings.clientId}) and client secret; if the refresh ` +
        "token expired or was revoked, sign the Referrals admin in again and set PARTNER_CENTER_REFRESH_TOKEN.",
    );
    if (issued.refreshToken !== null && issued.refreshToken !== refreshToken) await this.keep(issued.refreshToken);
    return issued;
  }

  private async keep(rotated: string): Promise<void> {
    try {
      await this.settings.store.save(rotated);
      this.unsaved = null;
    } catch (error) {
      this.unsaved = rotated;
      this.logger.error(
        { error: this.core.redactor.redact(error instanceof Error ? error.message : String(error)) },
        "could not save the rotated Partner Center refresh token; it is kept in memory only and a restart will " +
          "need a new PARTNER_CENTER_REFRESH_TOKEN unless the store recovers",
      );
    }
  }
}
