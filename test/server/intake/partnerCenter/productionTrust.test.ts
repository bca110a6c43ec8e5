/**
 * Production rules (trustEmulatorCertificates off): https only, issuer O=Microsoft Corporation, and a chain to a
 * configured trusted root (shared/reference/partner-center.md §2.4 steps 3 and 4). The emulator signs with its own
 * CA certificate; named "Microsoft Corporation" and configured as the trusted root it passes, otherwise it must not.
 */
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CERTIFICATE_PATH } from "../../../../emulators/partner-center";
import { createSigningCertificate } from "../../../../emulators/partner-center/webhooks";
import {
  CertificateStore,
  verifyPartnerCenterWebhook,
  type CertificateStoreOptions,
} from "../../../../server/intake/partnerCenter";
import { createCertificateChain, type CertificateChain } from "./certificateChain";
import { fakeCertificateHost } from "./fakeCertificateHost";
import { onlyDelivery, startIntakeHarness, type IntakeHarness } from "./harness";
import type { CapturedDelivery } from "./receiver";

/** Where a production-like deployment finds the certificate: https on a host of its own. */
const CERTIFICATE_HOST = "pcnotifications.emulator.test";
const HTTPS_CERTIFICATE_URL = `https://${CERTIFICATE_HOST}/cert/pcnotifications-dispatch.microsoft.com.cer`;
/** The ResourceUri the documentation shows (§2.3), on a host that is not the Referrals API's. */
const DOCUMENTED_RESOURCE_URI = "https://api.partnercenter.microsoft.com/engagements/v1/referrals/{referralId}";

/** Serves the https certificate URL from the emulator's own certificate route, as a CDN in front of it would. */
function fetchThroughEmulator(harness: IntakeHarness): typeof fetch {
  return (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const target = url === HTTPS_CERTIFICATE_URL ? `${harness.emulator.url}${CERTIFICATE_PATH}` : url;
    return fetch(target, init);
  };
}

function productionStore(harness: IntakeHarness, trustedRoots: readonly X509Certificate[]): CertificateStore {
  const options: CertificateStoreOptions = {
    allowedHosts: [CERTIFICATE_HOST],
    trustEmulatorCertificates: false,
    trustedRoots,
    fetch: fetchThroughEmulator(harness),
  };
  return new CertificateStore(options);
}

async function oneReferralDelivery(
  harness: IntakeHarness,
): Promise<{ delivery: CapturedDelivery; referralId: string }> {
  const referralId = await harness.shareReferral();
  const [delivery] = await harness.takeDeliveries();
  if (delivery === undefined) throw new Error("nothing was delivered");
  return { delivery, referralId };
}

describe("an emulator certificate issued by O=Microsoft Corporation", () => {
  let harness: IntakeHarness;
  let emulatorRoot: X509Certificate;

  beforeAll(async () => {
    harness = await startIntakeHarness({
      webhooks: {
        certificate: { organization: "Microsoft Corporation" },
        dispatcher: { certificateUrl: HTTPS_CERTIFICATE_URL, resourceUriTemplate: DOCUMENTED_RESOURCE_URI },
      },
    });
    emulatorRoot = new X509Certificate(harness.emulator.webhooks.certificate.certificateDer);
  });

  afterAll(async () => {
    await harness.close();
  });

  it("is accepted as the configured trusted root; the id comes from the documented ResourceUri", async () => {
    const { delivery, referralId } = await oneReferralDelivery(harness);
    expect(delivery.headers["x-ms-certificate-url"]).toBe(HTTPS_CERTIFICATE_URL);

    const event = await verifyPartnerCenterWebhook(delivery, productionStore(harness, [emulatorRoot]));
    expect(event.resourceUri).toBe(`https://api.partnercenter.microsoft.com/engagements/v1/referrals/${referralId}`);
    expect(event.referralId).toBe(referralId);
  });

  it("is refused when the trusted roots hold a different Microsoft-named CA", async () => {
    const stranger = await createSigningCertificate({ organization: "Microsoft Corporation" });
    const { delivery } = await oneReferralDelivery(harness);
    const store = productionStore(harness, [new X509Certificate(stranger.certificateDer)]);
    await expect(verifyPartnerCenterWebhook(delivery, store)).rejects.toMatchObject({
      status: 401,
      code: "certificate-untrusted",
      message: expect.stringMatching(
        /does not chain to a trusted root: it ends at the self-signed .*not a trusted root/,
      ) as unknown,
    });
  });

  it("parses a URL-encoded referral id from the last ResourceUri segment", async () => {
    const oddId = "Contoso Deal #7 ü";
    harness.emulator.webhooks.dispatcher.publish("referral-updated", oddId);
    const delivery = onlyDelivery(await harness.takeDeliveries());
    const sent = JSON.parse(delivery.rawBody.toString("utf8")) as { ResourceUri: string };
    expect(sent.ResourceUri).toBe(
      "https://api.partnercenter.microsoft.com/engagements/v1/referrals/Contoso%20Deal%20%237%20%C3%BC",
    );
    const event = await verifyPartnerCenterWebhook(delivery, productionStore(harness, [emulatorRoot]));
    expect(event.referralId).toBe(oddId);
  });

  it("is refused over http even from an allowed loopback host", async () => {
    harness.emulator.webhooks.dispatcher.setCertificateUrl(undefined);
    try {
      const { delivery } = await oneReferralDelivery(harness);
      const before = await harness.certificateDownloads();
      const store = new CertificateStore({
        allowedHosts: ["127.0.0.1"],
        trustEmulatorCertificates: false,
        trustedRoots: [emulatorRoot],
      });
      await expect(verifyPartnerCenterWebhook(delivery, store)).rejects.toMatchObject({
        status: 401,
        code: "certificate-url-not-allowed",
        message: expect.stringContaining("must use https; got http") as unknown,
      });
      expect(await harness.certificateDownloads()).toBe(before);
    } finally {
      harness.emulator.webhooks.dispatcher.setCertificateUrl(HTTPS_CERTIFICATE_URL);
    }
  });
});

