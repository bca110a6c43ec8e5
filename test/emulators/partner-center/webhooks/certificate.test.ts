import { verify, X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../emulators/shared/clock";
import { createSigningCertificate, type SigningCertificate } from "../../../../emulators/partner-center/webhooks";

describe("createSigningCertificate", () => {
  let certificate: SigningCertificate;

  beforeAll(async () => {
    certificate = await createSigningCertificate({ organization: "Microsoft Corporation", validityDays: 30 });
  });

  it("makes a self-signed RSA-2048 certificate whose issuer carries the configured organisation", () => {
    const parsed = new X509Certificate(certificate.certificateDer);
    expect(parsed.subject.split("\n")).toEqual([
      "CN=pcnotifications-dispatch.emulator.local",
      "O=Microsoft Corporation",
    ]);
    // The real receiver's step 4 (partner-center.md §2.4): the issuer must contain O=Microsoft Corporation.
    expect(parsed.issuer.split("\n")).toContain("O=Microsoft Corporation");
    expect(parsed.checkIssued(parsed)).toBe(true);
    expect(parsed.verify(parsed.publicKey)).toBe(true);
    expect(parsed.publicKey.asymmetricKeyType).toBe("rsa");
    expect(parsed.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it("gives the same certificate as DER and PEM", () => {
    const fromPem = new X509Certificate(certificate.certificatePem);
    expect(certificate.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(fromPem.raw.equals(certificate.certificateDer)).toBe(true);
  });

  it("signs bytes with RSASSA-PKCS1-v1_5 SHA-256 so that the public key verifies them, and only them", () => {
    const body = Buffer.from('{"EventName":"referral-updated","note":"héllo"}', "utf8");
    const signature = Buffer.from(certificate.sign(body), "base64");
    const publicKey = new X509Certificate(certificate.certificateDer).publicKey;
    expect(verify("sha256", body, publicKey, signature)).toBe(true);
    expect(verify("sha256", Buffer.from(body.toString("utf8").replace("é", "e")), publicKey, signature)).toBe(false);
  });

  it("keeps the private key out of everything it exposes", () => {
    const exposed =
      JSON.stringify(certificate) + certificate.certificatePem + certificate.certificateDer.toString("latin1");
    expect(exposed).not.toMatch(/PRIVATE KEY/);
    expect(Object.keys(certificate).sort()).toEqual(
      ["certificateDer", "certificatePem", "notAfter", "notBefore", "sign", "subject"].sort(),
    );
  });

  it("uses the defaults and the clock for the validity period", async () => {
    const clock = new ManualClock("2026-05-01T00:00:00Z");
    const other = await createSigningCertificate({ clock, validityDays: 2 });
    const parsed = new X509Certificate(other.certificateDer);
    expect(parsed.subject.split("\n")).toEqual([
      "CN=pcnotifications-dispatch.emulator.local",
      "O=Partner Center Emulator",
    ]);
    expect(new Date(parsed.validFrom).toISOString()).toBe("2026-04-30T23:00:00.000Z");
    expect(new Date(parsed.validTo).toISOString()).toBe("2026-05-02T23:00:00.000Z");
    expect(other.certificateDer.equals(certificate.certificateDer)).toBe(false);
  });

  it("refuses a validity that is not positive", async () => {
    await expect(createSigningCertificate({ validityDays: 0 })).rejects.toThrow("validityDays must be positive");
  });
});
