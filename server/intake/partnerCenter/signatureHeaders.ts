/**
 * The three signature headers of a Partner Center webhook delivery (shared/reference/partner-center.md §2.3, §2.4):
 * the signature, in `Authorization` or `x-ms-signature`, always as `Signature <base64>`; `X-MS-Certificate-Url`;
 * and `X-MS-Signature-Algorithm`, for which only `rsa-sha256` exists.
 */
import { readHeader, type WebhookHeaders } from "./headers";
import { IntakeError } from "./intakeError";

/** The only algorithm Partner Center documents: RSASSA-PKCS1-v1_5 with SHA-256 over the raw body (§2.4). */
export const SIGNATURE_ALGORITHM = "rsa-sha256";

/** The two headers the signature may arrive in (§2.4). */
export type SignatureHeaderName = "authorization" | "x-ms-signature";

/** What the headers of a delivery say about its signature. */
export interface SignatureHeaders {
  /** Where the signature was found. */
  readonly signatureHeader: SignatureHeaderName;
  /** The decoded signature bytes. */
  readonly signature: Buffer;
  /** `X-MS-Certificate-Url`, as sent; the certificate store decides whether it may be downloaded. */
  readonly certificateUrl: string;
  readonly algorithm: typeof SIGNATURE_ALGORITHM;
}

const SIGNATURE_SCHEME = "signature";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Enough of a foreign scheme to name it in an error, never enough to leak the credential after it. */
const SCHEME_ECHO_LIMIT = 20;

/**
 * Reads and checks the signature headers, in the order of the documented sample receiver (§2.4): the signature
 * first (401 when missing or not `Signature <base64>`), then the certificate URL and the algorithm (400 when
 * missing, 400 naming any algorithm other than rsa-sha256, compared case-insensitively).
 *
 * `x-ms-signature` wins when both signature headers are present: a registration that sets
 * SignatureTokenToMsSignatureHeader does so because something in front of the receiver owns `Authorization` (the
 * Power Automate trigger in §2.4), so an `Authorization` value beside it is not Partner Center's.
 * @throws IntakeError
 */
export function parseSignatureHeaders(headers: WebhookHeaders): SignatureHeaders {
  const msSignature = readHeader(headers, "x-ms-signature");
  const signatureHeader: SignatureHeaderName = msSignature === undefined ? "authorization" : "x-ms-signature";
  const token = msSignature ?? readHeader(headers, "authorization");
  if (token === undefined) {
    throw new IntakeError(
      401,
      "missing-signature",
      "the request is not signed: neither an Authorization nor an x-ms-signature header carries 'Signature <base64>'",
    );
  }
  const signature = decodeSignatureToken(token, signatureHeader);

  const certificateUrl = readHeader(headers, "x-ms-certificate-url");
  if (certificateUrl === undefined) {
    throw new IntakeError(400, "missing-certificate-url", "the X-MS-Certificate-Url header is missing");
  }
  const algorithm = readHeader(headers, "x-ms-signature-algorithm");
  if (algorithm === undefined) {
    throw new IntakeError(400, "missing-signature-algorithm", "the X-MS-Signature-Algorithm header is missing");
  }
  if (algorithm.toLowerCase() !== SIGNATURE_ALGORITHM) {
    throw new IntakeError(
      400,
      "unsupported-signature-algorithm",
      `unsupported signature algorithm '${algorithm}'; only ${SIGNATURE_ALGORITHM} is supported`,
    );
  }
  return { signatureHeader, signature, certificateUrl, algorithm: SIGNATURE_ALGORITHM };
}

/** `Signature <base64>`: the scheme compared case-insensitively as HTTP auth schemes are, the token strict base64. */
function decodeSignatureToken(token: string, header: SignatureHeaderName): Buffer {
  const [scheme = "", encoded, ...extra] = token.split(/\s+/);
  if (scheme.toLowerCase() !== SIGNATURE_SCHEME) {
    const shown = scheme.slice(0, SCHEME_ECHO_LIMIT);
    throw new IntakeError(
      401,
      "invalid-signature-header",
      `the ${header} header must use the Signature scheme ('Signature <base64>'); got the scheme '${shown}'`,
    );
  }
  // Buffer.from(…, "base64") skips characters it does not know, so the shape is checked before decoding.
  if (encoded === undefined || extra.length > 0 || encoded.length % 4 !== 0 || !BASE64.test(encoded)) {
    throw new IntakeError(
      401,
      "invalid-signature-header",
      `the ${header} header must be 'Signature <base64>' with a single base64 token`,
    );
  }
  return Buffer.from(encoded, "base64");
}
