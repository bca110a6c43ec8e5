/**
 * Registrations and notifications for the webhook tests, with the fixed ids the assertions name.
 */
import {
  typedValue,
  type ChangeNotification,
  type ServiceEndpointRegistration,
  type StepRegistration,
  type WebhookRegistrations,
} from "../../../../emulators/dataverse/webhooks";
import {
  ACCOUNT_ID,
  NAME_UPDATE_WITHOUT_IMAGES,
  OPPORTUNITY_ID,
  opportunityUpdateStep,
  webhookEndpoint,
} from "../../../support/dataverseWebhookFixtures";

export {
  ACCOUNT_ID,
  BUSINESS_UNIT_ID,
  CHANGED_AT,
  CORRELATION_ID,
  ENDPOINT_ID,
  OPPORTUNITY_ID,
  ORGANIZATION_ID,
  USER_ID,
  WEBHOOK_KEY,
} from "../../../support/dataverseWebhookFixtures";
export const CALLER_ID = "11111111-1111-4111-8111-111111111111";

/** The JSON webhook endpoint at an address nothing listens on, unless changed. */
export function endpoint(changes: Partial<ServiceEndpointRegistration> = {}): ServiceEndpointRegistration {
  return webhookEndpoint("http://127.0.0.1:9/hook", changes);
}

let stepCounter = 0;

/** An enabled async PostOperation step on Update of opportunity, with no images. */
export function step(changes: Partial<StepRegistration> = {}): StepRegistration {
  stepCounter += 1;
  return opportunityUpdateStep({
    sdkmessageprocessingstepid: `75417616-0000-4000-8000-${String(stepCounter).padStart(12, "0")}`,
    name: `pc-sync: step ${stepCounter}`,
    asyncautodelete: false,
    ...changes,
  });
}

export function registrations(
  steps: readonly StepRegistration[],
  endpoints: readonly ServiceEndpointRegistration[] = [endpoint()],
): WebhookRegistrations {
  return { serviceEndpoints: endpoints, steps };
}

/** The full opportunity row after the update. */
export const OPPORTUNITY_AFTER = {
  opportunityid: typedValue.guid(OPPORTUNITY_ID),
  name: typedValue.string("Contoso / 500 seats"),
  estimatedvalue: typedValue.money(1500.5),
  estimatedclosedate: typedValue.dateTime("2026-03-31T00:00:00Z"),
  statecode: typedValue.optionSetValue(0),
  parentaccountid: typedValue.entityReference("account", ACCOUNT_ID, "Contoso"),
  description: typedValue.null(),
} as const;

/** An Update of opportunity.name by USER_ID (no impersonation), with both images. */
export function updateNotification(changes: Partial<ChangeNotification> = {}): ChangeNotification {
  return {
    ...NAME_UPDATE_WITHOUT_IMAGES,
    preImage: { ...OPPORTUNITY_AFTER, name: typedValue.string("Contoso") },
    postImage: OPPORTUNITY_AFTER,
    ...changes,
  };
}

/** A Create of an opportunity with two typed columns; there is no pre-image of a Create. */
export function createNotification(changes: Partial<ChangeNotification> = {}): ChangeNotification {
  return {
    ...NAME_UPDATE_WITHOUT_IMAGES,
    message: "Create",
    target: { name: OPPORTUNITY_AFTER.name, estimatedvalue: OPPORTUNITY_AFTER.estimatedvalue },
    changedAttributes: ["name", "estimatedvalue"],
    postImage: OPPORTUNITY_AFTER,
    ...changes,
  };
}

/** The parsed body, for member-by-member assertions. */
export function parseBody(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}

/** The `value` of the `{key, value}` entry named `key` in a DataContract dictionary. */
export function entryValue(list: unknown, key: string): unknown {
  const entry = (list as { key: string; value: unknown }[]).find((candidate) => candidate.key === key);
  if (entry === undefined) throw new Error(`no entry '${key}'`);
  return entry.value;
}

/** The keys of a DataContract dictionary, in order. */
export function entryKeys(list: unknown): string[] {
  return (list as { key: string }[]).map((entry) => entry.key);
}
