import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOUR } from "../../../../emulators/partner-center/webhooks";
import { backoffDelay } from "../../../../emulators/partner-center/webhooks/dispatcher-options";
import { startHarness, TENANT, type Harness } from "./harness";
import { startReceiver, type Reply } from "./receiver";

describe("webhook delivery and retry", () => {
  let harness: Harness | undefined;

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  async function started(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
    harness = await startHarness(options);
    harness.register(["referral-created", "referral-updated"]);
    return harness;
  }

  it("retries after 500s and logs every attempt until one succeeds", async () => {
    const { dispatcher, receiver } = await started();
    receiver.respondWith((_request, index) => ({ status: index < 2 ? 500 : 204 }));
    const [published] = dispatcher.publish("referral-updated", "r-1");
    await dispatcher.idle();

    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((request) => request.body.toString("utf8"))).size).toBe(1);
    const log = dispatcher.deliveryLog();
    expect(log.map(({ attempt, statusCode, delivered }) => ({ attempt, statusCode, delivered }))).toEqual([
      { attempt: 1, statusCode: 500, delivered: false },
      { attempt: 2, statusCode: 500, delivered: false },
      { attempt: 3, statusCode: 204, delivered: true },
    ]);
    expect(log[0]).toMatchObject({
      eventId: published?.eventId,
      deliveryId: published?.deliveryIds[0],
      tenantId: TENANT,
      eventName: "referral-updated",
      referralId: "r-1",
      at: "2026-03-01T12:00:00.000Z",
    });
    expect(dispatcher.offlineQueue()).toEqual([]);
  });

  it("moves an event to the offline queue after 10 failed attempts, and redelivers it on request", async () => {
    const { dispatcher, receiver } = await started();
    expect(DEFAULT_BEHAVIOUR.maxAttempts).toBe(10);
    receiver.respondWith(() => ({ status: 503 }));
    const [published] = dispatcher.publish("referral-created", "r-9");
    await dispatcher.idle();

    expect(receiver.requests).toHaveLength(10);
    const offline = dispatcher.offlineQueue();
    expect(offline).toHaveLength(1);
    expect(offline[0]).toMatchObject({
      deliveryId: published?.deliveryIds[0],
      eventName: "referral-created",
      referralId: "r-9",
      attempts: 10,
      lastError: "HTTP 503",
      body: published?.body,
    });

    receiver.respondWith(() => ({ status: 200 }));
    expect(dispatcher.redeliver("no-such-delivery")).toBe(false);
    expect(dispatcher.redeliver(offline[0]?.deliveryId ?? "")).toBe(true);
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(11);
    expect(dispatcher.offlineQueue()).toEqual([]);
    expect(dispatcher.deliveryLog().at(-1)).toMatchObject({ attempt: 11, statusCode: 200, delivered: true });
    expect(dispatcher.redeliver(offline[0]?.deliveryId ?? "")).toBe(false);
  });

  it("gives a redelivered event a fresh round of attempts", async () => {
    const { dispatcher, receiver } = await started({ maxAttempts: 2 });
    receiver.respondWith(() => ({ status: 500 }));
    const [published] = dispatcher.publish("referral-created", "r-1");
    await dispatcher.idle();
    dispatcher.redeliver(published?.deliveryIds[0] ?? "");
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(4);
    expect(dispatcher.offlineQueue()[0]?.attempts).toBe(4);
  });

  it("records a receiver that cannot be reached, or does not answer in time, as an error", async () => {
    const { dispatcher, registrations, receiver } = await started({ maxAttempts: 1, timeoutMs: 50 });
    const silent = await startReceiver("/silent");
    try {
      silent.respondWith(() => new Promise(() => undefined));
      registrations.updateRegistration(TENANT, { WebhookUrl: silent.url, WebhookEvents: ["referral-created"] });
      dispatcher.publish("referral-created", "r-slow");
      await dispatcher.idle();
      await receiver.close();
      registrations.updateRegistration(TENANT, { WebhookUrl: receiver.url, WebhookEvents: ["referral-created"] });
      dispatcher.publish("referral-created", "r-gone");
      await dispatcher.idle();
    } finally {
      await silent.close();
    }
    const errors = dispatcher.offlineQueue().map(({ referralId, lastError }) => ({ referralId, lastError }));
    expect(errors[0]).toEqual({ referralId: "r-slow", lastError: "no response within 50 ms" });
    expect(errors[1]?.referralId).toBe("r-gone");
    expect(errors[1]?.lastError).toContain("ECONNREFUSED");
    expect(dispatcher.deliveryLog().every((entry) => entry.statusCode === undefined && entry.error !== undefined)).toBe(
      true,
    );
  });

  it("counts any 2xx as delivered by default, and follows a configured predicate", async () => {
    const { dispatcher, receiver } = await started({ maxAttempts: 1 });
    receiver.respondWith(() => ({ status: 202 }));
    dispatcher.publish("referral-created", "r-1");
    await dispatcher.idle();
    dispatcher.configure({ isDelivered: (statusCode) => statusCode === 200 });
    dispatcher.publish("referral-created", "r-2");
    await dispatcher.idle();
    expect(dispatcher.deliveryLog().map((entry) => entry.delivered)).toEqual([true, false]);
    expect(dispatcher.offlineQueue().map((entry) => entry.referralId)).toEqual(["r-2"]);
  });

  it("lets one slow receiver hold only its own delivery", async () => {
    const { dispatcher, registrations, receiver } = await started();
    const other = await startReceiver();
    try {
      let release: (reply: Reply) => void = () => undefined;
      receiver.respondWith(
        () =>
          new Promise<Reply>((resolve) => {
            release = resolve;
          }),
      );
      registrations.createRegistration("tenant-b", { WebhookUrl: other.url, WebhookEvents: ["referral-created"] });
      dispatcher.publish("referral-created", "r-1");
      // The first tenant's receiver is holding its request open; the second still gets its event.
      await receiver.received(1);
      await other.received(1);
      release({ status: 200 });
      await dispatcher.idle();
      expect(dispatcher.deliveryLog().every((entry) => entry.delivered)).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe("backoffDelay", () => {
  it("grows by the factor from the base delay and stops at the cap", () => {
    const policy = { baseDelayMs: 100, factor: 3, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(policy, retry))).toEqual([100, 300, 900, 1_000, 1_000]);
  });
});
