/**
 * Dataverse webhook requests for the HTTP tests, built by the Dataverse emulator's own webhook code (the body and
 * headers Dataverse sends, dataverse.md §3.3) and aimed at the app under test.
 */
import { randomUUID } from "node:crypto";
import {
  buildWebhookRequest,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_SIZE_EXCEEDED_HEADER_VALUE,
  typedValue,
  type ChangeNotification,
  type ServiceEndpointRegistration,
} from "../../../emulators/dataverse/webhooks";
import {
  NAME_UPDATE_WITHOUT_IMAGES,
  opportunityUpdateStep,
  webhookEndpoint,
  WEBHOOK_KEY,
} from "../../support/dataverseWebhookFixtures";

export const DATAVERSE_PATH = "/webhooks/dataverse";
export const STEP_ID = "75417616-0000-4000-8000-000000000001";

/** The registered step the bridge uses: async PostOperation Update of opportunity. */
export const updateStep = opportunityUpdateStep({
  sdkmessageprocessingstepid: STEP_ID,
  name: "cosell-bridge: Update of opportunity",
  asyncautodelete: false,
});

/** How the emulator authenticates: the WebhookKey type (`?code=`) by default. */
export function endpointFor(appUrl: string, changes: Partial<ServiceEndpointRegistration> = {}) {
  return webhookEndpoint(`${appUrl}${DATAVERSE_PATH}`, changes);
}

/** The HttpHeader auth type, sending the key in `header`. */
export function headerEndpointFor(appUrl: string, header: string, key = WEBHOOK_KEY) {
  return endpointFor(appUrl, {
    authtype: 5,
    authvalue: `<settings><setting name="${header}" value="${key}" /></settings>`,
  });
}

/** A request as Dataverse sends it. */
export interface DataverseRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** The request Dataverse would POST for `notification` to `endpoint`. */
export function dataverseRequest(
  notification: ChangeNotification,
  endpoint: ServiceEndpointRegistration,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
): DataverseRequest {
  const request = buildWebhookRequest(notification, updateStep, endpoint, {
    context: {},
    maxBodyBytes,
    sizeExceededHeaderValue: DEFAULT_SIZE_EXCEEDED_HEADER_VALUE,
  });
  return { url: request.url, headers: { ...request.headers, "x-request-id": randomUUID() }, body: request.body };
}

/** An Update of the opportunity's name by `userId` (the seller unless changed). */
export function nameUpdate(changes: Partial<ChangeNotification> = {}): ChangeNotification {
  return { ...NAME_UPDATE_WITHOUT_IMAGES, ...changes };
}

/** An Update of an account (a table the bridge does not sync). */
export function accountUpdate(): ChangeNotification {
  return nameUpdate({
    entityName: "account",
    id: "22222222-2222-4222-8222-222222222222",
    target: { name: typedValue.string("Contoso Ltd") },
  });
}

/** Sends `request`, with any header replaced or removed (undefined). */
export function send(request: DataverseRequest, changes: Record<string, string | undefined> = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...request.headers, ...changes })) {
    if (value !== undefined) headers[name] = value;
  }
  return fetch(request.url, { method: "POST", headers, body: Uint8Array.from(request.body) });
}

/** `url` with the `code` query parameter replaced (or removed when undefined). */
export function withCode(url: string, code: string | undefined): string {
  const parsed = new URL(url);
  parsed.searchParams.delete("code");
  if (code !== undefined) parsed.searchParams.set("code", code);
  return parsed.href;
}
