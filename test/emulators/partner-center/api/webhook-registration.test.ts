/**
 * The webhook registration API over HTTP (shared/reference/partner-center.md §2.1): one registration per tenant,
 * 409 on a second POST, PUT to change it, the supported events, and validation events limited to 2 a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGISTRATION_PATH, SUPPORTED_EVENTS } from "../../../../emulators/partner-center";
import { call, objectOf, startTestEmulator, tokensFor } from "./harness";
import { eventOf, startReceiver, type Receiver } from "./receiver";

const REGISTRATION_EXISTS = "Registration already exists, use the PUT method to update a registration.";

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let tokens: ReturnType<typeof tokensFor>;
let receiver: Receiver;

beforeAll(async () => {
  emulator = await startTestEmulator();
  tokens = tokensFor(emulator);
  receiver = await startReceiver();
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

async function registration(method: string, path = REGISTRATION_PATH, body?: unknown) {
  return call(emulator, method, path, { token: await tokens.webhooks(), ...(body === undefined ? {} : { body }) });
}

describe("the registration API", () => {
  it("lists the supported events", async () => {
    const events = await registration("GET", `${REGISTRATION_PATH}/events`);
    expect(events.status).toBe(200);
    expect(events.body).toEqual(SUPPORTED_EVENTS);
  });

  it("creates once (409 afterwards), reads, and updates with PUT keeping the SubscriberId", async () => {
    expect((await registration("GET")).status).toBe(404);
    const events = ["referral-created", "referral-updated", "related-referral-created", "related-referral-updated"];
    const created = await registration("POST", REGISTRATION_PATH, { WebhookUrl: receiver.url, WebhookEvents: events });
    expect(created.status).toBe(200);
    const subscriberId = objectOf(created).SubscriberId;
    expect(created.body).toMatchObject({ WebhookUrl: receiver.url, WebhookEvents: events });

    const again = await registration("POST", REGISTRATION_PATH, { WebhookUrl: receiver.url, WebhookEvents: events });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ description: REGISTRATION_EXISTS });

    expect(objectOf(await registration("GET"))).toMatchObject({ SubscriberId: subscriberId, WebhookEvents: events });
    const updated = await registration("PUT", REGISTRATION_PATH, {
      WebhookUrl: receiver.url,
      WebhookEvents: [...events, "test-created"],
      SignatureTokenToMsSignatureHeader: true,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ SubscriberId: subscriberId, SignatureTokenToMsSignatureHeader: true });
    expect(objectOf(await registration("GET")).WebhookEvents).toContain("test-created");

    const listed = await emulator.admin.registrations();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ tenantId: emulator.tenantId, registration: { SubscriberId: subscriberId } });
  });

  it("refuses a bad body with 400 and DELETE with 405", async () => {
    const bad = await registration("PUT", REGISTRATION_PATH, { WebhookUrl: "not a url", WebhookEvents: [] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "400" });
    const unknownEvent = await registration("PUT", REGISTRATION_PATH, {
      WebhookUrl: receiver.url,
      WebhookEvents: ["referral-deleted"],
    });
    expect(unknownEvent.status).toBe(400);
    expect((await registration("DELETE")).status).toBe(405);
  });
});

describe("validation events", () => {
  it("delivers a signed test-created event and reports the receiver's answer", async () => {
    receiver.clear();
    const requested = await registration("POST", `${REGISTRATION_PATH}/validationEvents`);
    expect(requested.status).toBe(200);
    const correlationId = String(objectOf(requested).correlationId);
    await emulator.admin.waitForDeliveries();

    expect(receiver.requests).toHaveLength(1);
    const [delivered] = receiver.requests;
    if (delivered === undefined) throw new Error("no validation event arrived");
    expect(eventOf(delivered)).toMatchObject({ EventName: "test-created", ResourceName: "test" });
    expect(delivered.headers["x-ms-signature"]).toMatch(/^Signature /);

    const result = await registration("GET", `${REGISTRATION_PATH}/validationEvents/${correlationId}`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      correlationId,
      partnerId: emulator.tenantId,
      status: "completed",
      callbackUrl: receiver.url,
      results: [{ responseCode: "OK", systemError: false }],
    });
    expect((await registration("GET", `${REGISTRATION_PATH}/validationEvents/unknown-id`)).status).toBe(404);
  });

  it("throttles to 2 requests a minute with 429 and Retry-After, then allows more", async () => {
    // One request was made by the previous test a moment ago (on the manual clock).
    expect((await registration("POST", `${REGISTRATION_PATH}/validationEvents`)).status).toBe(200);
    const throttled = await registration("POST", `${REGISTRATION_PATH}/validationEvents`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("60");
    expect(throttled.body).toEqual({ statusCode: 429, message: "Rate limit is exceeded. Try again in 60 seconds." });
    await emulator.admin.advanceClock({ seconds: 60 });
    expect((await registration("POST", `${REGISTRATION_PATH}/validationEvents`)).status).toBe(200);
    await emulator.admin.waitForDeliveries();
  });
});
