import { randomBytes } from "node:crypto";
import type { Clock } from "../shared/clock";
import { AadError } from "./aad-error";
import type { DelegatedUser, RefreshTokenSeed } from "./options";

interface RefreshGrant {
  readonly clientId: string;
  readonly user: DelegatedUser;
  readonly issuedAtMs: number;
}

/** Outstanding refresh tokens. Each is redeemable once: redeeming rotates it to a new one. */
export class RefreshTokenStore {
  private readonly live = new Map<string, RefreshGrant>();
  // Remembered so that a replayed token gets "revoked or already redeemed" instead of "never issued".
  private readonly retired = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeSeconds: number,
  ) {}

  /** Stores a token (generated when the seed has none) and returns its text. */
  add(seed: RefreshTokenSeed): string {
    // Refresh tokens are bearer secrets even here, so they come from the CSPRNG rather than the (seedable) ids.
    const token = seed.token ?? `1.emu.${randomBytes(32).toString("base64url")}`;
    this.retired.delete(token);
    this.live.set(token, { clientId: seed.clientId, user: seed.user, issuedAtMs: this.clock.now().getTime() });
    return token;
  }

  /** Withdraws a token; false when it was not live. */
  revoke(token: string): boolean {
    const existed = this.live.delete(token);
    if (existed) this.retired.add(token);
    return existed;
  }

  /**
   * Checks that `token` is live, unexpired and was issued to `clientId`, and returns its user. The token stays
   * live until {@link RefreshTokenStore.rotate}, so a refusal later in the grant does not burn it.
   * @throws AadError invalid_grant otherwise.
   */
  check(token: string, clientId: string): DelegatedUser {
    const grant = this.live.get(token);
    if (grant === undefined) {
      if (this.retired.has(token)) {
        throw new AadError(
          "invalid_grant",
          50173,
          "The provided grant has expired due to it being revoked, or it was already redeemed (refresh tokens are single use here).",
        );
      }
      throw new AadError(
        "invalid_grant",
        9002313,
        "Invalid request. The refresh token is malformed or was never issued.",
      );
    }
    if (this.clock.now().getTime() >= grant.issuedAtMs + this.lifetimeSeconds * 1000) {
      throw new AadError("invalid_grant", 700082, "The refresh token has expired due to inactivity.");
    }
    if (grant.clientId !== clientId) {
      throw new AadError("invalid_grant", 70000, `The refresh token was not issued to client '${clientId}'.`);
    }
    return grant.user;
  }

  /** Retires `token` and issues its successor for the same client and user. */
  rotate(token: string, clientId: string, user: DelegatedUser): string {
    this.revoke(token);
    return this.add({ clientId, user });
  }
}
