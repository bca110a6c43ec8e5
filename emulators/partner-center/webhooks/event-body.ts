/**
 * The JSON Partner Center POSTs for an event (partner-center.md §2.3): PascalCase, no referral data, and a
 * ResourceUri the receiver GETs. The real ResourceUri host and path are [UNCONFIRMED], so the emulator builds it
 * from a template that points at its own GET-by-id route by default.
 */
import { TEST_EVENT } from "./events";
import { formatUtcDate } from "./utc-date";

/** The five fields of §2.3, in the order the docs show them. */
export interface EventBody {
  readonly EventName: string;
  readonly ResourceUri: string;
  readonly ResourceName: string;
  readonly AuditUri: null;
  readonly ResourceChangeUtcDate: string;
}

/** `{apiBaseUrl}` and `{referralId}` are replaced; the id is URI-encoded. */
export const DEFAULT_REFERRAL_URI_TEMPLATE = "{apiBaseUrl}/v1.0/engagements/referrals/{referralId}";

/** The docs' syntax for test-created events (KV partner-center-webhook-events): `{correlationId}` is replaced. */
export const DEFAULT_VALIDATION_URI_TEMPLATE = "{apiBaseUrl}/webhooks/v1/registration/validationEvents/{correlationId}";

/** Fills `{name}` placeholders; an unknown placeholder is an error so a typo in a template cannot go unnoticed. */
export function fillUriTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`unknown placeholder ${placeholder} in URI template '${template}'`);
    return name === "apiBaseUrl" ? value : encodeURIComponent(value);
  });
}

/** The body as the bytes that are both signed and sent, so the signature always covers exactly what goes out. */
export function serializeEventBody(body: EventBody): Buffer {
  return Buffer.from(JSON.stringify(body), "utf8");
}

/** A referral event: ResourceName "referral" (§2.3). */
export function referralEventBody(eventName: string, resourceUri: string, changedAt: Date): EventBody {
  return {
    EventName: eventName,
    ResourceUri: resourceUri,
    ResourceName: "referral",
    AuditUri: null,
    ResourceChangeUtcDate: formatUtcDate(changedAt),
  };
}

/** A test-created event: ResourceName "test" (KV partner-center-webhook-events, "Test Event"). */
export function validationEventBody(resourceUri: string, createdAt: Date): EventBody {
  return {
    EventName: TEST_EVENT,
    ResourceUri: resourceUri,
    ResourceName: "test",
    AuditUri: null,
    ResourceChangeUtcDate: formatUtcDate(createdAt),
  };
}
