/**
 * The emulator's request handling: two pipelines behind one port. The Dataverse side (token endpoint, JWKS, the Web
 * API) has the request log, fault injection, bearer checks and service protection; the admin side has none of
 * them, so a "drop everything" fault can never lock a test out of the API that removes it, and admin calls never
 * show up in the call counts. Every Web API answer carries `OData-Version: 4.0` (dataverse.md §4.1).
 */
import { registerTokenRoutes, TOKEN_ISSUER_PUBLIC_PATHS } from "../../auth";
import { createPipeline, renderODataError, Router, type RequestListener } from "../../http";
import { adminKeyCheck } from "../../shared/admin/adminKey";
import { ADMIN_BASE_PATH } from "../adminTypes";
import { DEFAULT_SERVICE_PROTECTION } from "../defaults";
import type { AdminContext } from "./adminContext";
import { registerControlRoutes } from "./adminControlRoutes";
import { registerDataRoutes } from "./adminDataRoutes";
import { registerWebhookAdminRoutes } from "./adminWebhookRoutes";
import { isWebApiPath, type Authentication } from "./authentication";
import { dataverseRateLimitRenderer, httpErrorOf } from "./errors";
import { registerWebApiRoutes, type WebApiDependencies } from "./webApiRoutes";

/** Registers further Web API routes (the $batch route) once the dispatcher exists. */
export type RouteExtension = (router: Router, deps: WebApiDependencies) => void;

/** Everything the listener is built from. */
export interface ListenerParts {
  readonly admin: AdminContext;
  readonly authentication: Authentication;
  readonly webApi: WebApiDependencies;
  readonly extensions: readonly RouteExtension[];
}

/** Builds the node:http listener of a running emulator from its parts. */
export function createDataverseListener(parts: ListenerParts): RequestListener {
  const { admin: context, authentication } = parts;
  const { settings } = context;
  const logger = settings.logger === undefined ? {} : { logger: settings.logger };

  const apiRouter = registerTokenRoutes(new Router(), context.issuer);
  registerWebApiRoutes(apiRouter, parts.webApi);
  for (const extend of parts.extensions) extend(apiRouter, parts.webApi);
  const api = createPipeline({
    router: apiRouter,
    log: context.log,
    faults: context.faults,
    renderError: renderODataError,
    renderRateLimit: dataverseRateLimitRenderer(() => context.protection.limits ?? DEFAULT_SERVICE_PROTECTION),
    authenticate: authentication.authenticate,
    publicPaths: TOKEN_ISSUER_PUBLIC_PATHS,
    mapError: httpErrorOf,
    maxBodyBytes: settings.maxRequestBytes,
    ...logger,
  });

  const adminRouter = new Router();
  registerDataRoutes(adminRouter, context);
  registerControlRoutes(adminRouter, context);
  registerWebhookAdminRoutes(adminRouter, context);
  const checkAdminKey = adminKeyCheck(settings.adminKey);
  const admin = createPipeline({
    router: adminRouter,
    renderError: renderODataError,
    mapError: httpErrorOf,
    maxBodyBytes: settings.maxRequestBytes,
    ...(checkAdminKey === undefined ? {} : { authenticate: checkAdminKey }),
    ...logger,
  });

  return (request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (path === ADMIN_BASE_PATH || path.startsWith(`${ADMIN_BASE_PATH}/`)) {
      admin(request, response);
      return;
    }
    if (isWebApiPath(path)) {
      response.setHeader("OData-Version", "4.0");
      context.protection.track(request, response);
    }
    api(request, response);
  };
}
