/**
 * The certificate store on its own, with a scripted certificate host: the allowlist, what it accepts as a
 * certificate, how it shares and caches downloads, and which failures it never caches
 * (shared/reference/partner-center.md §2.4 step 2, §2.5 retries).
 */
import { KeyObject, sign, webcrypto, X509Certificate } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { beforeAll, describe, expect, it } from "vitest";
import { createSigningCertificate, type SigningCertificate } from "../../../../emulators/partner-center/webhooks";
import { ManualClock } from "../../../../emulators/shared/clock";
import {
  CertificateStore,
  IntakeError,
  verifyPartnerCenterWebhook,
  type CertificateStoreOptions,
} from "../../../../server/intake/partnerCenter";
import { fakeCertificateHost, type FakeCertificateHost } from "./fakeCertificateHost";

const URL_ON_ALLOWED_HOST = "https://certs.partner.example/cert/pcnotifications-dispatch.cer";
const HOUR_MS = 60 * 60 * 1000;

let certificate: SigningCertificate;

beforeAll(async () => {
  certificate = await createSigningCertificate();
});

function storeFor(host: FakeCertificateHost, options: Partial<CertificateStoreOptions> = {}): CertificateStore {
  return new CertificateStore({
    allowedHosts: ["certs.partner.example"],
    trustEmulatorCertificates: true,
    fetch: host.fetch,
    ...options,
  });
}

async function refusalOf(promise: Promise<unknown>): Promise<IntakeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error("the certificate was accepted");
}

describe("the allowlist", () => {
  it("matches hosts exactly and case-insensitively, and pins a port only when the entry names one", async () => {
    const host = fakeCertificateHost();
    host.serve("https://certs.partner.example:8443/c.cer", { body: certificate.certificateDer });
    const store = storeFor(host, { allowedHosts: ["CERTS.Partner.Example"] });
    await expect(store.get("https://Certs.PARTNER.example:8443/c.cer")).resolves.toBeInstanceOf(X509Certificate);
    expect(await refusalOf(store.get("https://evil-certs.partner.example/c.cer"))).toMatchObject({ status: 401 });
    expect(await refusalOf(store.get("https://certs.partner.example.evil.test/c.cer"))).toMatchObject({ status: 401 });

    const pinned = storeFor(host, { allowedHosts: ["certs.partner.example:8443"] });
    await expect(pinned.get("https://certs.partner.example:8443/c.cer")).resolves.toBeInstanceOf(X509Certificate);
    expect(await refusalOf(pinned.get("https://certs.partner.example:9443/c.cer"))).toMatchObject({
      code: "certificate-url-not-allowed",
    });
  });

  it("refuses http off loopback even with emulator certificates trusted, credentials, and relative URLs", async () => {
    const host = fakeCertificateHost();
    const store = storeFor(host);
    expect(await refusalOf(store.get("http://certs.partner.example/c.cer"))).toMatchObject({
      status: 401,
      message: expect.stringContaining("must use https") as unknown,
    });
    expect(await refusalOf(store.get("https://user:pw@certs.partner.example/c.cer"))).toMatchObject({ status: 401 });
    expect(await refusalOf(store.get("/cert/c.cer"))).toMatchObject({ status: 400, code: "invalid-certificate-url" });
    expect(host.calls).toEqual([]);
  });

  it("rejects configuration that cannot work", () => {
    const host = fakeCertificateHost();
    expect(() => storeFor(host, { allowedHosts: [] })).toThrow(RangeError);
    expect(() => storeFor(host, { allowedHosts: ["https://certs.partner.example/"] })).toThrow(/not URLs/);
    expect(() => storeFor(host, { cacheTtlMs: 0 })).toThrow(/cacheTtlMs/);
  });
});

