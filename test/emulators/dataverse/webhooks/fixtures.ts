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

export const ENDPOINT_ID = "5a7e0c33-0000-4000-8000-0000000000e1";
export const OPPORTUNITY_ID = "6d81597f-0f9f-e711-8122-000d3aa2331c";
export const USER_ID = "75c2dd85-e89e-e711-8122-000d3aa2331c";
export const CALLER_ID = "11111111-1111-4111-8111-111111111111";
export const BUSINESS_UNIT_ID = "e2b9dd85-e89e-e711-8122-000d3aa2331c";
export const ORGANIZATION_ID = "4ef5b371-e89e-e711-8122-000d3aa2331c";
export const CORRELATION_ID = "b374239d-4233-41a9-8b17-a86cb4f737b5";
export const ACCOUNT_ID = "22222222-2222-4222-8222-222222222222";
export const WEBHOOK_KEY = "s3cr3t/key+with=chars";
/** 2026-01-01T10:00:00Z */
export const CHANGED_AT = new Date("2026-01-01T10:00:00Z");

export function endpoint(changes: Partial<ServiceEndpointRegistration> = {}): ServiceEndpointRegistration {
  return {
    serviceendpointid: ENDPOINT_ID,
    name: "pc-sync",
    url: "http://127.0.0.1:9/hook",
    contract: 8,
    authtype: 4,
    authvalue: WEBHOOK_KEY,
    messageformat: 2,
    ...changes,
  };
}

let stepCounter = 0;

/** An enabled async PostOperation step on Update of opportunity, with no images. */
export function step(changes: Partial<StepRegistration> = {}): StepRegistration {
  stepCounter += 1;
  return {
    sdkmessageprocessingstepid: `75417616-0000-4000-8000-${String(stepCounter).padStart(12, "0")}`,
    name: `pc-sync: step ${stepCounter}`,
    message: "Update",
    primaryEntity: "opportunity",
    stage: 40,
    mode: 1,
    rank: 1,
    filteringattributes: null,
    enabled: true,
    asyncautodelete: false,
    eventHandlerServiceEndpointId: ENDPOINT_ID,
    images: [],
    ...changes,
  };
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

const BASE_NOTIFICATION: ChangeNotification = {
  message: "Update",
  entityName: "opportunity",
  id: OPPORTUNITY_ID,
  target: { name: typedValue.string("Contoso / 500 seats") },
  changedAttributes: ["name"],
  primaryNameAttribute: "name",
  initiatingUserId: USER_ID,
  userId: USER_ID,
  businessUnitId: BUSINESS_UNIT_ID,
  organizationId: ORGANIZATION_ID,
  organizationName: "OrgName",
  organizationDomain: "org6eadd181.crm.dynamics.com",
  correlationId: CORRELATION_ID,
  depth: 1,
  at: CHANGED_AT,
};

/** An Update of opportunity.name by USER_ID (no impersonation), with both images. */
export function updateNotification(changes: Partial<ChangeNotification> = {}): ChangeNotification {
  return {
    ...BASE_NOTIFICATION,
    preImage: { ...OPPORTUNITY_AFTER, name: typedValue.string("Contoso") },
    postImage: OPPORTUNITY_AFTER,
    ...changes,
  };
}

/** A Create of an opportunity with two typed columns; there is no pre-image of a Create. */
export function createNotification(changes: Partial<ChangeNotification> = {}): ChangeNotification {
  return {
    ...BASE_NOTIFICATION,
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
