// Partner Center webhook intake (shared/reference/partner-center.md §2.3 to §2.5): verify a delivery's signature
// with a downloaded, checked certificate, parse the event, and turn it into a sync job. No HTTP framework, no queue.
export { CertificateStore, type CertificateSource, type CertificateStoreOptions, type Clock } from "./certificateStore";
export { MICROSOFT_ISSUER_ORGANIZATION } from "./certificateTrust";
export type { HeaderLookup, WebhookHeaders } from "./headers";
export { IntakeError, type IntakeErrorCode, type IntakeStatus } from "./intakeError";
export {
  PARTNER_CENTER_EVENT_NAMES,
  TEST_EVENT_NAME,
  parsePartnerCenterEvent,
  type PartnerCenterEvent,
  type PartnerCenterEventName,
} from "./partnerCenterEvent";
export { referralIdFromResourceUri } from "./resourceUri";
export {
  SIGNATURE_ALGORITHM,
  parseSignatureHeaders,
  type SignatureHeaderName,
  type SignatureHeaders,
} from "./signatureHeaders";
export {
  toSyncJob,
  type IgnoredEvent,
  type PartnerCenterReferralJob,
  type PartnerCenterSyncJob,
  type ReferralEventName,
} from "./syncJob";
export { verifyPartnerCenterWebhook, type PartnerCenterWebhookRequest } from "./verifyWebhook";
