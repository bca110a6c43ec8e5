/**
 * A three-level certificate chain (root, intermediate, webhook signer) like Microsoft's, made in the test with
 * @peculiar/x509, because the emulator's signing certificate is self-signed and cannot exercise the chain walk of
 * shared/reference/partner-center.md §2.4 step 3 across an intermediate.
 */
import { KeyObject, sign, webcrypto, X509Certificate } from "node:crypto";
import * as x509 from "@peculiar/x509";

const RSA = {
  name: "RSASSA-PKCS1-v1_5",
  hash: "SHA-256",
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const DAY_MS = 24 * 60 * 60 * 1000;

/** The three certificates and the signer's only use of its private key. */
export interface CertificateChain {
  readonly root: X509Certificate;
  readonly intermediate: X509Certificate;
  readonly leaf: X509Certificate;
  readonly leafPem: string;
  /** Base64 RSASSA-PKCS1-v1_5 SHA-256 over `body`, with the leaf's key. */
  signWithLeaf(body: Buffer): string;
}

interface Issued {
  readonly certificate: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
}

let serial = 0;

async function issue(
  subject: string,
  issuer: Issued | undefined,
  ca: boolean,
  validity: [Date, Date],
): Promise<Issued> {
  const keys = await webcrypto.subtle.generateKey(RSA, false, ["sign", "verify"]);
  serial += 1;
  const extensions = ca
    ? [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
      ]
    : [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)];
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: `0${serial.toString(16).padStart(3, "0")}`,
      subject,
      issuer: issuer?.certificate.subject ?? subject,
      notBefore: validity[0],
      notAfter: validity[1],
      signingAlgorithm: RSA,
      publicKey: keys.publicKey,
      signingKey: issuer?.keys.privateKey ?? keys.privateKey,
      extensions,
    },
    globalThis.crypto,
  );
  return { certificate, keys };
}

/**
 * Root and intermediate named "O=Microsoft Corporation", valid around real time. `intermediateExpired` makes the
 * intermediate's validity end a day ago, so only the chain link is out of date.
 */
export async function createCertificateChain(
  options: { intermediateExpired?: boolean } = {},
): Promise<CertificateChain> {
  const now = Date.now();
  const valid: [Date, Date] = [new Date(now - DAY_MS), new Date(now + 365 * DAY_MS)];
  const expired: [Date, Date] = [new Date(now - 30 * DAY_MS), new Date(now - DAY_MS)];
  const root = await issue("CN=Test Root Certificate Authority, O=Microsoft Corporation", undefined, true, valid);
  const intermediate = await issue(
    "CN=Test Secure Server CA, O=Microsoft Corporation",
    root,
    true,
    options.intermediateExpired === true ? expired : valid,
  );
  const leaf = await issue("CN=pcnotifications-dispatch.test, O=Microsoft Corporation", intermediate, false, valid);
  const leafKey = KeyObject.from(leaf.keys.privateKey);
  return {
    root: new X509Certificate(Buffer.from(root.certificate.rawData)),
    intermediate: new X509Certificate(Buffer.from(intermediate.certificate.rawData)),
    leaf: new X509Certificate(Buffer.from(leaf.certificate.rawData)),
    leafPem: leaf.certificate.toString("pem"),
    signWithLeaf: (body) => sign("sha256", body, leafKey).toString("base64"),
  };
}
