/**
 * Webhook delivery end to end (shared/reference/partner-center.md §2.2 to §2.5): a receiver registered through the
 * API gets signed PascalCase events for changes made through the Referrals API and through Microsoft's admin
 * actions, verifies them with the certificate the emulator serves, and GETs the ResourceUri. Failing receivers fill
 * the offline queue after 10 attempts; duplicates and out-of-order delivery are switches.
 */
import { verify, X509Certificate } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Referral } from "../../../../core";
import { CERTIFICATE_PATH, REFERRALS_PATH, REGISTRATION_PATH } from "../../../../emulators/partner-center";
import { aReferralBody, anInboundRequest, call, startTestEmulator, tokensFor } from "./harness";
import { eventOf, startReceiver, type ReceivedRequest, type Receiver } from "./receiver";

const REFERRAL_EVENTS = [
  "referral-created",
  "referral-updated",
  "related-referral-created",
  "related-referral-updated",
];

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let tokens: ReturnType<typeof tokensFor>;
let receiver: Receiver;

async function register(method: "POST" | "PUT", msSignatureHeader: boolean): Promise<void> {
  const registered = await call(emulator, method, REGISTRATION_PATH, {
    token: await tokens.webhooks(),
    body: {
      WebhookUrl: receiver.url,
      WebhookEvents: REFERRAL_EVENTS,
      SignatureTokenToMsSignatureHeader: msSignatureHeader,
    },
  });
  expect(registered.status).toBe(200);
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  tokens = tokensFor(emulator);
  receiver = await startReceiver();
  await register("POST", false);
});

