/**
 * The HTTP surface of the sync service on Fastify 5: the two webhook receivers, the form API, the admin API, the
 * operator page, health/readiness/metrics and the OpenAPI document. buildHttpApp wires them; the caller listens and
 * closes.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { DEFAULT_MAX_BODY_BYTES } from "../intake/dataverse";
import { CertificateStore, type CertificateSource } from "../intake/partnerCenter";
import { createServiceMetrics, type QueueDepthSource } from "../metrics";
import { createTokenVerifier } from "./auth/tokenVerifier";
import { installErrorHandler } from "./errorHandler";
import { formApi, FORM_API_PREFIX } from "./form/formRoutes";
import { loggerOptions } from "./logging";
import { buildOpenApiDocument, OPENAPI_PATH } from "./openapi/document";
import { operatorPage } from "./operator/operatorRoutes";
import { adminApi, ADMIN_PREFIX } from "./operations/adminRoutes";
import { operationsRoutes } from "./operations/operationsRoutes";
import { DEFAULT_PROBE_TIMEOUT_MS } from "./operations/readiness";
import { DEFAULT_WEBHOOK_KEY_HEADER, type HttpAppOptions, type HttpConfig } from "./options";
import { DEFAULT_RETRY_AFTER_SECONDS } from "./problem";
import type { OperationsService } from "./services";
import { dataverseWebhook } from "./webhooks/dataverseWebhook";
import { DEFAULT_PARTNER_CENTER_MAX_BODY_BYTES, partnerCenterWebhook } from "./webhooks/partnerCenterWebhook";

/** A route as Fastify registered it. */
export interface RegisteredRoute {
  readonly method: string;
  /** Fastify's syntax, e.g. `/api/v1/opportunities/:id/sync`. */
  readonly url: string;
  /** Marked `schema.hide` (e.g. the CORS preflight catch-all): not part of the documented API. */
  readonly hidden: boolean;
}

const registeredRoutes = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route registered on an app built by buildHttpApp, in registration order. */
export function routesOf(app: FastifyInstance): readonly RegisteredRoute[] {
  return registeredRoutes.get(app) ?? [];
}

/** The queue depth gauge's source, from the operations service. */
export function queueDepthSource(operations: OperationsService): QueueDepthSource {
  return async () => {
    const depth = await operations.depth();
    return { queued: depth.queued, running: depth.running, retrying: depth.retrying, failed: depth.failed };
  };
}

function certificateSource(config: HttpConfig, options: HttpAppOptions): CertificateSource {
  if (options.certificates !== undefined) return options.certificates;
  try {
    return new CertificateStore({
      allowedHosts: config.partnerCenter.certificateHosts,
      trustEmulatorCertificates: config.partnerCenter.trustEmulatorCertificates,
      ...(options.trustedRoots === undefined ? {} : { trustedRoots: options.trustedRoots }),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Partner Center webhooks cannot be verified: ${reason}`, { cause: error });
  }
}

/** Builds the app (not listening). @throws Error when the Partner Center certificate trust is not configured. */
export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const { config, services } = options;
  const webhookKeyHeader = options.webhookKeyHeader ?? DEFAULT_WEBHOOK_KEY_HEADER;
  const retryAfterSeconds = options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  const logging = options.logging ?? { level: config.server.logLevel };
  const app = Fastify({
    logger: loggerOptions(logging, [webhookKeyHeader]),
    // Only documented routes exist: no automatic HEAD twins of the GET routes.
    exposeHeadRoutes: false,
    trustProxy: options.trustProxy ?? false,
    // Longer than any id the routes accept, so that an over-long id gets their 400 naming it rather than a bare 414.
    routerOptions: { maxParamLength: 512 },
  });
  const routes: RegisteredRoute[] = [];
  registeredRoutes.set(app, routes);
  app.addHook("onRoute", (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, hidden });
  });
  installErrorHandler(app);

  const metrics = options.metrics ?? createServiceMetrics({ queueDepth: queueDepthSource(services.operations) });
  const verify = createTokenVerifier({
    ...options.token,
    issuer: config.formApi.issuer,
    audience: config.formApi.audience,
    jwksUrl: config.formApi.jwksUrl,
  });
  const webhookDependencies = { queue: services.queue, metrics, retryAfterSeconds };

  await app.register(
    dataverseWebhook({
      ...webhookDependencies,
      webhookKey: config.dataverse.webhookKey,
      keyHeaderName: webhookKeyHeader,
      maxBodyBytes: options.dataverseMaxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      integrationUsers: services.integrationUsers,
    }),
  );
  await app.register(
    partnerCenterWebhook({
      ...webhookDependencies,
      certificates: certificateSource(config, options),
      maxBodyBytes: options.partnerCenterMaxBodyBytes ?? DEFAULT_PARTNER_CENTER_MAX_BODY_BYTES,
    }),
  );
  await app.register(formApi({ form: services.form, verify, corsOrigins: config.formApi.corsOrigins }), {
    prefix: FORM_API_PREFIX,
  });
  await app.register(adminApi({ operations: services.operations, verify, adminRole: config.formApi.adminRole }), {
    prefix: ADMIN_PREFIX,
  });
  await app.register(
    operatorPage({
      issuer: config.formApi.issuer,
      audience: config.formApi.audience,
      adminRole: config.formApi.adminRole,
    }),
  );
  await app.register(
    operationsRoutes({
      operations: services.operations,
      registry: metrics.registry,
      probeTimeoutMs: options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
    }),
  );

  const document = buildOpenApiDocument({
    publicUrl: config.server.publicUrl,
    issuer: config.formApi.issuer,
    audience: config.formApi.audience,
    adminRole: config.formApi.adminRole,
    webhookKeyHeader,
    version: options.version ?? "1.0.0",
  });
  app.get(OPENAPI_PATH, (_request, reply) => {
    void reply.send(document);
  });
  return app;
}
