import { createHash } from "node:crypto";
import type { KnownClient } from "./client-directory";
import type { DelegatedUser } from "./options";

/** The claims of an access token from this issuer (a subset of Azure AD v2's, with the same names). */
export interface AccessTokenClaims {
  readonly iss: string;
  readonly aud: string;
  readonly tid: string;
  readonly sub: string;
  readonly oid: string;
  readonly azp: string;
  /** The v1 name of azp, kept because much client code still reads it. */
  readonly appid: string;
  /** "1" when the client authenticated with a secret, "0" for a public client. */
  readonly azpacr: "0" | "1";
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly ver: "2.0";
  /** Unique token id. */
  readonly uti: string;
  readonly idtyp: "app" | "user";
  /** Application tokens: the app roles granted to the client. */
  readonly roles?: readonly string[];
  /** Delegated tokens: space-separated permissions, e.g. "user_impersonation". */
  readonly scp?: string;
  readonly upn?: string;
  readonly name?: string;
}

/** What varies between tokens; the issuer fills in the rest. */
export interface TokenSubject {
  readonly audience: string;
  readonly client: Pick<KnownClient, "clientId" | "objectId" | "roles">;
  /** Present for a delegated token. */
  readonly user?: DelegatedUser;
  /** Delegated permissions; required with `user`. */
  readonly scopes?: readonly string[];
  readonly authenticatedWithSecret: boolean;
}

/** The fixed parts of every token: who issues it, when, and for how long. */
export interface TokenFrame {
  readonly issuer: string;
  readonly tenantId: string;
  readonly issuedAt: Date;
  readonly lifetimeSeconds: number;
  readonly tokenId: string;
}

/** Builds an access token's claims in Azure AD v2's shape. */
export function buildClaims(subject: TokenSubject, frame: TokenFrame): AccessTokenClaims {
  const iat = Math.floor(frame.issuedAt.getTime() / 1000);
  const base = {
    iss: frame.issuer,
    aud: subject.audience,
    tid: frame.tenantId,
    azp: subject.client.clientId,
    appid: subject.client.clientId,
    azpacr: subject.authenticatedWithSecret ? "1" : "0",
    iat,
    nbf: iat,
    exp: iat + frame.lifetimeSeconds,
    ver: "2.0",
    uti: frame.tokenId,
  } as const;
  const { user } = subject;
  if (user === undefined) {
    const principal = subject.client.objectId;
    return { ...base, sub: principal, oid: principal, idtyp: "app", roles: subject.client.roles };
  }
  return {
    ...base,
    // Azure AD's sub is pairwise: the same user has a different sub for each application.
    sub: pairwiseSubject(user.oid, subject.client.clientId),
    oid: user.oid,
    idtyp: "user",
    scp: (subject.scopes ?? ["user_impersonation"]).join(" "),
    upn: user.upn,
    name: user.name,
  };
}

function pairwiseSubject(userObjectId: string, clientId: string): string {
  return createHash("sha256").update(`${userObjectId}:${clientId}`).digest("base64url").slice(0, 43);
}