describe("an emulator certificate with its default issuer", () => {
  it("is refused for its issuer even when it is a configured trusted root", async () => {
    const harness = await startIntakeHarness({ webhooks: { dispatcher: { certificateUrl: HTTPS_CERTIFICATE_URL } } });
    try {
      const { delivery } = await oneReferralDelivery(harness);
      const itself = new X509Certificate(harness.emulator.webhooks.certificate.certificateDer);
      await expect(verifyPartnerCenterWebhook(delivery, productionStore(harness, [itself]))).rejects.toMatchObject({
        status: 401,
        code: "certificate-untrusted",
        message: expect.stringContaining(
          "O=Partner Center Emulator' does not contain O=Microsoft Corporation",
        ) as unknown,
      });
    } finally {
      await harness.close();
    }
  });
});

describe("a root, intermediate and signer chain", () => {
  let chain: CertificateChain;
  /** Same names as `chain`, different keys: a forger copying Microsoft's certificate names. */
  let impostor: CertificateChain;
  const body = Buffer.from(
    JSON.stringify({
      EventName: "referral-updated",
      ResourceUri: "https://api.partner.microsoft.com/v1.0/engagements/referrals/302d9c01-7bd6-4a99-b38d-bad528144545",
      ResourceName: "referral",
      AuditUri: null,
      ResourceChangeUtcDate: "2018-02-17T00:05:39.5485487+00:00",
    }),
  );

  beforeAll(async () => {
    [chain, impostor] = await Promise.all([createCertificateChain(), createCertificateChain()]);
  });

  function storeTrusting(trustedRoots: readonly X509Certificate[], leafPem = chain.leafPem): CertificateStore {
    const host = fakeCertificateHost();
    host.serve(HTTPS_CERTIFICATE_URL, { body: leafPem });
    return new CertificateStore({
      allowedHosts: [CERTIFICATE_HOST],
      trustEmulatorCertificates: false,
      trustedRoots,
      fetch: host.fetch,
    });
  }

  function signed(signature: string) {
    return {
      rawBody: body,
      headers: {
        authorization: `Signature ${signature}`,
        "x-ms-certificate-url": HTTPS_CERTIFICATE_URL,
        "x-ms-signature-algorithm": "rsa-sha256",
      },
    };
  }

  it("is accepted through the configured intermediate up to the configured root", async () => {
    const event = await verifyPartnerCenterWebhook(
      signed(chain.signWithLeaf(body)),
      storeTrusting([chain.intermediate, chain.root]),
    );
    expect(event).toMatchObject({
      referralId: "302d9c01-7bd6-4a99-b38d-bad528144545",
      changedAt: "2018-02-17T00:05:39.548Z",
    });
  });

  it("is refused when the intermediate is not configured, or the root is not", async () => {
    const request = signed(chain.signWithLeaf(body));
    await expect(verifyPartnerCenterWebhook(request, storeTrusting([chain.root]))).rejects.toMatchObject({
      code: "certificate-untrusted",
      message: expect.stringContaining("no trusted certificate issued CN=pcnotifications-dispatch.test") as unknown,
    });
    await expect(verifyPartnerCenterWebhook(request, storeTrusting([chain.intermediate]))).rejects.toMatchObject({
      code: "certificate-untrusted",
      message: expect.stringContaining("no trusted certificate issued CN=Test Secure Server CA") as unknown,
    });
  });

  it("is refused when the signer only copies the names of the trusted intermediate, not its signature", async () => {
    const forged = signed(impostor.signWithLeaf(body));
    const store = storeTrusting([chain.intermediate, chain.root], impostor.leafPem);
    await expect(verifyPartnerCenterWebhook(forged, store)).rejects.toMatchObject({
      status: 401,
      code: "certificate-untrusted",
    });
  });

  it("is refused when the intermediate has expired", async () => {
    const stale = await createCertificateChain({ intermediateExpired: true });
    const request = signed(stale.signWithLeaf(body));
    await expect(
      verifyPartnerCenterWebhook(request, storeTrusting([stale.intermediate, stale.root], stale.leafPem)),
    ).rejects.toMatchObject({ status: 401, code: "certificate-untrusted" });
  });

  it("needs trustedRoots when emulator certificates are not trusted", () => {
    expect(() => new CertificateStore({ allowedHosts: [CERTIFICATE_HOST], trustEmulatorCertificates: false })).toThrow(
      /trustedRoots must hold the Microsoft root/,
    );
  });
});
