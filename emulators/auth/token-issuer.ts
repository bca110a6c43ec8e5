import { createLocalJWKSet, type JWTVerifyGetKey } from "jose";
import { type Clock, systemClock } from "../shared/clock";
import { type IdGenerator, randomIds } from "../shared/ids";
import { type AadError, aadErrorBody, type AadErrorBody } from "./aad-error";
import { type AccessTokenClaims, buildClaims, type TokenSubject } from "./claims";
import { ClientDirectory, type KnownClient } from "./client-directory";
import { redeemGrant, type TokenResponse } from "./grants";
import type { DelegatedUser, RefreshTokenSeed, TokenIssuerOptions } from "./options";
import { RefreshTokenStore } from "./refresh-tokens";
import { createSigningKey, type PublishedJwk, type SigningKey } from "./signing-key";
import { verifyBearerHeader } from "./verify-bearer";

/** What to put in an access token minted directly (tests, the demo), without going through a grant. */
export interface MintOptions {
  readonly audience: string;
  /** Defaults to the first registered client of the matching kind, else "emulator-admin". */
  readonly clientId?: string;
  /** Makes a delegated token for this user; `scopes` default to the client's (["user_impersonation"]). */
  readonly delegated?: DelegatedUser & { readonly scopes?: readonly string[] };
  /** App roles of an application token; default the client's. */
  readonly roles?: readonly string[];
}

/**
 * Creates an Azure AD v2-shaped token issuer with a freshly generated RS256 key. Register its routes on the
 * emulator's router with registerTokenRoutes(), then call setBaseUrl() once the server knows its port.
 */
export async function createTokenIssuer(options: TokenIssuerOptions): Promise<TokenIssuer> {
  return new TokenIssuer(options, await createSigningKey());
}

/** Issues, publishes and checks the tokens of one emulated tenant. */
export class TokenIssuer {
  readonly tenantId: string;
  private configuredBaseUrl: string | undefined;
  private readonly tenantNames: ReadonlySet<string>;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly lifetimeSeconds: number;
  private readonly resources: readonly string[] | undefined;
  private readonly clients: ClientDirectory;
  private readonly refreshTokens: RefreshTokenStore;
  private readonly keySet: JWTVerifyGetKey;

  /** Use {@link createTokenIssuer}, which generates the key. */
  constructor(
    options: TokenIssuerOptions,
    private readonly signingKey: SigningKey,
  ) {
    this.tenantId = options.tenantId;
    this.tenantNames = new Set([options.tenantId, ...(options.tenantAliases ?? [])].map((name) => name.toLowerCase()));
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? randomIds;
    this.lifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
    this.resources = options.resources;
    this.clients = new ClientDirectory(options.tenantId, this.ids);
    for (const client of options.clients ?? []) this.clients.register(client);
    this.refreshTokens = new RefreshTokenStore(this.clock, options.refreshTokenLifetimeSeconds ?? 90 * 24 * 3600);
    for (const seed of options.refreshTokens ?? []) this.refreshTokens.add(seed);
    this.keySet = createLocalJWKSet({ keys: [{ ...signingKey.publicJwk }] });
    if (options.baseUrl !== undefined) this.setBaseUrl(options.baseUrl);
  }

  /** Sets the emulator's base URL (trailing slashes ignored); tokens minted before keep their old issuer. */
  setBaseUrl(url: string): void {
    this.configuredBaseUrl = url.replace(/\/+$/, "");
  }

  /** @throws Error until setBaseUrl() (or the baseUrl option) has given one. */
  get baseUrl(): string {
    if (this.configuredBaseUrl === undefined) {
      throw new Error("the token issuer has no baseUrl yet: call setBaseUrl() once the server is listening");
    }
    return this.configuredBaseUrl;
  }

  /** The `iss` of every token, e.g. "http://127.0.0.1:54321/<tenant>/v2.0". */
  get issuerUrl(): string {
    return `${this.baseUrl}/${this.tenantId}/v2.0`;
  }

  get tokenEndpoint(): string {
    return `${this.baseUrl}/${this.tenantId}/oauth2/v2.0/token`;
  }

