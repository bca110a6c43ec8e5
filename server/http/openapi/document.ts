/**
 * The OpenAPI 3.1 document served at GET /openapi.json: every route, its bodies, responses and security. A test
 * compares it with the routes Fastify actually registered, both ways.
 */
import { HEALTH_PATH, METRICS_PATH, READY_PATH } from "../operations/operationsRoutes";
import { adminPaths, formPaths } from "./apiPaths";
import { jsonResponse, type OpenApiObject } from "./building";
import { operatorPagePaths, operatorSchemas } from "./operatorPaths";
import { schemas } from "./schemas";
import { webhookPaths } from "./webhookPaths";

export const OPENAPI_PATH = "/openapi.json";

/** What the document states about this deployment. */
export interface OpenApiSettings {
  /** The service's external base URL (PUBLIC_URL), listed as the server. */
  readonly publicUrl?: string;
  readonly issuer: string;
  readonly audience: string;
  readonly adminRole: string;
  /** The header of the HttpHeader webhook auth type. */
  readonly webhookKeyHeader: string;
  readonly version: string;
}

function operationsPaths(): Record<string, OpenApiObject> {
  const operation = (operationId: string, summary: string, responses: OpenApiObject): OpenApiObject => ({
    get: { operationId, tags: ["operations"], summary, security: [], responses },
  });
  return {
    [HEALTH_PATH]: operation("getHealth", "Liveness: the process answers. Checks nothing outside the process.", {
      "200": {
        description: "Alive.",
        content: { "application/json": { schema: { type: "object", properties: { status: { const: "ok" } } } } },
      },
    }),
    [READY_PATH]: operation("getReadiness", "Readiness: database, Dataverse and Partner Center, each checked.", {
      "200": jsonResponse("Every check passed.", "ReadinessReport"),
      "503": jsonResponse("At least one check failed or timed out.", "ReadinessReport"),
    }),
    [METRICS_PATH]: operation("getMetrics", "Metrics in the Prometheus text exposition format 0.0.4.", {
      "200": { description: "The metrics.", content: { "text/plain; version=0.0.4": { schema: { type: "string" } } } },
    }),
    [OPENAPI_PATH]: operation("getOpenApi", "This document.", {
      "200": {
        description: "The OpenAPI 3.1 document.",
        content: { "application/json": { schema: { type: "object" } } },
      },
    }),
  };
}

function securitySchemes(settings: OpenApiSettings): OpenApiObject {
  return {
    bearerJwt: {
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
      description:
        `A JWT signed by the issuer's JWKS key (RS256), with iss '${settings.issuer}' and aud '${settings.audience}'. ` +
        `The admin API also needs the app role '${settings.adminRole}' in the roles claim.`,
    },
    webhookKeyQuery: {
      type: "apiKey",
      in: "query",
      name: "code",
      description: "The Dataverse service endpoint's WebhookKey auth type: ?code=<DATAVERSE_WEBHOOK_KEY>.",
    },
    webhookKeyHeader: {
      type: "apiKey",
      in: "header",
      name: settings.webhookKeyHeader,
      description: "The Dataverse service endpoint's HttpHeader auth type, with the same key.",
    },
    partnerCenterSignature: {
      type: "apiKey",
      in: "header",
      name: "Authorization",
      description:
        "`Signature <base64>`: RSA-SHA256 over the exact body bytes with the certificate at X-MS-Certificate-Url.",
    },
    partnerCenterMsSignature: {
      type: "apiKey",
      in: "header",
      name: "x-ms-signature",
      description: "The same signature when the registration sets SignatureTokenToMsSignatureHeader.",
    },
  };
}

/** The document for `settings`. */
export function buildOpenApiDocument(settings: OpenApiSettings): OpenApiObject {
  return {
    openapi: "3.1.0",
    info: {
      title: "Co-sell Bridge sync service",
      version: settings.version,
      description:
        "Webhook receivers for Dataverse and Partner Center, the API the Opportunity form calls (CORS limited to " +
        "the configured Dynamics origins), the admin API, the operator page, and operations endpoints. Every error answer has the body " +
        "{ error: { code, message, whatToDo } }.",
    },
    ...(settings.publicUrl === undefined ? {} : { servers: [{ url: settings.publicUrl }] }),
    tags: [
      { name: "webhooks", description: "Called by Dataverse and Partner Center." },
      { name: "form", description: "Called by the Opportunity form (bearer JWT, CORS)." },
      { name: "admin", description: "For admins (bearer JWT with the admin role)." },
      { name: "operator", description: "The operator page and its files; public, the data comes from the admin API." },
      { name: "operations", description: "Health, readiness, metrics; unauthenticated." },
    ],
    paths: {
      ...webhookPaths,
      ...formPaths,
      ...adminPaths(settings.adminRole),
      ...operatorPagePaths,
      ...operationsPaths(),
    },
    components: { schemas: { ...schemas, ...operatorSchemas }, securitySchemes: securitySchemes(settings) },
  };
}
