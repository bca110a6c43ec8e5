import type { Clock } from "../shared/clock";
import type { IdGenerator } from "../shared/ids";

/** The signed-in user a delegated token speaks for. */
export interface DelegatedUser {
  /** Object id of the user in the tenant (a GUID). */
  readonly oid: string;
  /** User principal name, e.g. "referrals.admin@contoso.onmicrosoft.com". */
  readonly upn: string;
  readonly name: string;
}

/** An app registration the issuer knows. */
export interface RegisteredClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** "application" clients use client_credentials; "delegated" clients redeem refresh tokens for a user. */
  readonly kind: "application" | "delegated";
  /** App roles put in application tokens' `roles` claim; default none. */
  readonly roles?: readonly string[];
  /** Delegated permissions the client was granted, and what ".default" expands to; default ["user_impersonation"]. */
  readonly scopes?: readonly string[];
  /** The service principal's object id (the app token's `oid`); generated when absent. */
  readonly objectId?: string;
}

/** A refresh token to accept, as if the user had signed in interactively. */
export interface RefreshTokenSeed {
  /** The token text; generated when absent (addRefreshToken returns it). */
  readonly token?: string;
  readonly clientId: string;
  readonly user: DelegatedUser;
}

/** How to create a token issuer. */
export interface TokenIssuerOptions {
  /**
   * The emulator's base URL, e.g. "http://127.0.0.1:54321". Usually unknown until the server listens on its
   * ephemeral port: leave it out and call setBaseUrl() afterwards.
   */
  readonly baseUrl?: string;
  readonly tenantId: string;
  /** Other names accepted in the `/:tenant/` path segment, e.g. "contoso.onmicrosoft.com". */
  readonly tenantAliases?: readonly string[];
  readonly clients?: readonly RegisteredClient[];
  readonly refreshTokens?: readonly RefreshTokenSeed[];
  /** Resources tokens may be issued for; any resource when absent. */
  readonly resources?: readonly string[];
  /** Access token lifetime; default 3600. */
  readonly tokenLifetimeSeconds?: number;
  /** Refresh token lifetime since issue; default 90 days, as Azure AD's inactivity limit. */
  readonly refreshTokenLifetimeSeconds?: number;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
}
