// server/http: the sync service's HTTP surface on Fastify 5 (webhooks, form API, admin API, operations, OpenAPI).
export { buildHttpApp, queueDepthSource, routesOf, type RegisteredRoute } from "./app";
export { callerOf, REALM } from "./auth/bearer";
export {
  createTokenVerifier,
  TokenCheckUnavailable,
  TokenRejected,
  type TokenSettings,
  type VerifyToken,
} from "./auth/tokenVerifier";
export { FORM_API_PREFIX } from "./form/formRoutes";
export { loggerOptions, redactUrl, REDACTED, SECRET_HEADERS, type HttpLogging, type LogStream } from "./logging";
export { buildOpenApiDocument, OPENAPI_PATH, type OpenApiSettings } from "./openapi/document";
export { ADMIN_PREFIX } from "./operations/adminRoutes";
export { HEALTH_PATH, METRICS_PATH, READY_PATH } from "./operations/operationsRoutes";
export { checkReadiness, type CheckResult, type ReadinessReport } from "./operations/readiness";
export { DEFAULT_WEBHOOK_KEY_HEADER, type HttpAppOptions, type HttpConfig } from "./options";
export { DEFAULT_RETRY_AFTER_SECONDS, HttpProblem, type ErrorBody } from "./problem";
export * from "./services";
export { DATAVERSE_WEBHOOK_PATH } from "./webhooks/dataverseWebhook";
export { PARTNER_CENTER_WEBHOOK_PATH } from "./webhooks/partnerCenterWebhook";
export type { WebhookAcknowledgement } from "./webhooks/webhookScope";
