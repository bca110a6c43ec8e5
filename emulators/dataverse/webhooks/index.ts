// The webhook side of the Dataverse emulator: which steps fire for a change, the exact request, sending, system jobs.
export {
  ASYNC_OPERATION_COMPLETED,
  AsyncOperationStatus,
  DEFAULT_FAILURE_ERROR_CODE,
  SYSTEM_EVENT_OPERATION_TYPE,
  type AsyncOperationRecord,
} from "./async-operations";
export { DEFAULT_TIMEOUT_MS, type WebhookCallerOptions } from "./caller-options";
export { primaryIdAttributeOf, type ChangeNotification } from "./change-notification";
export { dataContractDate, quoteDataContractString, writeDataContractJson, type JsonValue } from "./data-contract-json";
export { authenticateEndpoint, parseAuthSettings, urlWithoutQuery, type AuthSetting } from "./endpoint-auth";
export { ASYNC_PRIMARY_NAME_IMAGE } from "./entity-images";
export { WebhookConfigurationError } from "./errors";
export {
  buildRemoteExecutionContext,
  EMPTY_GUID,
  MEMBERS_REMOVED_WHEN_OVERSIZED,
  trimOversizedContext,
  type ExecutionContextOptions,
  type RemoteExecutionContextJson,
  type SharedVariable,
} from "./execution-context";
export {
  ImageType,
  MessageFormat,
  ServiceEndpointContract,
  StepMode,
  StepStage,
  WebhookAuthType,
  type ServiceEndpointRegistration,
  type StepImageRegistration,
  type StepRegistration,
  type WebhookRegistrations,
} from "./registrations";
export { contractTypeHint, type MultiSelectEncoding } from "./sdk-contracts";
export { selectSteps } from "./step-selection";
export { redactSecrets, type FailureReason, type StepFailure } from "./step-outcome";
export { typedValue, type TypedAttributes, type TypedValue } from "./typed-values";
export { WebhookCaller, type SynchronousStepsResult } from "./webhook-caller";
export { RETRIED_STATUS_CODES } from "./webhook-post";
export {
  buildWebhookRequest,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_SIZE_EXCEEDED_HEADER_VALUE,
  SIZE_EXCEEDED_HEADER,
  type WebhookRequest,
} from "./webhook-request";
