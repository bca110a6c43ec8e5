/**
 * Reads the body of `POST` and `PUT /webhooks/v1/registration` (partner-center.md §2.1). Partner Center is a .NET
 * service whose JSON binding ignores the case of property names, and the two Microsoft sources disagree on it (the
 * connector sends PascalCase, Webhooks.json names the model in camelCase), so both spellings are accepted here.
 */
import { isSupportedEvent } from "./events";

/** The fields a caller may set on a registration. */
export interface RegistrationInput {
  readonly webhookUrl: string;
  readonly webhookEvents: readonly string[];
  readonly signatureTokenToMsSignatureHeader: boolean;
  readonly properties?: Readonly<Record<string, string>>;
}

/** Either the parsed input or a message for a 400 that names what is wrong. */
export type ParsedRegistration =
  { readonly ok: true; readonly input: RegistrationInput } | { readonly ok: false; readonly message: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value of the property whose name matches `name` ignoring case, like the .NET binder does. */
function property(body: Record<string, unknown>, name: string): unknown {
  const wanted = name.toLowerCase();
  const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : body[key];
}

/** A rejected field, kept apart from field values by its class so no accepted value can be mistaken for one. */
class Invalid {
  constructor(readonly message: string) {}
}

function readWebhookUrl(value: unknown): string | Invalid {
  if (typeof value !== "string" || value.trim() === "") {
    const given = value === undefined ? "nothing" : JSON.stringify(value);
    return new Invalid(`WebhookUrl must be an absolute http or https URL; got ${given}.`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return new Invalid(`WebhookUrl must be an absolute http or https URL; got '${value}'.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return new Invalid(`WebhookUrl must be an absolute http or https URL; got '${value}'.`);
  }
  return value;
}

function readWebhookEvents(value: unknown): string[] | Invalid {
  if (!Array.isArray(value) || value.length === 0) {
    return new Invalid("WebhookEvents is required and must be a non-empty array of event names.");
  }
  const notStrings = value.filter((name) => typeof name !== "string");
  if (notStrings.length > 0) {
    return new Invalid(`WebhookEvents must contain only strings; got ${JSON.stringify(notStrings[0])}.`);
  }
  const names = value as string[];
  const unknown = names.filter((name) => !isSupportedEvent(name));
  if (unknown.length > 0) {
    const listed = unknown.map((name) => `'${name}'`).join(", ");
    return new Invalid(`Unknown webhook event name(s): ${listed}. GET /webhooks/v1/registration/events lists them.`);
  }
  return [...new Set(names)];
}

/**
 * The connector swagger types SignatureTokenToMsSignatureHeader as a string (§2.1), so "true"/"false" (any case, as
 * .NET writes "True") are accepted beside real booleans. Absent means false.
 */
function readSignatureFlag(value: unknown): boolean | Invalid {
  if (value === undefined || value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const lowered = value.trim().toLowerCase();
    if (lowered === "true") return true;
    if (lowered === "false") return false;
  }
  return new Invalid(`SignatureTokenToMsSignatureHeader must be true or false; got ${JSON.stringify(value)}.`);
}

function readProperties(value: unknown): Record<string, string> | undefined | Invalid {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value) || Object.values(value).some((entry) => typeof entry !== "string")) {
    return new Invalid("Properties must be an object whose values are strings.");
  }
  return { ...(value as Record<string, string>) };
}

/** Validates a create or update body; unknown extra properties are ignored, as the .NET binder would. */
export function parseRegistrationBody(body: unknown): ParsedRegistration {
  if (!isPlainObject(body)) return { ok: false, message: "The request body must be a JSON object." };
  const webhookUrl = readWebhookUrl(property(body, "WebhookUrl"));
  if (webhookUrl instanceof Invalid) return { ok: false, message: webhookUrl.message };
  const webhookEvents = readWebhookEvents(property(body, "WebhookEvents"));
  if (webhookEvents instanceof Invalid) return { ok: false, message: webhookEvents.message };
  const signatureFlag = readSignatureFlag(property(body, "SignatureTokenToMsSignatureHeader"));
  if (signatureFlag instanceof Invalid) return { ok: false, message: signatureFlag.message };
  const properties = readProperties(property(body, "Properties"));
  if (properties instanceof Invalid) return { ok: false, message: properties.message };
  const input: RegistrationInput = {
    webhookUrl,
    webhookEvents,
    signatureTokenToMsSignatureHeader: signatureFlag,
    ...(properties === undefined ? {} : { properties }),
  };
  return { ok: true, input };
}
