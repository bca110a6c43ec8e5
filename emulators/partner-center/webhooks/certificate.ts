/**
 * The certificate the emulator signs webhook events with. Partner Center signs with a certificate that chains to
 * the Microsoft Root and receivers download it from `X-MS-Certificate-Url` (partner-center.md §2.4); the emulator
 * makes a self-signed RSA-2048 one at start-up instead. The private key stays inside the closure of `sign`: it is
 * never a property, never exported and never written anywhere.
 */
import { KeyObject, sign as signWithKey, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { systemClock, type Clock } from "../../shared/clock";

/** The file name Partner Center's certificate has in the docs' sample header (§2.3), served by the emulator. */
export const CERTIFICATE_PATH = "/webhooks/certificates/pcnotifications-dispatch.cer";

/** The media type to serve `certificateDer` with. */
export const CERTIFICATE_CONTENT_TYPE = "application/pkix-cert";

/** Signs webhook bodies; the dispatcher needs nothing more. */
export interface PayloadSigner {
  /** Base64 RSASSA-PKCS1-v1_5 SHA-256 signature over exactly these bytes (the `rsa-sha256` of §2.4). */
  sign(body: Buffer): string;
}

/** A self-signed certificate with the only use of its private key. */
export interface SigningCertificate extends PayloadSigner {
  /** The DER bytes receivers download (serve as `application/pkix-cert`). */
  readonly certificateDer: Buffer;
  readonly certificatePem: string;
  /** RFC 4514-style subject, e.g. `CN=pcnotifications-dispatch.emulator.local, O=Partner Center Emulator`. */
  readonly subject: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** Who the certificate names and how long it is valid. */
export interface SigningCertificateOptions {
  readonly commonName?: string;
  /** Set to "Microsoft Corporation" when a receiver that checks the issuer's O= (§2.4 step 4) must accept it. */
  readonly organization?: string;
  /** Default 365. */
  readonly validityDays?: number;
  /** Default the system clock: receivers check validity against real time. */
  readonly clock?: Clock;
}

const RSA_ALGORITHM = {
  name: "RSASSA-PKCS1-v1_5",
  hash: "SHA-256",
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** An RDN value may not carry the separators of the name string it is written into. */
function escapeNameValue(value: string): string {
  return value.replace(/[\\,+"<>;=]/g, (character) => `\\${character}`);
}

/**
 * Generates a key pair and a self-signed certificate. The validity starts an hour before now so a receiver whose
 * clock is slightly behind still accepts it.
 */
export async function createSigningCertificate(options: SigningCertificateOptions = {}): Promise<SigningCertificate> {
  const commonName = options.commonName ?? "pcnotifications-dispatch.emulator.local";
  const organization = options.organization ?? "Partner Center Emulator";
  const validityDays = options.validityDays ?? 365;
  if (!(validityDays > 0)) throw new RangeError(`validityDays must be positive; got ${validityDays}`);

  const notBefore = new Date((options.clock ?? systemClock).now().getTime() - 60 * 60 * 1000);
  const notAfter = new Date(notBefore.getTime() + validityDays * DAY_MS);
  // Not extractable: the key can sign in this process and cannot be exported from it.
  const keys = await webcrypto.subtle.generateKey(RSA_ALGORITHM, false, ["sign", "verify"]);
  // A DER INTEGER with the top bit set would read as negative, so the first hex digit is kept below 8.
  const serialNumber = Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString("hex")
    .replace(/^[89a-f]/, "1");
  const subject = `CN=${escapeNameValue(commonName)}, O=${escapeNameValue(organization)}`;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber,
      name: subject,
      notBefore,
      notAfter,
      keys,
      signingAlgorithm: RSA_ALGORITHM,
      // Marked as its own CA (like `openssl req -x509`), so a receiver's test can put it in a trust store as the
      // root and run the chain check of §2.4 step 3 instead of switching that check off.
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true),
      ],
    },
    // Passed per call instead of x509.cryptoProvider.set, so this module changes no library-wide state.
    globalThis.crypto,
  );
  const privateKey = KeyObject.from(keys.privateKey);

  return {
    certificateDer: Buffer.from(certificate.rawData),
    certificatePem: certificate.toString("pem"),
    subject,
    notBefore,
    notAfter,
    sign: (body: Buffer) => signWithKey("sha256", body, privateKey).toString("base64"),
  };
}
