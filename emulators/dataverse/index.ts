// The local Dataverse: start it, steer it through its admin client, and the types tests and the demo use.
export { startDataverseEmulator, type DataverseEmulator } from "./server";
export type {
  DataverseEmulatorOptions,
  DataverseSeedOptions,
  DataverseWebhookOptions,
  OrganizationIdentity,
  ServiceProtectionLimits,
  SynchronousStepFailure,
} from "./options";
export {
  BASELINE_USERS,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_INTEGRATION_CLIENT,
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_ORGANIZATION,
  DEFAULT_SELLER_CLIENT,
  DEFAULT_SERVICE_PROTECTION,
  DEFAULT_TENANT_ID,
  WEB_API_PATH,
} from "./defaults";
export { DataverseAdminClient } from "./adminClient";
export { DataverseAdminError } from "./adminError";
export type { AdminTransportOptions } from "../shared/admin/adminTransport";
export {
  ADMIN_BASE_PATH,
  type AuthValueResult,
  type ClockAdvance,
  type ClockState,
  type DataverseEmulatorInfo,
  type DeliveryList,
  type MintedToken,
  type RequestLogPage,
  type RequestLogQuery,
  type ResetRequest,
  type ResetResult,
  type ServiceProtectionChange,
  type ServiceProtectionState,
  type SystemJobList,
  type TokenRequest,
  type UserSummary,
} from "./adminTypes";
export type { WebhookDeliveryEntry } from "./deliveryLog";
export { ADMIN_KEY_HEADER } from "../shared/admin/adminTypes";
export { CONCURRENCY_LIMIT_CODE, REQUEST_LIMIT_CODE } from "./http/errors";
export type { ServiceProtection } from "./http/serviceProtection";
export type { CallerIdentity } from "./http/authentication";
export { ODATA_JSON } from "./http/webApiRequest";
export { webhookMessageOf, type OrganizationNames, type RequestScope } from "./changeNotifications";
export {
  DataverseError,
  DataverseOrganization,
  ErrorCode,
  opportunityMessageFilterIds,
  sdkMessageIds,
  SnapshotError,
  type OrganizationSnapshot,
  type SeedSummary,
} from "./model";
export type { AsyncOperationRecord, WebhookCaller } from "./webhooks";
