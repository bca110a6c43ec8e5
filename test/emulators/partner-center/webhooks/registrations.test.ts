import { beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../emulators/shared/clock";
import { seededIds } from "../../../../emulators/shared/ids";
import {
  REGISTRATION_EXISTS_MESSAGE,
  WebhookRegistrations,
  type PartnerCenterError,
  type WebhookRegistration,
} from "../../../../emulators/partner-center/webhooks";

const TENANT = "tenant-a";
const HOOK = "https://bridge.example.com/api/partner-center/webhook";

function errorOf(body: unknown): PartnerCenterError {
  return body as PartnerCenterError;
}

describe("webhook registration API", () => {
  let clock: ManualClock;
  let registrations: WebhookRegistrations;

  beforeEach(() => {
    clock = new ManualClock("2026-03-01T12:00:00Z");
    registrations = new WebhookRegistrations({ clock, ids: seededIds("registrations") });
  });

  it("lists the referral events and test-created among the supported events", () => {
    const { status, body } = registrations.listEvents();
    expect(status).toBe(200);
    expect(body).toEqual(
      expect.arrayContaining([
        "referral-created",
        "referral-updated",
        "related-referral-created",
        "related-referral-updated",
        "test-created",
      ]),
    );
  });

  it("answers 404 for a tenant without a registration", () => {
    expect(registrations.getRegistration(TENANT).status).toBe(404);
    expect(registrations.find(TENANT)).toBeUndefined();
  });

  it("creates a registration and returns it in PascalCase", () => {
    const created = registrations.createRegistration(TENANT, {
      WebhookUrl: HOOK,
      WebhookEvents: ["referral-created", "referral-updated"],
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      SubscriberId: seededIds("registrations")(),
      WebhookUrl: HOOK,
      WebhookEvents: ["referral-created", "referral-updated"],
      SignatureTokenToMsSignatureHeader: false,
      LastModifiedTimestamp: "2026-03-01T12:00:00.0000000+00:00",
    });
    expect(registrations.getRegistration(TENANT)).toEqual({ status: 200, body: created.body });
  });

  it("refuses a second POST with 409 and the documented message, leaving the first registration alone", () => {
    registrations.createRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["referral-created"] });
    const second = registrations.createRegistration(TENANT, {
      WebhookUrl: "https://elsewhere.example.com/",
      WebhookEvents: ["referral-updated"],
    });
    expect(second.status).toBe(409);
    expect(errorOf(second.body).description).toBe(
      "Registration already exists, use the PUT method to update a registration.",
    );
    expect(REGISTRATION_EXISTS_MESSAGE).toBe(errorOf(second.body).description);
    expect(registrations.find(TENANT)?.WebhookUrl).toBe(HOOK);
  });

  it("updates with PUT, keeping the SubscriberId and moving LastModifiedTimestamp", () => {
    const created = registrations.createRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["referral-created"] });
    clock.advance(90_000);
    const updated = registrations.updateRegistration(TENANT, {
      WebhookUrl: "https://new.example.com/hook",
      WebhookEvents: ["referral-updated", "test-created"],
      SignatureTokenToMsSignatureHeader: true,
    });
    expect(updated.status).toBe(200);
    const before = created.body as WebhookRegistration;
    expect(updated.body).toEqual({
      SubscriberId: before.SubscriberId,
      WebhookUrl: "https://new.example.com/hook",
      WebhookEvents: ["referral-updated", "test-created"],
      SignatureTokenToMsSignatureHeader: true,
      LastModifiedTimestamp: "2026-03-01T12:01:30.0000000+00:00",
    });
  });

  it("answers 404 to a PUT when there is nothing to update", () => {
    const result = registrations.updateRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["referral-created"] });
    expect(result.status).toBe(404);
    expect(registrations.find(TENANT)).toBeUndefined();
  });

  it("keeps one registration per tenant", () => {
    registrations.createRegistration("tenant-a", { WebhookUrl: HOOK, WebhookEvents: ["referral-created"] });
    registrations.createRegistration("tenant-b", {
      WebhookUrl: "https://b.example.com/",
      WebhookEvents: ["referral-updated"],
    });
    expect(registrations.find("tenant-a")?.WebhookUrl).toBe(HOOK);
    expect(registrations.find("tenant-b")?.WebhookUrl).toBe("https://b.example.com/");
    expect([...registrations.entries()].map(([tenant]) => tenant)).toEqual(["tenant-a", "tenant-b"]);
  });

  it("answers DELETE with 405 by default, since the API documents none", () => {
    registrations.createRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["referral-created"] });
    const result = registrations.deleteRegistration(TENANT);
    expect(result.status).toBe(405);
    expect(result.headers).toEqual({ Allow: "GET, POST, PUT" });
    expect(registrations.find(TENANT)).toBeDefined();
  });

  it("deletes when allowDelete is set, then a new POST works again", () => {
    const deletable = new WebhookRegistrations({ clock, ids: seededIds("deletable"), allowDelete: true });
    expect(deletable.deleteRegistration(TENANT).status).toBe(404);
    deletable.createRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["referral-created"] });
    expect(deletable.deleteRegistration(TENANT)).toEqual({ status: 204, body: undefined });
    expect(deletable.getRegistration(TENANT).status).toBe(404);
    const again = deletable.createRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["referral-created"] });
    expect(again.status).toBe(200);
  });

  it("hands out registrations that cannot be changed behind the store's back", () => {
    const { body } = registrations.createRegistration(TENANT, { WebhookUrl: HOOK, WebhookEvents: ["test-created"] });
    expect(() => (body as { WebhookEvents: string[] }).WebhookEvents.push("referral-created")).toThrow(TypeError);
    expect(registrations.find(TENANT)?.WebhookEvents).toEqual(["test-created"]);
  });
});
