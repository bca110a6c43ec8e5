import { beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../emulators/shared/clock";
import {
  WebhookRegistrations,
  type PartnerCenterError,
  type WebhookRegistration,
} from "../../../../emulators/partner-center/webhooks";

const TENANT = "tenant-a";
const HOOK = "https://bridge.example.com/api/partner-center/webhook";

function errorOf(body: unknown): PartnerCenterError {
  return body as PartnerCenterError;
}

describe("registration bodies", () => {
  let registrations: WebhookRegistrations;

  beforeEach(() => {
    registrations = new WebhookRegistrations({ clock: new ManualClock("2026-03-01T12:00:00Z") });
  });

  it.each([
    ["a relative path", "/api/webhook"],
    ["plain text", "not a url"],
    ["another scheme", "ftp://files.example.com/hook"],
    ["an empty string", ""],
    ["a number", 42],
  ])("rejects %s as WebhookUrl with 400", (_kind, webhookUrl) => {
    const result = registrations.createRegistration(TENANT, {
      WebhookUrl: webhookUrl,
      WebhookEvents: ["test-created"],
    });
    expect(result.status).toBe(400);
    expect(errorOf(result.body).description).toContain("WebhookUrl must be an absolute http or https URL");
    expect(registrations.find(TENANT)).toBeUndefined();
  });

  it("accepts a plain-http URL for local receivers", () => {
    const result = registrations.createRegistration(TENANT, {
      WebhookUrl: "http://127.0.0.1:7071/hook",
      WebhookEvents: ["test-created"],
    });
    expect(result.status).toBe(200);
  });

  it("rejects unknown event names with 400 naming each of them", () => {
    const result = registrations.createRegistration(TENANT, {
      WebhookUrl: HOOK,
      WebhookEvents: ["referral-created", "referral-deleted", "Referral-Updated"],
    });
    expect(result.status).toBe(400);
    const { description } = errorOf(result.body);
    expect(description).toContain("'referral-deleted'");
    expect(description).toContain("'Referral-Updated'");
    expect(description).not.toContain("'referral-created'");
  });

  it.each([
    ["missing events", { WebhookUrl: HOOK }, "WebhookEvents is required"],
    ["an empty event list", { WebhookUrl: HOOK, WebhookEvents: [] }, "WebhookEvents is required"],
    ["a non-string event", { WebhookUrl: HOOK, WebhookEvents: [7] }, "only strings"],
    ["a body that is not an object", ["referral-created"], "must be a JSON object"],
    [
      "a flag that is not a boolean",
      { WebhookUrl: HOOK, WebhookEvents: ["test-created"], SignatureTokenToMsSignatureHeader: "yes" },
      "SignatureTokenToMsSignatureHeader must be true or false",
    ],
    [
      "properties that are not strings",
      { WebhookUrl: HOOK, WebhookEvents: ["test-created"], Properties: { retries: 3 } },
      "Properties must be an object whose values are strings",
    ],
  ])("rejects %s with 400", (_kind, body, message) => {
    const result = registrations.createRegistration(TENANT, body);
    expect(result.status).toBe(400);
    expect(errorOf(result.body).description).toContain(message);
  });

  it.each([
    ["true", true],
    ["True", true],
    ["false", false],
    [true, true],
    [false, false],
  ])("reads SignatureTokenToMsSignatureHeader %j as %s (the connector sends a string)", (value, expected) => {
    const result = registrations.createRegistration(TENANT, {
      WebhookUrl: HOOK,
      WebhookEvents: ["referral-created"],
      SignatureTokenToMsSignatureHeader: value,
    });
    expect(result.status).toBe(200);
    expect((result.body as WebhookRegistration).SignatureTokenToMsSignatureHeader).toBe(expected);
  });

  it("binds property names without regard to case, like the .NET service, and keeps Properties", () => {
    const result = registrations.createRegistration(TENANT, {
      webhookUrl: HOOK,
      webhookEvents: ["referral-updated", "referral-updated"],
      signatureTokenToMsSignatureHeader: "true",
      properties: { environment: "demo" },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      WebhookUrl: HOOK,
      WebhookEvents: ["referral-updated"],
      SignatureTokenToMsSignatureHeader: true,
      Properties: { environment: "demo" },
    });
  });
});
