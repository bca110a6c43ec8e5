import { createHash, timingSafeEqual } from "node:crypto";
import type { IdGenerator } from "../shared/ids";
import { AadError } from "./aad-error";
import type { RegisteredClient } from "./options";

/** A registered client as the issuer keeps it: the secret only as a digest, so nothing can print it back. */
export interface KnownClient {
  readonly clientId: string;
  readonly kind: "application" | "delegated";
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
  readonly objectId: string;
  readonly secretDigest: Buffer;
}

const digest = (secret: string) => createHash("sha256").update(secret, "utf8").digest();

/** The app registrations of the emulated tenant. */
export class ClientDirectory {
  private readonly clients = new Map<string, KnownClient>();

  constructor(
    private readonly tenantId: string,
    private readonly ids: IdGenerator,
  ) {}

  register(client: RegisteredClient): KnownClient {
    const known: KnownClient = {
      clientId: client.clientId,
      kind: client.kind,
      roles: client.roles ?? [],
      scopes: client.scopes ?? ["user_impersonation"],
      objectId: client.objectId ?? this.ids(),
      secretDigest: digest(client.clientSecret),
    };
    this.clients.set(client.clientId, known);
    return known;
  }

  find(clientId: string): KnownClient | undefined {
    return this.clients.get(clientId);
  }

  /** The first registered client of a kind, for admin-minted tokens that name none. */
  firstOfKind(kind: KnownClient["kind"]): KnownClient | undefined {
    return [...this.clients.values()].find((client) => client.kind === kind);
  }

  /**
   * Finds a client and checks its secret. A delegated client may leave the secret out (public-client style), but
   * a secret it does send must be right.
   * @throws AadError unauthorized_client for an unknown id, invalid_client (401) for a missing or wrong secret.
   */
  authenticate(clientId: string, secret: string | undefined, secretRequired: boolean): KnownClient {
    const client = this.clients.get(clientId);
    if (client === undefined) {
      throw new AadError(
        "unauthorized_client",
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${this.tenantId}'.`,
      );
    }
    if (secret === undefined) {
      if (!secretRequired) return client;
      throw new AadError(
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    // Comparing fixed-length digests in constant time keeps the check from leaking the secret's prefix by timing.
    if (!timingSafeEqual(digest(secret), client.secretDigest)) {
      throw new AadError(
        "invalid_client",
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    }
    return client;
  }
}
