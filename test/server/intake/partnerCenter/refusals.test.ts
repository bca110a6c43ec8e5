/**
 * Deliveries the intake must refuse, made from genuine emulator deliveries by changing one thing at a time:
 * body, signature, certificate, headers, certificate host, and the clock against the certificate's validity
 * (shared/reference/partner-center.md §2.4: 401 for signature and certificate problems, 400 for missing headers).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../emulators/shared/clock";
import { CertificateStore, verifyPartnerCenterWebhook } from "../../../../server/intake/partnerCenter";
import { startIntakeHarness, withHeaders, type IntakeHarness } from "./harness";
import type { CapturedDelivery } from "./receiver";

const DAY_MS = 24 * 60 * 60 * 1000;

let harness: IntakeHarness;
let created: CapturedDelivery;
let related: CapturedDelivery;

function emulatorStore(options: { clock?: ManualClock; allowedHosts?: string[] } = {}): CertificateStore {
  return new CertificateStore({
    allowedHosts: options.allowedHosts ?? ["127.0.0.1"],
    trustEmulatorCertificates: true,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
}

function refusal(delivery: CapturedDelivery, store = emulatorStore()): Promise<unknown> {
  return verifyPartnerCenterWebhook(delivery, store).then(
    () => {
      throw new Error("the delivery was accepted");
    },
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  harness = await startIntakeHarness();
  await harness.shareReferral();
  const deliveries = await harness.takeDeliveries();
  const byEvent = (name: string) => deliveries.find((delivery) => delivery.rawBody.toString("utf8").includes(name));
  const first = byEvent('"referral-created"');
  const second = byEvent('"related-referral-created"');
  if (first === undefined || second === undefined) throw new Error("the emulator did not deliver both events");
  created = first;
  related = second;
});

afterAll(async () => {
  await harness.close();
});

describe("the body and the signature", () => {
  it("accepts the untouched delivery (the baseline every refusal below changes one thing of)", async () => {
    await expect(verifyPartnerCenterWebhook(created, emulatorStore())).resolves.toMatchObject({
      eventName: "referral-created",
    });
  });

  it("refuses a body changed by one byte, or merely re-serialised", async () => {
    const flipped = Buffer.from(created.rawBody);
    const index = flipped.length - 2;
    flipped.writeUInt8(flipped.readUInt8(index) ^ 1, index);
    expect(await refusal({ ...created, rawBody: flipped })).toMatchObject({
      status: 401,
      code: "signature-mismatch",
      message: expect.stringMatching(/^signature does not match the body/) as unknown,
    });
    const pretty = Buffer.from(JSON.stringify(JSON.parse(created.rawBody.toString("utf8")), null, 2));
    expect(await refusal({ ...created, rawBody: pretty })).toMatchObject({ code: "signature-mismatch" });
  });

  it("refuses a genuine signature of another delivery", async () => {
    const borrowed = withHeaders(created, { authorization: related.headers.authorization });
    expect(await refusal(borrowed)).toMatchObject({ status: 401, code: "signature-mismatch" });
  });

  it("refuses a signature made with another key behind a swapped certificate URL", async () => {
    const other = await startIntakeHarness();
    try {
      const swapped = withHeaders(created, { "x-ms-certificate-url": other.certificateUrl });
      expect(await refusal(swapped)).toMatchObject({ status: 401, code: "signature-mismatch" });
      expect(await other.certificateDownloads()).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe("the headers", () => {
  it("refuses a delivery without a signature (401), or with a Bearer token instead (401)", async () => {
    expect(await refusal(withHeaders(created, { authorization: undefined }))).toMatchObject({
      status: 401,
      code: "missing-signature",
    });
    const bearer = await refusal(withHeaders(created, { authorization: "Bearer secret-token-value" }));
    expect(bearer).toMatchObject({ status: 401, code: "invalid-signature-header" });
    expect((bearer as Error).message).not.toContain("secret-token-value");
  });

  it("refuses a missing certificate URL or algorithm with 400, and names an unsupported algorithm", async () => {
    expect(await refusal(withHeaders(created, { "x-ms-certificate-url": undefined }))).toMatchObject({
      status: 400,
      code: "missing-certificate-url",
    });
    expect(await refusal(withHeaders(created, { "x-ms-signature-algorithm": undefined }))).toMatchObject({
      status: 400,
      code: "missing-signature-algorithm",
    });
    expect(await refusal(withHeaders(created, { "x-ms-signature-algorithm": "rsa-sha1" }))).toMatchObject({
      status: 400,
      code: "unsupported-signature-algorithm",
      message: expect.stringContaining("'rsa-sha1'") as unknown,
    });
  });
});

describe("the certificate", () => {
  it("refuses a certificate host that is not on the allowlist, without downloading anything", async () => {
    const before = await harness.certificateDownloads();
    const store = emulatorStore({ allowedHosts: ["3psostorageacct.blob.core.windows.net", "localhost"] });
    const port = new URL(harness.certificateUrl).port;
    expect(await refusal(created, store)).toMatchObject({
      status: 401,
      code: "certificate-url-not-allowed",
      message:
        `certificate host '127.0.0.1:${port}' is not allowed; ` +
        "allowed hosts: 3psostorageacct.blob.core.windows.net, localhost",
    });
    expect(await harness.certificateDownloads()).toBe(before);
  });

  it("refuses an expired certificate, even a cached one, and looks for a rotated one first", async () => {
    const clock = new ManualClock(new Date());
    const store = emulatorStore({ clock });
    await verifyPartnerCenterWebhook(created, store);
    const before = await harness.certificateDownloads();

    clock.advance(366 * DAY_MS);
    expect(await refusal(created, store)).toMatchObject({
      status: 401,
      code: "certificate-expired",
      message: expect.stringContaining("has expired") as unknown,
    });
    expect((await harness.certificateDownloads()) - before).toBe(1);
  });

  it("refuses a certificate that is not valid yet", async () => {
    const clock = new ManualClock(new Date(Date.now() - 2 * DAY_MS));
    expect(await refusal(created, emulatorStore({ clock }))).toMatchObject({
      status: 401,
      code: "certificate-expired",
      message: expect.stringContaining("is not valid yet") as unknown,
    });
  });
});
