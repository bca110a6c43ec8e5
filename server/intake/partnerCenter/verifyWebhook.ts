/**
 * Verifies one Partner Center webhook delivery and only then parses it (shared/reference/partner-center.md §2.4):
 * headers, certificate, RSASSA-PKCS1-v1_5 / SHA-256 over the exact raw bytes, no canonicalisation, then the body.
 * Framework-independent: the HTTP layer passes the raw body and headers and answers with an IntakeError's status.
 */
import { constants, verify, type X509Certificate } from "node:crypto";
import type { CertificateSource } from "./certificateStore";
import type { WebhookHeaders } from "./headers";
import { IntakeError } from "./intakeError";
import { parsePartnerCenterEvent, type PartnerCenterEvent } from "./partnerCenterEvent";
import { parseSignatureHeaders } from "./signatureHeaders";

/** What the HTTP layer hands over: the body exactly as received (before any JSON parsing) and the headers. */
export interface PartnerCenterWebhookRequest {
  readonly rawBody: Buffer;
  readonly headers: WebhookHeaders;
}

/**
 * The verified event of a delivery.
 * @throws IntakeError 401 for a missing, malformed or non-matching signature or a refused certificate; 400 for a
 * missing certificate URL or algorithm, or a body that is not a valid event; 503 when the certificate could not be
 * downloaded (the sender retries, §2.5).
 */
export async function verifyPartnerCenterWebhook(
  request: PartnerCenterWebhookRequest,
  certificates: CertificateSource,
): Promise<PartnerCenterEvent> {
  const signed = parseSignatureHeaders(request.headers);
  const certificate = await certificates.get(signed.certificateUrl);
  if (!isSignedBy(certificate, request.rawBody, signed.signature)) {
    throw new IntakeError(
      401,
      "signature-mismatch",
      `signature does not match the body: the ${signed.signatureHeader} signature was not made over these exact ` +
        `bytes with the key of the certificate at ${signed.certificateUrl}`,
    );
  }
  return parsePartnerCenterEvent(request.rawBody);
}

/**
 * `rsa-sha256` means PKCS#1 v1.5 padding with an RSA key (§2.4). The key type is checked because crypto.verify
 * would otherwise happily verify an ECDSA signature made with an EC certificate.
 */
function isSignedBy(certificate: X509Certificate, body: Uint8Array, signature: Uint8Array): boolean {
  const key = certificate.publicKey;
  if (key.asymmetricKeyType !== "rsa") {
    throw new IntakeError(
      401,
      "certificate-invalid",
      `the signing certificate has a ${key.asymmetricKeyType ?? "unknown"} key; rsa-sha256 needs an RSA key`,
    );
  }
  try {
    return verify("sha256", body, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    // OpenSSL throws for some malformed signatures instead of returning false; either way it does not match.
    return false;
  }
}
