/**
 * Reading the signature headers (shared/reference/partner-center.md §2.4) from the header shapes HTTP frameworks
 * hand over, with the sample receiver's statuses.
 */
import { describe, expect, it } from "vitest";
import { IntakeError, parseSignatureHeaders, type WebhookHeaders } from "../../../../server/intake/partnerCenter";

const SIGNATURE = Buffer.from("a signature of some body").toString("base64");
const CERTIFICATE_URL = "https://3psostorageacct.blob.core.windows.net/cert/pcnotifications-dispatch.microsoft.com.cer";

function headers(overrides: Record<string, string | string[] | undefined> = {}): WebhookHeaders {
  const all: Record<string, string | string[] | undefined> = {
    authorization: `Signature ${SIGNATURE}`,
    "x-ms-certificate-url": CERTIFICATE_URL,
    "x-ms-signature-algorithm": "rsa-sha256",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
}

function refusalOf(input: WebhookHeaders): IntakeError {
  try {
    parseSignatureHeaders(input);
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error("the headers were accepted");
}

describe("parseSignatureHeaders", () => {
  it("reads Authorization: Signature <base64>, the certificate URL and the algorithm", () => {
    expect(parseSignatureHeaders(headers())).toEqual({
      signatureHeader: "authorization",
      signature: Buffer.from("a signature of some body"),
      certificateUrl: CERTIFICATE_URL,
      algorithm: "rsa-sha256",
    });
  });

  it("reads x-ms-signature, and prefers it over an Authorization header that belongs to someone else", () => {
    const msMode = headers({ authorization: undefined, "x-ms-signature": `Signature ${SIGNATURE}` });
    expect(parseSignatureHeaders(msMode).signatureHeader).toBe("x-ms-signature");
    const both = headers({ authorization: "Bearer eyJhbGciOi", "x-ms-signature": `Signature ${SIGNATURE}` });
    expect(parseSignatureHeaders(both)).toMatchObject({
      signatureHeader: "x-ms-signature",
      signature: Buffer.from("a signature of some body"),
    });
  });

  it("matches header names, the scheme and the algorithm case-insensitively, and reads Fetch API Headers", () => {
    const shouting = {
      Authorization: `SIGNATURE ${SIGNATURE}`,
      "X-MS-Certificate-Url": CERTIFICATE_URL,
      "X-MS-Signature-Algorithm": "RSA-SHA256",
    };
    expect(parseSignatureHeaders(shouting).certificateUrl).toBe(CERTIFICATE_URL);
    expect(parseSignatureHeaders(new Headers(shouting)).signature).toEqual(Buffer.from("a signature of some body"));
  });

  it("answers 401 for a missing signature, another scheme, or a token that is not one base64 string", () => {
    expect(refusalOf(headers({ authorization: undefined }))).toMatchObject({ status: 401, code: "missing-signature" });
    expect(refusalOf(headers({ authorization: "   " }))).toMatchObject({ status: 401, code: "missing-signature" });
    for (const value of [`Bearer ${SIGNATURE}`, "Signature", "Signature not*base64!", `Signature ${SIGNATURE} extra`]) {
      expect(refusalOf(headers({ authorization: value })), value).toMatchObject({
        status: 401,
        code: "invalid-signature-header",
      });
    }
    expect(refusalOf(headers({ authorization: "Basic dXNlcjpwYXNz" })).message).not.toContain("dXNlcjpwYXNz");
  });

  it("answers 400 for a missing certificate URL or algorithm, and names an algorithm it does not support", () => {
    expect(refusalOf(headers({ "x-ms-certificate-url": undefined }))).toMatchObject({
      status: 400,
      code: "missing-certificate-url",
    });
    expect(refusalOf(headers({ "x-ms-signature-algorithm": undefined }))).toMatchObject({
      status: 400,
      code: "missing-signature-algorithm",
    });
    expect(refusalOf(headers({ "x-ms-signature-algorithm": "hmac-sha256" }))).toMatchObject({
      status: 400,
      code: "unsupported-signature-algorithm",
      message: "unsupported signature algorithm 'hmac-sha256'; only rsa-sha256 is supported",
    });
  });

  it("checks the signature before the other headers, as the sample receiver does", () => {
    expect(refusalOf({})).toMatchObject({ status: 401, code: "missing-signature" });
  });

  it("refuses a header sent twice with different values, but not the same value twice", () => {
    const twice = headers({ "x-ms-certificate-url": [CERTIFICATE_URL, "https://elsewhere.example/cert.cer"] });
    expect(refusalOf(twice)).toMatchObject({ status: 400, code: "duplicate-header" });
    const repeated = headers({ "x-ms-certificate-url": [CERTIFICATE_URL, CERTIFICATE_URL] });
    expect(parseSignatureHeaders(repeated).certificateUrl).toBe(CERTIFICATE_URL);
  });
});
