/**
 * The body of a Partner Center webhook event (shared/reference/partner-center.md §2.3): PascalCase `EventName`,
 * `ResourceUri`, `ResourceName`, `AuditUri` and `ResourceChangeUtcDate`, no referral data. Member names are matched
 * case-insensitively because the swagger callback model spells them camelCase while the deliveries are PascalCase.
 */
import { parseChangeDate } from "./changeDate";
import { IntakeError } from "./intakeError";
import { referralIdFromResourceUri } from "./resourceUri";

/** The events the service registers for (§2.2) plus Partner Center's validation event. */
export const PARTNER_CENTER_EVENT_NAMES = [
  "referral-created",
  "referral-updated",
  "related-referral-created",
  "related-referral-updated",
  "test-created",
] as const;

/** One of PARTNER_CENTER_EVENT_NAMES. */
export type PartnerCenterEventName = (typeof PARTNER_CENTER_EVENT_NAMES)[number];

/** The validation event `POST /webhooks/v1/registration/validationEvents` sends (§2.1). */
export const TEST_EVENT_NAME = "test-created";

/** A verified event, ready to become a sync job. */
export interface PartnerCenterEvent {
  readonly eventName: PartnerCenterEventName;
  /**
   * The last path segment of ResourceUri, percent-decoded (GUIDs lower-cased). For `test-created` it is whatever
   * the validation ResourceUri ends with, the correlation id in the documented syntax.
   */
  readonly referralId: string;
  /** As sent; informational only, never fetched (see resourceUri.ts). */
  readonly resourceUri: string;
  /** ResourceChangeUtcDate as `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly changedAt: string;
  readonly isTest: boolean;
}

/**
 * The members the service needs. ResourceName and AuditUri are tolerated but not required: the service uses
 * neither, and refusing a genuine signed event for lacking one would only park it in Partner Center's offline queue.
 */
const REQUIRED_MEMBERS = ["EventName", "ResourceUri", "ResourceChangeUtcDate"] as const;

/**
 * Parses the raw body of a delivery whose signature has already been verified.
 * @throws IntakeError 400 "invalid-json" when the body is not a UTF-8 JSON object, 400 "invalid-event" naming every
 * missing member, or an unknown event, unusable ResourceUri or unreadable date.
 */
export function parsePartnerCenterEvent(rawBody: Uint8Array): PartnerCenterEvent {
  const members = membersOf(parseJsonObject(rawBody));
  const missing = REQUIRED_MEMBERS.filter((name) => members.get(name.toLowerCase()) === undefined);
  if (missing.length > 0) throw invalid(`the event body is missing ${missing.join(", ")}`);

  const eventName = eventNameOf(stringMember(members, "EventName"));
  const resourceUri = stringMember(members, "ResourceUri");
  const changeDate = stringMember(members, "ResourceChangeUtcDate");
  const changedAt = parseChangeDate(changeDate);
  if (changedAt === undefined) throw invalid(`ResourceChangeUtcDate '${changeDate}' is not an ISO 8601 date and time`);
  return {
    eventName,
    referralId: referralIdFromResourceUri(resourceUri),
    resourceUri,
    changedAt,
    isTest: eventName === TEST_EVENT_NAME,
  };
}

function parseJsonObject(rawBody: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    // A .NET sender may put a byte order mark in front; the signature covered it, JSON.parse would choke on it.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(rawBody);
  } catch {
    throw new IntakeError(400, "invalid-json", "the event body is not UTF-8 text");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IntakeError(400, "invalid-json", `the event body is not JSON: ${reason}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new IntakeError(400, "invalid-json", "the event body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/** Members by lower-cased name, null values left out; two spellings of one name are ambiguous and refused. */
function membersOf(body: Record<string, unknown>): Map<string, unknown> {
  const members = new Map<string, unknown>();
  const spellings = new Map<string, string>();
  for (const [name, value] of Object.entries(body)) {
    const key = name.toLowerCase();
    const earlier = spellings.get(key);
    if (earlier !== undefined) throw invalid(`the event body has both ${earlier} and ${name}`);
    spellings.set(key, name);
    if (value !== null) members.set(key, value);
  }
  return members;
}

function stringMember(members: Map<string, unknown>, name: (typeof REQUIRED_MEMBERS)[number]): string {
  const value = members.get(name.toLowerCase());
  if (typeof value !== "string" || value.trim() === "") throw invalid(`${name} must be a non-empty string`);
  return value.trim();
}

function eventNameOf(value: string): PartnerCenterEventName {
  const name = PARTNER_CENTER_EVENT_NAMES.find((known) => known === value.toLowerCase());
  if (name === undefined) {
    throw invalid(`unsupported EventName '${value}'; expected one of ${PARTNER_CENTER_EVENT_NAMES.join(", ")}`);
  }
  return name;
}

function invalid(message: string): IntakeError {
  return new IntakeError(400, "invalid-event", message);
}