beforeEach(async () => {
  await emulator.admin.waitForDeliveries();
  receiver.clear();
  receiver.answerWith(200);
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

async function createReferral(overrides: Record<string, unknown> = {}): Promise<Referral> {
  const created = await call(emulator, "POST", REFERRALS_PATH, {
    token: await tokens.referrals(),
    body: aReferralBody(overrides),
  });
  expect(created.status).toBe(200);
  return created.body as Referral;
}

/** What a receiver does (§2.4): download the certificate named by the header and check the signature. */
async function verifySignature(request: ReceivedRequest, header: "authorization" | "x-ms-signature"): Promise<boolean> {
  expect(request.headers["x-ms-signature-algorithm"]).toBe("rsa-sha256");
  const certificateUrl = request.headers["x-ms-certificate-url"];
  expect(certificateUrl).toBe(`${emulator.url}${CERTIFICATE_PATH}`);
  const download = await fetch(String(certificateUrl));
  expect(download.status).toBe(200);
  const certificate = new X509Certificate(Buffer.from(await download.arrayBuffer()));
  const [scheme, signature = ""] = String(request.headers[header]).split(" ");
  expect(scheme).toBe("Signature");
  return verify("sha256", request.body, certificate.publicKey, Buffer.from(signature, "base64"));
}

/** Concurrent deliveries may arrive in any order, so the order is only asserted where the emulator fixes it. */
function expectEventsInAnyOrder(expected: { name: string; uri: string }[]): void {
  const key = (event: { name: unknown; uri: unknown }) => `${String(event.name)} ${String(event.uri)}`;
  expect(eventsReceived().map(key).sort()).toEqual(expected.map(key).sort());
}

function eventsReceived(): { name: unknown; uri: unknown }[] {
  return receiver.requests.map((request) => {
    const event = eventOf(request);
    return { name: event.EventName, uri: event.ResourceUri };
  });
}

describe("a full round trip", () => {
  it("delivers referral-created for a POST, signed over the raw body, with a ResourceUri that GETs the referral", async () => {
    const referral = await createReferral();
    await emulator.admin.waitForDeliveries();

    expect(receiver.requests).toHaveLength(1);
    const [delivered] = receiver.requests;
    if (delivered === undefined) throw new Error("nothing was delivered");
    expect(delivered.method).toBe("POST");
    expect(delivered.path).toBe("/webhooks/partner-center");
    expect(delivered.headers["content-type"]).toBe("application/json");
    expect(delivered.headers["x-ms-signature"]).toBeUndefined();
    expect(await verifySignature(delivered, "authorization")).toBe(true);
    const tampered = { ...delivered, body: Buffer.from(delivered.body.toString("utf8").replace("created", "updated")) };
    expect(await verifySignature(tampered, "authorization")).toBe(false);

    const event = eventOf(delivered);
    expect(Object.keys(event)).toEqual([
      "EventName",
      "ResourceUri",
      "ResourceName",
      "AuditUri",
      "ResourceChangeUtcDate",
    ]);
    expect(event).toMatchObject({ EventName: "referral-created", ResourceName: "referral", AuditUri: null });
    expect(event.ResourceChangeUtcDate).toBe(`${referral.createdDateTime.slice(0, 23)}0000+00:00`);

    const resource = await fetch(String(event.ResourceUri), {
      headers: { authorization: `Bearer ${await tokens.referrals()}` },
    });
    expect(resource.status).toBe(200);
    expect(((await resource.json()) as Referral).id).toBe(referral.id);
  });

  it("delivers referral-updated for a PATCH through the API", async () => {
    const referral = await createReferral();
    const patched = await call(emulator, "PATCH", `${REFERRALS_PATH}/${referral.id}`, {
      token: await tokens.referrals(),
      body: [{ op: "replace", path: "/details/notes", value: "changed" }],
    });
    expect(patched.status).toBe(204);
    await emulator.admin.waitForDeliveries();
    expectEventsInAnyOrder([
      { name: "referral-created", uri: `${emulator.url}${REFERRALS_PATH}/${referral.id}` },
      { name: "referral-updated", uri: `${emulator.url}${REFERRALS_PATH}/${referral.id}` },
    ]);
  });

  it("delivers events for Microsoft's actions: inbound referral, deal update, accepting the partner's invitation", async () => {
    const inbound = await emulator.admin.createInboundReferral(anInboundRequest());
    await emulator.admin.updateDealAsMicrosoft(inbound.referral.id, { dealValue: 75000 });
    const mine = await createReferral();
    await createReferral({
      engagementId: mine.engagementId,
      target: [{ type: "BusinessProfileLocation", id: "msft" }],
    });
    await emulator.admin.waitForDeliveries();
    receiver.clear();
    await emulator.admin.acceptAsMicrosoft(mine.engagementId);
    await emulator.admin.waitForDeliveries();
    // Microsoft's referral changed; the event names the partner's referral, which the receiver GETs (§2.2).
    expect(eventsReceived()).toEqual([
      { name: "related-referral-updated", uri: `${emulator.url}${REFERRALS_PATH}/${mine.id}` },
    ]);
    const [accepted] = receiver.requests;
    if (accepted === undefined) throw new Error("nothing was delivered");
    expect(await verifySignature(accepted, "authorization")).toBe(true);
  });

  it("announces Microsoft's inbound referral as referral-created plus related-referral-created", async () => {
    const inbound = await emulator.admin.createInboundReferral(anInboundRequest());
    await emulator.admin.updateDealAsMicrosoft(inbound.referral.id, { notes: "Seller notes" });
    await emulator.admin.waitForDeliveries();
    const uri = `${emulator.url}${REFERRALS_PATH}/${inbound.referral.id}`;
    expectEventsInAnyOrder([
      { name: "referral-created", uri },
      { name: "related-referral-created", uri },
      { name: "referral-updated", uri },
    ]);
  });

  it("signs in x-ms-signature and leaves Authorization out when the registration asks for it", async () => {
    await register("PUT", true);
    try {
      await createReferral();
      await emulator.admin.waitForDeliveries();
      const [delivered] = receiver.requests;
      if (delivered === undefined) throw new Error("nothing was delivered");
      expect(delivered.headers.authorization).toBeUndefined();
      expect(await verifySignature(delivered, "x-ms-signature")).toBe(true);
    } finally {
      await register("PUT", false);
    }
  });
});

describe("retries, the offline queue and delivery faults (§2.5)", () => {
  it("makes 10 attempts, parks the event in the offline queue, and redelivers it on request", async () => {
    receiver.answerWith(500);
    const referral = await createReferral();
    await emulator.admin.waitForDeliveries();
    expect(receiver.requests).toHaveLength(10);
    expect(new Set(receiver.requests.map((request) => request.body.toString("utf8"))).size).toBe(1);

    const offline = await emulator.admin.offlineQueue();
    expect(offline).toHaveLength(1);
    const [parked] = offline;
    if (parked === undefined) throw new Error("the offline queue is empty");
    expect(parked).toMatchObject({
      eventName: "referral-created",
      referralId: referral.id,
      attempts: 10,
      lastError: "HTTP 500",
    });
    const attempts = (await emulator.admin.deliveries()).filter((entry) => entry.deliveryId === parked.deliveryId);
    expect(attempts.map((entry) => entry.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    receiver.answerWith(200);
    expect(await emulator.admin.redeliver(parked.deliveryId)).toEqual({ redelivered: [parked.deliveryId] });
    await emulator.admin.waitForDeliveries();
    expect(receiver.requests).toHaveLength(11);
    expect(receiver.requests[10]?.body.toString("utf8")).toBe(parked.body);
    expect(await emulator.admin.offlineQueue()).toEqual([]);
  });

  it("redelivers everything in the offline queue at once", async () => {
    receiver.answerWith(503);
    await createReferral();
    await createReferral();
    await emulator.admin.waitForDeliveries();
    expect(await emulator.admin.offlineQueue()).toHaveLength(2);
    receiver.answerWith(200);
    receiver.clear();
    const { redelivered } = await emulator.admin.redeliverAll();
    expect(redelivered).toHaveLength(2);
    await emulator.admin.waitForDeliveries();
    expect(receiver.requests).toHaveLength(2);
    expect(await emulator.admin.offlineQueue()).toEqual([]);
  });

  it("delivers duplicates when told to", async () => {
    await emulator.admin.configureDeliveries({ duplicates: 3 });
    try {
      await createReferral();
      await emulator.admin.waitForDeliveries();
      expect(receiver.requests).toHaveLength(3);
      const bodies = new Set(receiver.requests.map((request) => request.body.toString("utf8")));
      expect(bodies.size).toBe(1);
    } finally {
      await emulator.admin.configureDeliveries({ duplicates: 1 });
    }
  });

  it("delivers a burst out of order when told to", async () => {
    await emulator.admin.configureDeliveries({ outOfOrder: { windowMs: 20, order: "reversed" } });
    try {
      const created = [await createReferral(), await createReferral(), await createReferral()];
      await emulator.admin.waitForDeliveries();
      expect(eventsReceived().map((event) => event.uri)).toEqual(
        created.reverse().map((referral) => `${emulator.url}${REFERRALS_PATH}/${referral.id}`),
      );
    } finally {
      await emulator.admin.configureDeliveries({ outOfOrder: false });
    }
  });

  it("holds events while paused and sends them on resume", async () => {
    expect(await emulator.admin.pauseDeliveries()).toMatchObject({ paused: true });
    await createReferral();
    await emulator.admin.waitForDeliveries();
    expect(receiver.requests).toHaveLength(0);
    expect((await emulator.admin.resumeDeliveries()).paused).toBe(false);
    await emulator.admin.waitForDeliveries();
    expect(receiver.requests).toHaveLength(1);
  });

  it("refuses invalid delivery settings with 400", async () => {
    await expect(emulator.admin.configureDeliveries({ duplicates: 0 })).rejects.toMatchObject({ status: 400 });
    await expect(emulator.admin.redeliver("no-such-delivery")).rejects.toMatchObject({ status: 404 });
  });
});
