/**
 * Genuine signed deliveries from the Partner Center emulator, verified by the intake with emulator certificates
 * trusted (shared/reference/partner-center.md §2.3, §2.4): both signature header modes, every referral event and
 * the validation event, and the certificate downloaded once for many events.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REFERRALS_PATH } from "../../../../emulators/partner-center";
import {
  CertificateStore,
  toSyncJob,
  verifyPartnerCenterWebhook,
  type PartnerCenterEvent,
} from "../../../../server/intake/partnerCenter";
import { onlyDelivery, startIntakeHarness, type IntakeHarness } from "./harness";
import type { CapturedDelivery } from "./receiver";

let harness: IntakeHarness;

/** What the service configures for the local emulator: its host, emulator certificates trusted. */
function emulatorStore(): CertificateStore {
  return new CertificateStore({ allowedHosts: ["127.0.0.1"], trustEmulatorCertificates: true });
}

function verifyAll(deliveries: readonly CapturedDelivery[], store: CertificateStore): Promise<PartnerCenterEvent[]> {
  return Promise.all(deliveries.map((delivery) => verifyPartnerCenterWebhook(delivery, store)));
}

beforeAll(async () => {
  harness = await startIntakeHarness();
});

beforeEach(async () => {
  await harness.takeDeliveries();
  await harness.register(false);
});

afterAll(async () => {
  await harness.close();
});

describe("deliveries with the signature in Authorization", () => {
  it("verifies referral-created and related-referral-created for a shared referral, naming it", async () => {
    const referralId = await harness.shareReferral();
    const deliveries = await harness.takeDeliveries();
    expect(deliveries.map((delivery) => delivery.headers.authorization?.startsWith("Signature "))).toEqual([
      true,
      true,
    ]);

    const events = await verifyAll(deliveries, emulatorStore());
    const resourceUri = `${harness.emulator.url}${REFERRALS_PATH}/${referralId}`;
    expect(events.map((event) => event.eventName).sort()).toEqual(["referral-created", "related-referral-created"]);
    for (const event of events) {
      expect(event).toMatchObject({ referralId, resourceUri, changedAt: harness.clock.now().toISOString() });
      expect(event.isTest).toBe(false);
      expect(toSyncJob(event)).toEqual({
        kind: "partner-center-referral",
        referralId,
        eventName: event.eventName,
        changedAt: harness.clock.now().toISOString(),
        dedupeKey: `referral:${referralId}`,
      });
    }
  });

  it("verifies referral-updated with the change time of the emulator's clock", async () => {
    const referralId = await harness.shareReferral();
    await harness.takeDeliveries();
    harness.clock.advance(90 * 60 * 1000);
    await harness.updateDeal(referralId);

    const event = await verifyPartnerCenterWebhook(onlyDelivery(await harness.takeDeliveries()), emulatorStore());
    expect(event).toMatchObject({
      eventName: "referral-updated",
      referralId,
      changedAt: harness.clock.now().toISOString(),
    });
  });

  it("verifies Partner Center's test-created event and turns it into nothing to sync", async () => {
    await harness.sendTestEvent();
    const event = await verifyPartnerCenterWebhook(onlyDelivery(await harness.takeDeliveries()), emulatorStore());
    expect(event.eventName).toBe("test-created");
    expect(event.isTest).toBe(true);
    // The documented validation ResourceUri ends with the correlation id (§2.1).
    expect(event.resourceUri.endsWith(`/validationEvents/${event.referralId}`)).toBe(true);
    const job = toSyncJob(event);
    expect(job.kind).toBe("ignored");
    expect(job).toHaveProperty("reason", expect.stringContaining("validation event"));
  });
});

describe("deliveries with the signature in x-ms-signature (SignatureTokenToMsSignatureHeader)", () => {
  it("verifies them without any Authorization header", async () => {
    await harness.register(true);
    const referralId = await harness.shareReferral();
    const deliveries = await harness.takeDeliveries();
    expect(deliveries).toHaveLength(2);
    for (const delivery of deliveries) {
      expect(delivery.headers.authorization).toBeUndefined();
      expect(delivery.headers["x-ms-signature"]).toMatch(/^Signature /);
    }
    const events = await verifyAll(deliveries, emulatorStore());
    expect(events.map((event) => event.referralId)).toEqual([referralId, referralId]);
  });

  it("refuses a tampered body in this mode too", async () => {
    await harness.register(true);
    await harness.shareReferral();
    const [delivery] = await harness.takeDeliveries();
    if (delivery === undefined) throw new Error("nothing was delivered");
    const tampered = {
      ...delivery,
      rawBody: Buffer.from(delivery.rawBody.toString("utf8").replace("-created", "-updated")),
    };
    await expect(verifyPartnerCenterWebhook(tampered, emulatorStore())).rejects.toMatchObject({
      status: 401,
      code: "signature-mismatch",
    });
  });
});

describe("the certificate cache", () => {
  it("downloads the certificate once for many events, even when they are verified concurrently", async () => {
    const before = await harness.certificateDownloads();
    const store = emulatorStore();
    const ids = [await harness.shareReferral(), await harness.shareReferral(), await harness.shareReferral()];
    const deliveries = await harness.takeDeliveries();
    expect(deliveries).toHaveLength(6);

    const events = await verifyAll(deliveries, store);
    expect(new Set(events.map((event) => event.referralId))).toEqual(new Set(ids));
    await harness.updateDeal(ids[0] ?? "");
    await verifyAll(await harness.takeDeliveries(), store);
    expect((await harness.certificateDownloads()) - before).toBe(1);
  });

  it("does not cache a failed download: the sender's retry downloads again and succeeds", async () => {
    const store = emulatorStore();
    // The receiver verifies inline and answers as the HTTP layer would: the error's status, or 200.
    harness.receiver.answerWith(async (delivery) => {
      try {
        await verifyPartnerCenterWebhook(delivery, store);
        return 200;
      } catch (error) {
        return (error as { status?: number }).status ?? 500;
      }
    });
    await harness.emulator.admin.addFault({
      match: { method: "GET", pathPrefix: "/webhooks/certificates/" },
      fault: { kind: "status", status: 500 },
      remaining: 1,
    });
    try {
      const before = await harness.certificateDownloads();
      await harness.sendTestEvent();
      await harness.takeDeliveries();
      const attempts = (await harness.emulator.admin.deliveries()).filter(
        (entry) => entry.eventName === "test-created",
      );
      // The first attempt got 503 (the download failed); Partner Center retried (§2.5) and the retry was verified.
      expect(attempts.slice(-2).map((entry) => entry.statusCode)).toEqual([503, 200]);
      expect((await harness.certificateDownloads()) - before).toBe(2);
      expect(await harness.emulator.admin.offlineQueue()).toEqual([]);
    } finally {
      harness.receiver.answerWith(undefined);
      await harness.emulator.admin.clearFaults();
    }
  });
});
