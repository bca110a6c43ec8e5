/**
 * A stand-in token issuer for the form and admin API tests: an RS256 key pair made with jose, its JWKS served by a
 * tiny node:http server, and tokens signed in the test (right or wrong issuer, audience, key, expiry, roles).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";

export const ISSUER = "https://login.example.test/tenant-0001/v2.0";
export const AUDIENCE = "api://cosell-bridge-tests";
export const ADMIN_ROLE = "CoSellBridge.Admin";
export const SELLER_OID = "11111111-2222-4333-8444-555555555555";

/** What a test token says; every field has a valid default. */
export interface TokenClaims {
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds from now; negative for an expired token. */
  readonly expiresInSeconds?: number;
  readonly roles?: readonly string[];
  /** Sign with the other key pair (published under the same kid, or under `kid` when given). */
  readonly wrongKey?: boolean;
  readonly kid?: string;
}

/** A running issuer; close it in afterAll. */
export interface TestIssuer {
  readonly jwksUrl: string;
  /** How many times the JWKS was downloaded. */
  readonly jwksRequests: () => number;
  sign(claims?: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

const KID = "test-key-1";

async function keyPair(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  return generateKeyPair("RS256", { extractable: true });
}

/** Starts the JWKS server on an ephemeral port of 127.0.0.1. */
export async function startTestIssuer(): Promise<TestIssuer> {
  const signing = await keyPair();
  const other = await keyPair();
  const jwk = { ...(await exportJWK(signing.publicKey)), kid: KID, alg: "RS256", use: "sig" };
  let requests = 0;
  const server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    jwksRequests: () => requests,
    async sign(claims = {}) {
      const now = Math.floor(Date.now() / 1000);
      const expiresAt = now + (claims.expiresInSeconds ?? 600);
      return new SignJWT({ name: "Sam Seller", oid: SELLER_OID, roles: [...(claims.roles ?? [])] })
        .setProtectedHeader({ alg: "RS256", kid: claims.kid ?? KID, typ: "JWT" })
        .setIssuer(claims.issuer ?? ISSUER)
        .setAudience(claims.audience ?? AUDIENCE)
        .setSubject("seller-subject")
        .setIssuedAt(Math.min(now, expiresAt) - 60)
        .setExpirationTime(expiresAt)
        .sign(claims.wrongKey === true ? other.privateKey : signing.privateKey);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
