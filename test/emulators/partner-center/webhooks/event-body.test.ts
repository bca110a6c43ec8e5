import { afterEach, describe, expect, it } from "vitest";
import { formatUtcDate, WebhookDispatcher, WebhookRegistrations } from "../../../../emulators/partner-center/webhooks";
import { jsonOf, sharedCertificate, startHarness, TENANT, type Harness } from "./harness";
import { startReceiver } from "./receiver";

describe("webhook event bodies", () => {
  let harness: Harness | undefined;

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it("sends the five PascalCase fields of §2.3, serialised exactly once", async () => {
    harness = await startHarness();
    harness.register(["referral-updated"]);
    const [published] = harness.dispatcher.publish("referral-updated", "abc-123", "2026-02-03T04:05:06.789Z");
    await harness.dispatcher.idle();

    const [request] = harness.receiver.requests;
    if (request === undefined) throw new Error("nothing was delivered");
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/webhooks/callback");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.body.toString("utf8")).toBe(
      '{"EventName":"referral-updated",' +
        '"ResourceUri":"http://pc.emulator.test:7071/v1.0/engagements/referrals/abc-123",' +
        '"ResourceName":"referral","AuditUri":null,"ResourceChangeUtcDate":"2026-02-03T04:05:06.7890000+00:00"}',
    );
    expect(published?.body).toBe(request.body.toString("utf8"));
  });

  it("dates the change with the clock when no time is given, in a form Date.parse reads back", async () => {
    harness = await startHarness();
    harness.register(["referral-created"]);
    harness.dispatcher.publish("referral-created", "r-1");
    await harness.dispatcher.idle();
    const date = jsonOf(harness.receiver.requests[0]?.body ?? Buffer.from("{}")).ResourceChangeUtcDate;
    expect(date).toBe("2026-03-01T12:00:00.0000000+00:00");
    expect(new Date(String(date)).toISOString()).toBe("2026-03-01T12:00:00.000Z");
  });

  it("follows a configured ResourceUri template and a base URL set after start", async () => {
    harness = await startHarness({ resourceUriTemplate: "{apiBaseUrl}/engagements/v1/referrals/{referralId}" });
    harness.register(["referral-created"]);
    harness.dispatcher.setApiBaseUrl("http://127.0.0.1:6000/");
    harness.dispatcher.publish("referral-created", "id with/slash");
    await harness.dispatcher.idle();
    expect(jsonOf(harness.receiver.requests[0]?.body ?? Buffer.from("{}")).ResourceUri).toBe(
      "http://127.0.0.1:6000/engagements/v1/referrals/id%20with%2Fslash",
    );
  });

  it("refuses a template with an unknown placeholder when the dispatcher is built", async () => {
    const signer = await sharedCertificate();
    const registrations = new WebhookRegistrations();
    expect(
      () => new WebhookDispatcher({ registrations, signer, resourceUriTemplate: "{apiBaseUrl}/referrals/{id}" }),
    ).toThrow("unknown placeholder {id}");
  });

  it("delivers only the events the registration names", async () => {
    harness = await startHarness();
    harness.register(["referral-created", "related-referral-updated"]);
    expect(harness.dispatcher.publish("referral-updated", "r-1")).toEqual([]);
    expect(harness.dispatcher.publish("related-referral-created", "r-2")).toEqual([]);
    expect(harness.dispatcher.publish("referral-created", "r-3")).toHaveLength(1);
    expect(harness.dispatcher.publish("related-referral-updated", "r-4")).toHaveLength(1);
    await harness.dispatcher.idle();
    const delivered = harness.receiver.requests.map((request) => jsonOf(request.body).EventName);
    expect(delivered.sort()).toEqual(["referral-created", "related-referral-updated"]);
  });

  it("delivers nothing without a registration, and only to the named tenant when one is given", async () => {
    harness = await startHarness();
    expect(harness.dispatcher.publish("referral-created", "r-0")).toEqual([]);
    const other = await startReceiver();
    try {
      harness.register(["referral-created"]);
      harness.register(["referral-created"], { WebhookUrl: other.url }, "tenant-b");
      const published = harness.dispatcher.publish("referral-created", "r-1", undefined, TENANT);
      expect(published.map((event) => event.tenantId)).toEqual([TENANT]);
      const broadcast = harness.dispatcher.publish("referral-created", "r-2");
      expect(broadcast.map((event) => event.tenantId)).toEqual([TENANT, "tenant-b"]);
      await harness.dispatcher.idle();
      expect(harness.receiver.requests).toHaveLength(2);
      expect(other.requests.map((request) => jsonOf(request.body).ResourceUri)).toEqual([
        "http://pc.emulator.test:7071/v1.0/engagements/referrals/r-2",
      ]);
    } finally {
      await other.close();
    }
  });

  it("rejects a change time that is not a date", async () => {
    harness = await startHarness();
    expect(() => harness?.dispatcher.publish("referral-created", "r-1", "yesterday")).toThrow(RangeError);
  });
});

describe("formatUtcDate", () => {
  it("writes seven fractional digits and +00:00, like .NET", () => {
    expect(formatUtcDate(new Date("2018-02-17T00:05:39.548Z"))).toBe("2018-02-17T00:05:39.5480000+00:00");
    expect(() => formatUtcDate(new Date("nope"))).toThrow(RangeError);
  });
});
