// The public surface of the emulated Partner Center webhooks: registration API, signing certificate, dispatcher.
export { failure, type ApiResult, type PartnerCenterError, type ThrottledBody } from "./api-result";
export {
  CERTIFICATE_CONTENT_TYPE,
  CERTIFICATE_PATH,
  createSigningCertificate,
  type PayloadSigner,
  type SigningCertificate,
  type SigningCertificateOptions,
} from "./certificate";
export { WebhookDispatcher } from "./dispatcher";
export {
  DEFAULT_BEHAVIOUR,
  type BackoffPolicy,
  type BehaviourChanges,
  type DeliveryBehaviour,
  type DeliveryLogEntry,
  type OfflineDelivery,
  type OutOfOrderOptions,
  type PublishedEvent,
  type WebhookDispatcherOptions,
} from "./dispatcher-options";
export { DEFAULT_REFERRAL_URI_TEMPLATE, DEFAULT_VALIDATION_URI_TEMPLATE, type EventBody } from "./event-body";
export { REFERRAL_EVENTS, SUPPORTED_EVENTS, TEST_EVENT, isSupportedEvent, type ReferralEventName } from "./events";
export type {
  AttemptOutcome,
  DeliveryObserver,
  RegistrationLookup,
  ValidationEventRequest,
  ValidationEventSender,
  WebhookRegistration,
} from "./model";
export type { RateLimit } from "./rate-limiter";
export { REGISTRATION_EXISTS_MESSAGE, WebhookRegistrations, type WebhookRegistrationsOptions } from "./registrations";
export { formatUtcDate } from "./utc-date";
export type { ValidationAttemptResult, ValidationEventResult, ValidationStatus } from "./validation-events";
export { createWebhookEmulator, type WebhookEmulator, type WebhookEmulatorOptions } from "./webhook-emulator";