  get jwksUri(): string {
    return `${this.baseUrl}/${this.tenantId}/discovery/v2.0/keys`;
  }

  /** The key id tokens are signed with. */
  get keyId(): string {
    return this.signingKey.kid;
  }

  /** True for the tenant id or one of its aliases (case-insensitive), as used in the URL path. */
  acceptsTenant(name: string): boolean {
    return this.tenantNames.has(name.toLowerCase());
  }

  /** The public signing keys, as served at the JWKS endpoint. */
  jwks(): { keys: PublishedJwk[] } {
    return { keys: [{ ...this.signingKey.publicJwk }] };
  }

  /** The OpenID Connect discovery document. */
  openIdConfiguration(): Record<string, unknown> {
    return {
      issuer: this.issuerUrl,
      token_endpoint: this.tokenEndpoint,
      jwks_uri: this.jwksUri,
      token_endpoint_auth_methods_supported: ["client_secret_post"],
      grant_types_supported: ["client_credentials", "refresh_token"],
      response_types_supported: ["token"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
    };
  }

  /**
   * Redeems a token endpoint form (client_credentials or refresh_token).
   * @throws AadError for every refusal; render it with {@link TokenIssuer.describeError}.
   */
  redeem(form: URLSearchParams): Promise<TokenResponse> {
    return redeemGrant(form, {
      tenantId: this.tenantId,
      clients: this.clients,
      refreshTokens: this.refreshTokens,
      resources: this.resources,
      lifetimeSeconds: this.lifetimeSeconds,
      issue: (subject) => this.sign(subject),
    });
  }

  /** The Azure AD error body for a refusal; `correlationId` echoes the caller's client-request-id when it sent one. */
  describeError(error: AadError, correlationId?: string): AadErrorBody {
    return aadErrorBody(error, this.clock, this.ids(), correlationId ?? this.ids());
  }

  /** Mints a signed access token without a grant, for tests and the demo. */
  mintAccessToken(options: MintOptions): Promise<string> {
    const kind = options.delegated === undefined ? "application" : "delegated";
    const client = this.mintingClient(options.clientId, kind);
    const roles = options.roles ?? client.roles;
    const base: TokenSubject = {
      audience: options.audience,
      client: { ...client, roles },
      authenticatedWithSecret: true,
    };
    if (options.delegated === undefined) return this.sign(base);
    const { scopes, ...user } = options.delegated;
    return this.sign({ ...base, user, scopes: scopes ?? client.scopes });
  }

  /** Accepts a refresh token as if the user had signed in; returns its text (generated when absent). */
  addRefreshToken(seed: RefreshTokenSeed): string {
    return this.refreshTokens.add(seed);
  }

  /** Withdraws a refresh token; false when it was not live. */
  revokeRefreshToken(token: string): boolean {
    return this.refreshTokens.revoke(token);
  }

  /**
   * Checks a bearer token from an `Authorization` header and returns its claims.
   * @throws HttpError 401 with `WWW-Authenticate: Bearer error="invalid_token", error_description="..."`.
   */
  verifyBearer(
    authorization: string | undefined,
    expectedAudience: string | readonly string[],
  ): Promise<AccessTokenClaims> {
    return verifyBearerHeader(authorization, expectedAudience, {
      issuer: this.issuerUrl,
      keys: this.keySet,
      clock: this.clock,
    });
  }

  private sign(subject: TokenSubject): Promise<string> {
    const claims = buildClaims(subject, {
      issuer: this.issuerUrl,
      tenantId: this.tenantId,
      issuedAt: this.clock.now(),
      lifetimeSeconds: this.lifetimeSeconds,
      tokenId: this.ids(),
    });
    return this.signingKey.sign({ ...claims });
  }

  private mintingClient(clientId: string | undefined, kind: KnownClient["kind"]): Omit<KnownClient, "secretDigest"> {
    const known = clientId === undefined ? this.clients.firstOfKind(kind) : this.clients.find(clientId);
    if (known !== undefined) return known;
    return {
      clientId: clientId ?? "emulator-admin",
      kind,
      roles: [],
      scopes: ["user_impersonation"],
      objectId: this.ids(),
    };
  }
}
