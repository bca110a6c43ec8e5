/**
 * server/clients: how the service talks to the Dataverse Web API and to the Partner Center Referrals and webhook
 * registration APIs, over Node's fetch, with Azure AD v2 tokens. Every failure is an ApiError (server/sync/apiError.ts)
 * whose message names the call but never a secret or a query string.
 */
export { createClients, partnerCenterAudience, PARTNER_CENTER_AUDIENCES } from "./createClients";
export type { Clients, CreateClientsOptions } from "./createClients";
export { HttpDataverseGateway } from "./dataverse/gateway";
export type { CatalogChanges } from "./dataverse/solutionCatalog";
export type {
  ComponentAction,
  DataverseWebhookRegistration,
  DataverseWebhookSettings,
  RegisteredComponent,
} from "./dataverse/webhookRegistration";
export { HttpPartnerCenterGateway } from "./partnerCenter/gateway";
export { PartnerCenterWebhookClient } from "./partnerCenter/webhookRegistration";
export type {
  PartnerCenterWebhookRegistration,
  RegisterPartnerCenterWebhook,
  ValidationEventResult,
} from "./partnerCenter/webhookRegistration";
export { InMemoryRefreshTokenStore, type RefreshTokenStore } from "./auth/refreshToken";
export { silentLogger, type ApiCallObserver, type ApiCallRecord, type ClientLogger } from "./http/apiCall";
