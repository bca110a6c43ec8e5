/**
 * Webhook requests for the intake tests, produced by the Dataverse emulator's webhook code (an independent producer
 * of the body and headers, dataverse.md §3.3), with the fixed ids the assertions name.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import {
  buildWebhookRequest,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_SIZE_EXCEEDED_HEADER_VALUE,
  typedValue,
  writeDataContractJson,
  type ChangeNotification,
  type ExecutionContextOptions,
  type JsonValue,
  type ServiceEndpointRegistration,
  type StepRegistration,
  type TypedAttributes,
} from "../../../../emulators/dataverse/webhooks";
import {
  ACCOUNT_ID,
  NAME_UPDATE_WITHOUT_IMAGES,
  OPPORTUNITY_ID,
  opportunityUpdateStep,
  webhookEndpoint,
} from "../../../support/dataverseWebhookFixtures";
import { IntakeError, type IntakeErrorCode, type IntakeErrorStatus } from "../../../../server/intake/dataverse";

export {
  ACCOUNT_ID,
  CHANGED_AT,
  CORRELATION_ID,
  ENDPOINT_ID,
  OPPORTUNITY_ID,
  ORGANIZATION_DOMAIN,
  USER_ID as SELLER_ID,
  WEBHOOK_KEY,
} from "../../../support/dataverseWebhookFixtures";
export const INTEGRATION_USER_ID = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
export const STEP_ID = "75417616-0000-4000-8000-000000000001";

/** The JSON webhook endpoint, authenticated by WebhookKey (`?code=`) unless changed. */
export function endpoint(changes: Partial<ServiceEndpointRegistration> = {}): ServiceEndpointRegistration {
  return webhookEndpoint("https://sync.example/webhooks/dataverse", changes);
}

/** The async PostOperation step on Update of opportunity, as the bridge registers it, without images. */
export function step(changes: Partial<StepRegistration> = {}): StepRegistration {
  return opportunityUpdateStep({
    sdkmessageprocessingstepid: STEP_ID,
    name: "pc-sync: Update of opportunity",
    asyncautodelete: true,
    ...changes,
  });
}

/** `record` without member `name`. */
export function without<T extends object>(record: T, name: keyof T & string): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([member]) => member !== name)) as Partial<T>;
}

/** An opportunity row with one column of every type the intake decodes. */
export const OPPORTUNITY_ROW = {
  opportunityid: typedValue.guid(OPPORTUNITY_ID),
  name: typedValue.string("Contoso / 500 seats"),
  estimatedvalue: typedValue.money(1500.5),
  estimatedclosedate: typedValue.dateTime("2026-03-31T00:00:00Z"),
  statecode: typedValue.optionSetValue(0),
  parentaccountid: typedValue.entityReference("account", ACCOUNT_ID, "Contoso"),
  csb_microsofthelp: typedValue.optionSetValueCollection([582100001, 582100003]),
  csb_syncwithpartnercenter: typedValue.boolean(true),
  closeprobability: typedValue.number(40),
  description: typedValue.null(),
} satisfies TypedAttributes;

/** An Update of the opportunity's name by the seller, with the full rows before and after. */
export function updateNotification(changes: Partial<ChangeNotification> = {}): ChangeNotification {
  return {
    ...NAME_UPDATE_WITHOUT_IMAGES,
    preImage: { ...OPPORTUNITY_ROW, name: typedValue.string("Contoso") },
    postImage: OPPORTUNITY_ROW,
    ...changes,
  };
}

/** A Create of the opportunity with every column of OPPORTUNITY_ROW but its id. */
export function createNotification(changes: Partial<ChangeNotification> = {}): ChangeNotification {
  const columns = without(OPPORTUNITY_ROW, "opportunityid");
  return {
    ...NAME_UPDATE_WITHOUT_IMAGES,
    message: "Create",
    target: columns,
    changedAttributes: Object.keys(columns),
    postImage: OPPORTUNITY_ROW,
    ...changes,
  };
}

/** One request as the service receives it. */
export interface ReceivedRequest {
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** How the emulator builds the request. */
export interface RequestSettings {
  readonly step?: StepRegistration;
  readonly endpoint?: ServiceEndpointRegistration;
  readonly context?: ExecutionContextOptions;
  /** Bodies above this size are trimmed and flagged with `x-ms-dynamics-msg-size-exceeded`. */
  readonly maxBodyBytes?: number;
}

/** The request Dataverse would POST for `notification`, with the `x-request-id` added per attempt. */
export function receivedRequest(notification: ChangeNotification, settings: RequestSettings = {}): ReceivedRequest {
  const request = buildWebhookRequest(notification, settings.step ?? step(), settings.endpoint ?? endpoint(), {
    context: settings.context ?? {},
    maxBodyBytes: settings.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    sizeExceededHeaderValue: DEFAULT_SIZE_EXCEEDED_HEADER_VALUE,
  });
  return {
    query: Object.fromEntries(new URL(request.url).searchParams),
    headers: { ...request.headers, "x-request-id": randomUUID() },
    body: request.body,
  };
}

/** JSON headers without any Dataverse header, for bodies written by hand. */
export const JSON_HEADERS = { "content-type": "application/json" } as const;

/** Runs `action` and returns the IntakeError it throws, failing the test if it throws nothing or something else. */
export function intakeErrorOf(action: () => unknown): IntakeError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(IntakeError);
    return error as IntakeError;
  }
  throw new Error("expected an IntakeError, but nothing was thrown");
}

/** Asserts that `action` is refused with `status` and `code`, and returns the error's message. */
export function refusal(action: () => unknown, status: IntakeErrorStatus, code: IntakeErrorCode): string {
  const error = intakeErrorOf(action);
  expect({ status: error.status, code: error.code }).toEqual({ status, code });
  return error.message;
}

/** The body of `request` after `edit` changed its parsed context, written back the way Dataverse writes JSON. */
export function editedBody(request: ReceivedRequest, edit: (context: Record<string, unknown>) => void): Buffer {
  const context = JSON.parse(request.body.toString("utf8")) as Record<string, unknown>;
  edit(context);
  return Buffer.from(writeDataContractJson(context as JsonValue), "utf8");
}

/** The `{key, value}` entry `key` of a DataContract dictionary inside a parsed context. */
export function entryOf(list: unknown, key: string): { key: string; value: unknown } {
  const entry = (list as { key: string; value: unknown }[]).find((candidate) => candidate.key === key);
  if (entry === undefined) throw new Error(`no entry '${key}'`);
  return entry;
}

/** The attribute list of the Target of a parsed context. */
export function targetAttributesOf(context: Record<string, unknown>): { key: string; value: unknown }[] {
  const target = entryOf(context.InputParameters, "Target").value as { Attributes: { key: string; value: unknown }[] };
  return target.Attributes;
}
