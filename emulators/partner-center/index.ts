// The local Partner Center: start it, steer it through its admin client, and the state and webhook types tests use.
export { startPartnerCenterEmulator, type PartnerCenterEmulator } from "./server";
export type { PartnerCenterAudiences, PartnerCenterEmulatorOptions, PartnerCenterStateOptions } from "./options";
export {
  DEFAULT_APPLICATION_CLIENT,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_DELEGATED_CLIENT,
  DEFAULT_REFERRALS_ADMIN,
  DEFAULT_REFRESH_TOKEN,
  DEFAULT_SOLUTIONS,
  DEFAULT_TENANT_ID,
  REFERRALS_AUDIENCE,
  WEBHOOKS_AUDIENCE,
} from "./defaults";
export { PartnerCenterAdminClient } from "./adminClient";
export { PartnerCenterAdminError } from "./adminError";
export type { AdminTransportOptions } from "../shared/admin/adminTransport";
export {
  ADMIN_BASE_PATH,
  type ClockAdvance,
  type ClockChange,
  type ClockState,
  type CloseRequest,
  type DeliverySettings,
  type DispatcherStatus,
  type EmulatorInfo,
  type MintedToken,
  type RedeliveryResult,
  type RefreshTokenRequest,
  type RequestLogPage,
  type RequestLogQuery,
  type TokenRequest,
} from "./adminTypes";
export { ADMIN_KEY_HEADER } from "../shared/admin/adminTypes";
export { REFERRALS_PATH } from "./http/referralRoutes";
export { SOLUTIONS_PATH } from "./http/solutionRoutes";
export { REGISTRATION_PATH } from "./http/webhookRoutes";
export {
  EmulatorState,
  PartnerCenterError,
  SnapshotError,
  type DealUpdate,
  type EmulatorSnapshot,
  type InboundReferral,
  type InboundReferralRequest,
  type PartnerCenterErrorBody,
  type PartnerSolution,
  type ReferralEvent,
  type ReferralPage,
  type StaleEtagStatus,
} from "./state";
export {
  CERTIFICATE_CONTENT_TYPE,
  CERTIFICATE_PATH,
  REFERRAL_EVENTS,
  SUPPORTED_EVENTS,
  TEST_EVENT,
  type DeliveryLogEntry,
  type EventBody,
  type OfflineDelivery,
  type SigningCertificate,
  type WebhookEmulator,
  type WebhookRegistration,
} from "./webhooks";