describe("what counts as a certificate", () => {
  it("accepts DER and PEM", async () => {
    const host = fakeCertificateHost();
    host.serve(URL_ON_ALLOWED_HOST, { body: certificate.certificatePem });
    const fromPem = await storeFor(host).get(URL_ON_ALLOWED_HOST);
    expect(fromPem.raw.equals(certificate.certificateDer)).toBe(true);
  });

  it("refuses something else, something too large, and a redirect, with 401", async () => {
    const host = fakeCertificateHost();
    host.serve(URL_ON_ALLOWED_HOST, { body: "<html>storage account error</html>" });
    expect(await refusalOf(storeFor(host).get(URL_ON_ALLOWED_HOST))).toMatchObject({
      status: 401,
      code: "certificate-invalid",
    });
    host.serve(URL_ON_ALLOWED_HOST, { body: certificate.certificateDer });
    expect(await refusalOf(storeFor(host, { maxCertificateBytes: 100 }).get(URL_ON_ALLOWED_HOST))).toMatchObject({
      status: 401,
      message: expect.stringContaining("larger than 100 bytes") as unknown,
    });
    host.serve(URL_ON_ALLOWED_HOST, { status: 302, body: "", headers: { location: "https://elsewhere.test/c.cer" } });
    expect(await refusalOf(storeFor(host).get(URL_ON_ALLOWED_HOST))).toMatchObject({
      status: 401,
      message: expect.stringContaining("redirects are not followed") as unknown,
    });
  });

  it("refuses a signature from a certificate whose key is not RSA", async () => {
    const ecdsa = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
    const keys = await webcrypto.subtle.generateKey(ecdsa, true, ["sign", "verify"]);
    const ecCertificate = await x509.X509CertificateGenerator.createSelfSigned(
      { serialNumber: "01", name: "CN=ec, O=Microsoft Corporation", keys, signingAlgorithm: ecdsa },
      globalThis.crypto,
    );
    const host = fakeCertificateHost();
    host.serve(URL_ON_ALLOWED_HOST, { body: Buffer.from(ecCertificate.rawData) });
    const body = Buffer.from("{}");
    const privateKey = KeyObject.from(keys.privateKey);
    const request = {
      rawBody: body,
      headers: {
        authorization: `Signature ${sign("sha256", body, privateKey).toString("base64")}`,
        "x-ms-certificate-url": URL_ON_ALLOWED_HOST,
        "x-ms-signature-algorithm": "rsa-sha256",
      },
    };
    expect(await refusalOf(verifyPartnerCenterWebhook(request, storeFor(host)))).toMatchObject({
      status: 401,
      code: "certificate-invalid",
      message: expect.stringContaining("has a ec key") as unknown,
    });
  });
});

describe("downloads and the cache", () => {
  it("shares one download between concurrent callers, and one failure too", async () => {
    const host = fakeCertificateHost();
    host.serve(URL_ON_ALLOWED_HOST, new TypeError("fetch failed"), { body: certificate.certificateDer });
    const store = storeFor(host);
    const failures = await Promise.all([1, 2, 3].map(() => refusalOf(store.get(URL_ON_ALLOWED_HOST))));
    expect(failures.map((error) => [error.status, error.code])).toEqual(
      Array(3).fill([503, "certificate-unavailable"]),
    );
    expect(host.calls).toHaveLength(1);

    const got = await Promise.all([1, 2, 3].map(() => store.get(URL_ON_ALLOWED_HOST)));
    expect(new Set(got).size).toBe(1);
    expect(host.calls).toHaveLength(2);
  });

  it("does not cache an error status: the next delivery downloads again, and a success is then reused", async () => {
    const host = fakeCertificateHost();
    host.serve(URL_ON_ALLOWED_HOST, { status: 500, body: "busy" }, { body: certificate.certificateDer });
    const store = storeFor(host);
    expect(await refusalOf(store.get(URL_ON_ALLOWED_HOST))).toMatchObject({
      status: 503,
      retryable: true,
      message: expect.stringContaining("answered HTTP 500") as unknown,
    });
    await store.get(URL_ON_ALLOWED_HOST);
    await store.get(URL_ON_ALLOWED_HOST);
    expect(host.calls).toHaveLength(2);
  });

  it("gives up on a host that does not answer in time, with 503", async () => {
    const hanging = ((_input: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => {
          reject(init.signal?.reason as Error);
        });
      })) as typeof fetch;
    const store = new CertificateStore({
      allowedHosts: ["certs.partner.example"],
      trustEmulatorCertificates: true,
      fetch: hanging,
      downloadTimeoutMs: 20,
    });
    expect(await refusalOf(store.get(URL_ON_ALLOWED_HOST))).toMatchObject({
      status: 503,
      message: expect.stringContaining("no answer within 20 ms") as unknown,
    });
  });

  it("downloads again once the cache TTL has passed", async () => {
    const host = fakeCertificateHost();
    host.serve(URL_ON_ALLOWED_HOST, { body: certificate.certificateDer });
    const clock = new ManualClock(new Date());
    const store = storeFor(host, { clock, cacheTtlMs: HOUR_MS });
    await store.get(URL_ON_ALLOWED_HOST);
    clock.advance(HOUR_MS - 1);
    await store.get(URL_ON_ALLOWED_HOST);
    expect(host.calls).toHaveLength(1);
    clock.advance(1);
    await store.get(URL_ON_ALLOWED_HOST);
    expect(host.calls).toHaveLength(2);
  });

  it("stops using a cached certificate the moment it expires, even within a long TTL", async () => {
    const host = fakeCertificateHost();
    host.serve(URL_ON_ALLOWED_HOST, { body: certificate.certificateDer });
    const clock = new ManualClock(new Date());
    const store = storeFor(host, { clock, cacheTtlMs: 1000 * 24 * HOUR_MS });
    await store.get(URL_ON_ALLOWED_HOST);
    clock.set(new Date(certificate.notAfter.getTime() + 60_000));
    expect(await refusalOf(store.get(URL_ON_ALLOWED_HOST))).toMatchObject({ status: 401, code: "certificate-expired" });
    // It was downloaded again first, in case a renewed certificate had been published at the same URL.
    expect(host.calls).toHaveLength(2);
  });
});
