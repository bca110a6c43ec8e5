/**
 * The POST Dataverse sends for one step (dataverse.md §3.3): lower-case headers, auth from the endpoint, and the
 * RemoteExecutionContext body, trimmed when it exceeds the size limit.
 */
import type { ChangeNotification } from "./change-notification";
import { writeDataContractJson } from "./data-contract-json";
import { authenticateEndpoint } from "./endpoint-auth";
import { buildRemoteExecutionContext, trimOversizedContext, type ExecutionContextOptions } from "./execution-context";
import type { ServiceEndpointRegistration, StepRegistration } from "./registrations";

/** "Sent only when the HTTP payload size exceeds the 256KB" (§3.3). */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * The value of `x-ms-dynamics-msg-size-exceeded`. §3.3 documents when the header is sent, not its value, so the
 * emulator sends "true" by default and lets tests choose; receivers should test for the header's presence.
 */
export const DEFAULT_SIZE_EXCEEDED_HEADER_VALUE = "true";

/** The header that flags a trimmed body. */
export const SIZE_EXCEEDED_HEADER = "x-ms-dynamics-msg-size-exceeded";

/** How the request is put together. */
export interface WebhookRequestSettings {
  readonly context: ExecutionContextOptions;
  readonly maxBodyBytes: number;
  readonly sizeExceededHeaderValue: string;
}

/** A request ready to send; `x-request-id` is added per attempt. */
export interface WebhookRequest {
  /** Holds the auth query parameters: never log it. */
  readonly url: string;
  /** Safe for messages: no query string. */
  readonly safeUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** True when the body was trimmed and the size-exceeded header added. */
  readonly sizeExceeded: boolean;
  /** The endpoint's secret values, for redaction. */
  readonly secrets: readonly string[];
}

/**
 * Builds the request for `step`. Auth headers go first and cannot replace the platform's own headers. Throws
 * WebhookConfigurationError when the endpoint cannot be called.
 */
export function buildWebhookRequest(
  notification: ChangeNotification,
  step: StepRegistration,
  endpoint: ServiceEndpointRegistration,
  settings: WebhookRequestSettings,
): WebhookRequest {
  const target = authenticateEndpoint(endpoint);
  const context = buildRemoteExecutionContext(notification, step, endpoint, settings.context);
  let body = Buffer.from(writeDataContractJson(context), "utf8");
  const sizeExceeded = body.byteLength > settings.maxBodyBytes;
  if (sizeExceeded) body = Buffer.from(writeDataContractJson(trimOversizedContext(context)), "utf8");
  const headers: Record<string, string> = {
    ...target.headers,
    "content-type": "application/json",
    "x-ms-dynamics-organization": notification.organizationDomain,
    "x-ms-dynamics-entity-name": notification.entityName,
    "x-ms-dynamics-request-name": notification.message,
    "x-ms-correlation-request-id": notification.correlationId,
    ...(sizeExceeded ? { [SIZE_EXCEEDED_HEADER]: settings.sizeExceededHeaderValue } : {}),
  };
  return { url: target.url, safeUrl: target.safeUrl, headers, body, sizeExceeded, secrets: target.secrets };
}
