import { verify, X509Certificate } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CERTIFICATE_CONTENT_TYPE, CERTIFICATE_PATH } from "../../../../emulators/partner-center/webhooks";
import { startHarness, TENANT, type Harness } from "./harness";
import { serveCertificate, type RecordedRequest } from "./receiver";

/** What a receiver does (partner-center.md §2.4): download the certificate named by the header. */
async function downloadCertificate(request: RecordedRequest): Promise<X509Certificate> {
  const url = request.headers["x-ms-certificate-url"];
  if (typeof url !== "string") throw new Error("no X-MS-Certificate-Url header");
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe(CERTIFICATE_CONTENT_TYPE);
  return new X509Certificate(Buffer.from(await response.arrayBuffer()));
}

/** The base64 after "Signature ", as the sample receiver splits it. */
function signatureFrom(headerValue: string | string[] | undefined): Buffer {
  expect(typeof headerValue).toBe("string");
  const [scheme, token, ...rest] = String(headerValue).split(" ");
  expect(scheme).toBe("Signature");
  expect(rest).toEqual([]);
  return Buffer.from(token ?? "", "base64");
}

describe("signed webhook deliveries", () => {
  let harness: Harness;
  let certificateServer: Awaited<ReturnType<typeof serveCertificate>>;

  beforeEach(async () => {
    harness = await startHarness();
    certificateServer = await serveCertificate(harness.certificate);
    // The emulator's base URL is where its router serves the certificate; here, the tiny test server.
    harness.dispatcher.setApiBaseUrl(certificateServer.baseUrl);
  });

  afterEach(async () => {
    await harness.close();
    await certificateServer.close();
  });

  it("signs the exact body bytes in Authorization: Signature, verifiable with the downloaded certificate", async () => {
    harness.register(["referral-updated"]);
    harness.dispatcher.publish("referral-updated", "9f1c2e3d-aaaa-4bbb-8ccc-0123456789ab");
    await harness.dispatcher.idle();

    const [request] = harness.receiver.requests;
    if (request === undefined) throw new Error("nothing was delivered");
    expect(request.headers["x-ms-certificate-url"]).toBe(`${certificateServer.baseUrl}${CERTIFICATE_PATH}`);
    expect(request.headers["x-ms-signature-algorithm"]).toBe("rsa-sha256");
    expect(request.headers["x-ms-signature"]).toBeUndefined();
    const certificate = await downloadCertificate(request);
    expect(certificate.issuer.split("\n")).toContain("O=Microsoft Corporation");
    const signature = signatureFrom(request.headers.authorization);

    expect(verify("sha256", request.body, certificate.publicKey, signature)).toBe(true);
    const tampered = Buffer.from(request.body.toString("utf8").replace("referral-updated", "referral-created"));
    expect(verify("sha256", tampered, certificate.publicKey, signature)).toBe(false);
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(request.body.toString("utf8")), null, 2));
    expect(verify("sha256", reformatted, certificate.publicKey, signature)).toBe(false);
  });

  it("puts the signature in x-ms-signature and leaves Authorization out when the registration asks for it", async () => {
    harness.register(["referral-created"], { SignatureTokenToMsSignatureHeader: "true" });
    harness.dispatcher.publish("referral-created", "r-1");
    await harness.dispatcher.idle();

    const [request] = harness.receiver.requests;
    if (request === undefined) throw new Error("nothing was delivered");
    expect(request.headers.authorization).toBeUndefined();
    const certificate = await downloadCertificate(request);
    const signature = signatureFrom(request.headers["x-ms-signature"]);
    expect(verify("sha256", request.body, certificate.publicKey, signature)).toBe(true);
    expect(verify("sha256", Buffer.concat([request.body, Buffer.from(" ")]), certificate.publicKey, signature)).toBe(
      false,
    );
  });

  it("sends an explicit certificate URL when one is configured", async () => {
    harness.register(["referral-created"]);
    harness.dispatcher.setCertificateUrl("https://certs.example.com/pcnotifications-dispatch.cer");
    harness.dispatcher.publish("referral-created", "r-2", undefined, TENANT);
    await harness.dispatcher.idle();
    expect(harness.receiver.requests[0]?.headers["x-ms-certificate-url"]).toBe(
      "https://certs.example.com/pcnotifications-dispatch.cer",
    );
  });
});
