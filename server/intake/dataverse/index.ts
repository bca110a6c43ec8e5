/**
 * The Dataverse webhook intake, independent of the HTTP framework and the queue: check the key, parse the
 * RemoteExecutionContext (dataverse.md §3.3) and turn it into a job. A typical handler:
 * `checkWebhookKey(request, key)`, then `toSyncJob(parseRemoteExecutionContext(body, headers), settings)`, enqueue,
 * answer 202; on IntakeError answer `error.status` with `error.toResponseBody()` and enqueue nothing.
 */
export {
  decodeValue,
  dataContractDateToIso,
  isDataContractDate,
  type DecodedAttributes,
  type DecodedReference,
  type DecodedValue,
  type IntakeWarning,
  type UnknownValue,
} from "./data-contract-values";
export type { DecodedImages } from "./context-entities";
export { IntakeError, type IntakeErrorBody, type IntakeErrorCode, type IntakeErrorStatus } from "./errors";
export {
  parseRemoteExecutionContext,
  SIZE_EXCEEDED_HEADER,
  type DataverseChange,
  type DataverseMessageName,
} from "./execution-context";
export type { JsonValue } from "./json-members";
export { checkContentType, DEFAULT_MAX_BODY_BYTES, readJsonBody, type BodyLimits } from "./request-body";
export { headerValue, type RequestHeaders, type RequestQuery } from "./request-headers";
export {
  opportunityDedupeKey,
  toSyncJob,
  type IgnoredChange,
  type OpportunitySyncJob,
  type SyncJobDecision,
  type SyncJobSettings,
} from "./sync-job";
export {
  checkWebhookKey,
  DEFAULT_WEBHOOK_KEY_HEADER,
  WEBHOOK_KEY_QUERY_PARAMETER,
  type WebhookKeyOptions,
  type WebhookKeyRequest,
  type WebhookKeySource,
} from "./webhook-key";
