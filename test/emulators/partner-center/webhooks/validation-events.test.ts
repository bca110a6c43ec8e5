import { verify, X509Certificate } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../emulators/shared/clock";
import { seededIds } from "../../../../emulators/shared/ids";
import {
  WebhookRegistrations,
  type PartnerCenterError,
  type ValidationEventRequest,
  type ValidationEventResult,
} from "../../../../emulators/partner-center/webhooks";
import { jsonOf, startHarness, TENANT, type Harness } from "./harness";

const HOOK = "https://bridge.example.com/hook";

function correlationIdOf(body: unknown): string {
  return (body as { correlationId: string }).correlationId;
}

describe("validation event requests", () => {
  let clock: ManualClock;
  let sent: ValidationEventRequest[];
  let registrations: WebhookRegistrations;

  beforeEach(() => {
    clock = new ManualClock("2026-03-01T12:00:00Z");
    sent = [];
    registrations = new WebhookRegistrations({
      clock,
      ids: seededIds("validation"),
      validationEventSender: { sendValidationEvent: (request) => sent.push(request) },
    });
  });

  it("needs a registration (404) that includes test-created (400)", () => {
    expect(registrations.postValidationEvent(TENANT).status).toBe(404);
    registrations.createRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["referral-created"] });
    const refused = registrations.postValidationEvent(TENANT);
    expect(refused.status).toBe(400);
    expect((refused.body as PartnerCenterError).description).toContain("'test-created'");
    expect(sent).toEqual([]);
  });

  it("allows 2 per minute per tenant, answers 429 with Retry-After, and allows a third after the minute", () => {
    registrations.createRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["test-created"] });
    registrations.createRegistration("tenant-b", { WebhookUrl: HOOK, WebhookEvents: ["test-created"] });
    expect(registrations.postValidationEvent(TENANT).status).toBe(200);
    clock.advance(10_000);
    expect(registrations.postValidationEvent(TENANT).status).toBe(200);

    const third = registrations.postValidationEvent(TENANT);
    expect(third.status).toBe(429);
    expect(third.headers).toEqual({ "Retry-After": "50" });
    expect(third.body).toEqual({ statusCode: 429, message: "Rate limit is exceeded. Try again in 50 seconds." });
    expect(registrations.postValidationEvent("tenant-b").status).toBe(200);

    clock.advance(49_999);
    expect(registrations.postValidationEvent(TENANT).headers).toEqual({ "Retry-After": "1" });
    clock.advance(1);
    expect(registrations.postValidationEvent(TENANT).status).toBe(200);
    expect(registrations.postValidationEvent(TENANT).status).toBe(429);
    expect(sent.filter((request) => request.tenantId === TENANT)).toHaveLength(3);
  });

  it("follows a configured limit", () => {
    const relaxed = new WebhookRegistrations({ clock, validationLimit: { requests: 5, windowMs: 1_000 } });
    relaxed.createRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["test-created"] });
    const statuses = Array.from({ length: 6 }, () => relaxed.postValidationEvent(TENANT).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("reports a result in progress, then 404 for unknown ids, other tenants and after seven days", () => {
    registrations.createRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["test-created"] });
    const correlationId = correlationIdOf(registrations.postValidationEvent(TENANT).body);
    expect(sent[0]?.correlationId).toBe(correlationId);
    expect(registrations.getValidationEvent(TENANT, correlationId)).toEqual({
      status: 200,
      body: { correlationId, partnerId: TENANT, status: "inProgress", callbackUrl: HOOK, results: [] },
    });
    expect(registrations.getValidationEvent(TENANT, "unknown").status).toBe(404);
    expect(registrations.getValidationEvent("tenant-b", correlationId).status).toBe(404);
    clock.advance(7 * 24 * 3_600_000);
    expect(registrations.getValidationEvent(TENANT, correlationId).status).toBe(404);
  });
});

describe("validation events through the dispatcher", () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness();
  });

  afterEach(async () => {
    await harness.close();
  });

  async function requestAndWait(): Promise<ValidationEventResult> {
    const posted = harness.registrations.postValidationEvent(TENANT);
    expect(posted.status).toBe(200);
    await harness.dispatcher.idle();
    const result = harness.registrations.getValidationEvent(TENANT, correlationIdOf(posted.body));
    expect(result.status).toBe(200);
    return result.body as ValidationEventResult;
  }

  it("sends a signed test-created event and records the receiver's answer", async () => {
    harness.register(["test-created"]);
    harness.receiver.respondWith(() => ({ status: 202, body: "queued" }));
    const result = await requestAndWait();

    expect(result).toEqual({
      correlationId: result.correlationId,
      partnerId: TENANT,
      status: "completed",
      callbackUrl: harness.receiver.url,
      results: [
        {
          responseCode: "Accepted",
          responseMessage: "queued",
          systemError: false,
          dateTimeUtc: "2026-03-01T12:00:00.0000000+00:00",
        },
      ],
    });
    const [request] = harness.receiver.requests;
    if (request === undefined) throw new Error("nothing was delivered");
    expect(jsonOf(request.body)).toEqual({
      EventName: "test-created",
      ResourceUri: `http://pc.emulator.test:7071/webhooks/v1/registration/validationEvents/${result.correlationId}`,
      ResourceName: "test",
      AuditUri: null,
      ResourceChangeUtcDate: "2026-03-01T12:00:00.0000000+00:00",
    });
    const publicKey = new X509Certificate(harness.certificate.certificateDer).publicKey;
    const signature = Buffer.from(String(request.headers.authorization).replace(/^Signature /, ""), "base64");
    expect(verify("sha256", request.body, publicKey, signature)).toBe(true);
  });

  it("records each failed attempt by its .NET status name until one succeeds", async () => {
    harness.register(["test-created"]);
    harness.receiver.respondWith((_request, index) => (index === 0 ? { status: 500, body: "boom" } : { status: 200 }));
    const result = await requestAndWait();
    expect(result.status).toBe("completed");
    expect(result.results.map(({ responseCode, responseMessage }) => ({ responseCode, responseMessage }))).toEqual([
      { responseCode: "InternalServerError", responseMessage: "boom" },
      { responseCode: "OK", responseMessage: "" },
    ]);
  });

  it("marks the event failed with a system error when the receiver cannot be reached", async () => {
    harness.register(["test-created"]);
    harness.dispatcher.configure({ maxAttempts: 1 });
    await harness.receiver.close();
    const result = await requestAndWait();
    expect(result.status).toBe("failed");
    expect(result.results).toHaveLength(1);
    expect(result.results[0]).toMatchObject({ responseCode: "", systemError: true });
    expect(result.results[0]?.responseMessage).toContain("ECONNREFUSED");
  });
});
