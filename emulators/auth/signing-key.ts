import { calculateJwkThumbprint, type CryptoKey, exportJWK, generateKeyPair, SignJWT } from "jose";

/** A public key as the JWKS endpoint publishes it. */
export interface PublishedJwk {
  readonly kty: string;
  readonly n: string;
  readonly e: string;
  readonly kid: string;
  readonly use: "sig";
  readonly alg: "RS256";
}

/** The issuer's RS256 key pair. The private key is non-extractable, so it cannot end up in a log or a response. */
export interface SigningKey {
  readonly kid: string;
  readonly publicJwk: PublishedJwk;
  sign(claims: Readonly<Record<string, unknown>>): Promise<string>;
}

/** Generates a fresh RS256 key pair; its kid is the RFC 7638 thumbprint, so it is stable for the key. */
export async function createSigningKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const exported = await exportJWK(publicKey);
  if (exported.kty === undefined || exported.n === undefined || exported.e === undefined) {
    throw new Error("the generated RS256 public key did not export as an RSA JWK");
  }
  const kid = await calculateJwkThumbprint(exported);
  const publicJwk: PublishedJwk = { kty: exported.kty, n: exported.n, e: exported.e, kid, use: "sig", alg: "RS256" };
  return { kid, publicJwk, sign: (claims) => signWith(privateKey, kid, claims) };
}

function signWith(privateKey: CryptoKey, kid: string, claims: Readonly<Record<string, unknown>>): Promise<string> {
  // Time claims are set by the caller from the injected clock; SignJWT's helpers would read the real time.
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: "RS256", typ: "JWT", kid }).sign(privateKey);
}
