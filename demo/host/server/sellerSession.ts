/**
 * The signed-in seller, as Dynamics' session cookie stands for them: a delegated Dataverse token minted by the
 * emulator's admin API (no client secret involved), renewed before it expires, and the user's id and name for
 * context.userSettings. The sync service's form API accepts the same token (its FORM_API_* settings name the
 * emulator as issuer and audience, see test/support/bridgeStack.ts), so it also backs window.CoSellBridgeAuth.
 */
import { DataverseAdminClient } from "../../../emulators/dataverse";

/** Renew this long before `exp`, so a token handed out is never about to expire. */
const RENEW_BEFORE_SECONDS = 300;

export interface SellerToken {
  readonly accessToken: string;
  /** Seconds since 1970. */
  readonly expiresOn: number;
}

export interface SellerIdentity {
  readonly id: string;
  readonly name: string;
}

export interface SellerSessionOptions {
  /** The Dataverse emulator's base URL, e.g. http://127.0.0.1:7072. */
  readonly dataverseUrl: string;
  /** The emulator's admin key, when it was started with one. */
  readonly adminKey?: string;
  /** "seller" (default) or a systemuserid with an Azure AD object id (the emulator's TokenRequest.user). */
  readonly user?: string;
}

export class SellerSession {
  private readonly admin: DataverseAdminClient;
  private current: Promise<SellerToken> | undefined;
  private identity: Promise<SellerIdentity> | undefined;

  constructor(private readonly options: SellerSessionOptions) {
    this.admin = new DataverseAdminClient(
      options.dataverseUrl,
      options.adminKey === undefined ? {} : { adminKey: options.adminKey },
    );
  }

  /** A token with at least a few minutes left. */
  async token(): Promise<SellerToken> {
    const cached = this.current === undefined ? undefined : await this.current.catch(() => undefined);
    if (cached !== undefined && cached.expiresOn - RENEW_BEFORE_SECONDS > Date.now() / 1000) return cached;
    this.current = this.mint();
    return this.current;
  }

  /** The seller's systemuserid and full name, read once through the Web API (WhoAmI, then systemusers). */
  user(): Promise<SellerIdentity> {
    this.identity ??= this.readIdentity().catch((error: unknown) => {
      this.identity = undefined;
      throw error;
    });
    return this.identity;
  }

  private async mint(): Promise<SellerToken> {
    const accessToken = await this.admin.getToken({ user: this.options.user ?? "seller" });
    return { accessToken, expiresOn: expiryOf(accessToken) };
  }

  private async readIdentity(): Promise<SellerIdentity> {
    const who = await this.webApiGet<{ UserId?: unknown }>("WhoAmI");
    if (typeof who.UserId !== "string") throw new Error("WhoAmI did not return a UserId.");
    const user = await this.webApiGet<{ fullname?: unknown }>(`systemusers(${who.UserId})?$select=fullname`);
    return { id: who.UserId.toLowerCase(), name: typeof user.fullname === "string" ? user.fullname : "" };
  }

  private async webApiGet<T>(path: string): Promise<T> {
    const { accessToken } = await this.token();
    const response = await fetch(`${this.options.dataverseUrl}/api/data/v9.2/${path}`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    });
    if (!response.ok) {
      throw new Error(
        `Dataverse refused GET ${path.split("?")[0] ?? path}: ${response.status} ${await response.text()}`,
      );
    }
    return (await response.json()) as T;
  }
}

/** The `exp` claim of a JWT. @throws Error when the token is not a JWT with one. */
export function expiryOf(jwt: string): number {
  const payload = jwt.split(".")[1];
  if (payload === undefined) throw new Error("the emulator's token is not a JWT");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: unknown };
  if (typeof claims.exp !== "number") throw new Error("the emulator's token has no exp claim");
  return claims.exp;
}
