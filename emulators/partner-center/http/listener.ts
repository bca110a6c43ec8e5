/**
 * The emulator's request handling: two pipelines behind one port. The Partner Center side (tokens, referrals,
 * solutions, webhook registration, certificate) has the request log, fault injection and bearer checks; the admin
 * side has none of them, so a "drop everything" fault can never lock a test out of the API that removes it, and
 * admin calls never show up in the call counts. Both get the tracing headers of §1.1.
 */
import { registerTokenRoutes, TOKEN_ISSUER_PUBLIC_PATHS } from "../../auth";
import { createPipeline, renderPartnerCenterRateLimit, Router, type RequestListener } from "../../http";
import { ADMIN_BASE_PATH } from "../adminTypes";
import { CERTIFICATE_PATH } from "../webhooks";
import type { AdminContext } from "./adminContext";
import { registerControlRoutes } from "./adminControlRoutes";
import { registerDataRoutes } from "./adminDataRoutes";
import { registerMicrosoftRoutes } from "./adminMicrosoftRoutes";
import { registerWebhookAdminRoutes } from "./adminWebhookRoutes";
import { adminKeyCheck } from "../../shared/admin/adminKey";
import { createAuthentication } from "./authentication";
import { withCorrelationHeaders } from "./correlation";
import { renderPartnerCenterError } from "./errors";
import { registerReferralRoutes } from "./referralRoutes";
import { registerSolutionRoutes } from "./solutionRoutes";
import { registerWebhookRoutes } from "./webhookRoutes";

/** Builds the node:http listener of a running emulator from its parts. */
export function createEmulatorListener(context: AdminContext): RequestListener {
  const { settings, issuer, webhooks, holder } = context;
  const state = () => holder.state;
  const authentication = createAuthentication({
    issuer,
    referralsAudiences: settings.referralsAudiences,
    webhookAudiences: settings.webhookAudiences,
    referralsAccess: settings.referralsAccess,
  });

  const apiRouter = registerTokenRoutes(new Router(), issuer);
  registerReferralRoutes(apiRouter, {
    state,
    beforeEachCall: () => {
      context.expireDue();
    },
    createStatus: settings.createStatus,
    countByDefault: settings.countByDefault,
  });
  registerSolutionRoutes(apiRouter, state);
  registerWebhookRoutes(apiRouter, {
    registrations: webhooks.registrations,
    certificate: webhooks.certificate,
    tenantOf: (request) => authentication.claimsOf(request).tid,
  });
  const api = createPipeline({
    router: apiRouter,
    log: context.log,
    faults: context.faults,
    renderError: renderPartnerCenterError,
    renderRateLimit: renderPartnerCenterRateLimit,
    authenticate: authentication.authenticate,
    publicPaths: [...TOKEN_ISSUER_PUBLIC_PATHS, CERTIFICATE_PATH],
    ...(settings.logger === undefined ? {} : { logger: settings.logger }),
  });

  const adminRouter = new Router();
  registerDataRoutes(adminRouter, context);
  registerMicrosoftRoutes(adminRouter, context);
  registerControlRoutes(adminRouter, context);
  registerWebhookAdminRoutes(adminRouter, context);
  const checkAdminKey = adminKeyCheck(settings.adminKey);
  const admin = createPipeline({
    router: adminRouter,
    renderError: renderPartnerCenterError,
    ...(checkAdminKey === undefined ? {} : { authenticate: checkAdminKey }),
    ...(settings.logger === undefined ? {} : { logger: settings.logger }),
  });

  return withCorrelationHeaders((request, response) => {
    if (isAdminPath(request.url ?? "/")) admin(request, response);
    else api(request, response);
  }, settings.ids.requests);
}

function isAdminPath(target: string): boolean {
  const path = target.split("?")[0] ?? "";
  return path === ADMIN_BASE_PATH || path.startsWith(`${ADMIN_BASE_PATH}/`);
}
