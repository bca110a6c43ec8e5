/**
 * The webhook registration API under /webhooks/v1/registration (shared/reference/partner-center.md §2.1), one
 * registration per tenant, the tenant being the `tid` of the caller's token; and the public signing certificate
 * that `X-MS-Certificate-Url` points at (§2.4).
 */
import { json, requireJsonBody, type Reply, type ReplyBody, type RequestContext, type Router } from "../../http";
import {
  CERTIFICATE_CONTENT_TYPE,
  CERTIFICATE_PATH,
  type ApiResult,
  type SigningCertificate,
  type WebhookRegistrations,
} from "../webhooks";

/** The registration API's base path. */
export const REGISTRATION_PATH = "/webhooks/v1/registration";

/** What the webhook routes depend on. */
export interface WebhookRouteSettings {
  readonly registrations: WebhookRegistrations;
  readonly certificate: SigningCertificate;
  /** The tenant of a request that passed authentication. */
  readonly tenantOf: (request: RequestContext) => string;
}

/** Adds the registration API and the certificate route. */
export function registerWebhookRoutes(router: Router, settings: WebhookRouteSettings): Router {
  const { registrations, tenantOf } = settings;
  return (
    router
      .add("GET", `${REGISTRATION_PATH}/events`, () => reply(registrations.listEvents()))
      .add("GET", REGISTRATION_PATH, (request) => reply(registrations.getRegistration(tenantOf(request))))
      .add("POST", REGISTRATION_PATH, async (request) => {
        const body = await requireJsonBody(request);
        return reply(registrations.createRegistration(tenantOf(request), body));
      })
      .add("PUT", REGISTRATION_PATH, async (request) => {
        const body = await requireJsonBody(request);
        return reply(registrations.updateRegistration(tenantOf(request), body));
      })
      // Not documented (§2.1): 405 unless the emulator was started with registrations.allowDelete.
      .add("DELETE", REGISTRATION_PATH, (request) => reply(registrations.deleteRegistration(tenantOf(request))))
      .add("POST", `${REGISTRATION_PATH}/validationEvents`, (request) =>
        reply(registrations.postValidationEvent(tenantOf(request))),
      )
      .add("GET", `${REGISTRATION_PATH}/validationEvents/:correlationId`, (request) =>
        reply(registrations.getValidationEvent(tenantOf(request), request.params.correlationId ?? "")),
      )
      .add("GET", CERTIFICATE_PATH, () => ({
        status: 200,
        headers: { "content-type": CERTIFICATE_CONTENT_TYPE },
        body: settings.certificate.certificateDer,
      }))
  );
}

/** Copies an ApiResult onto a reply; the registrations already shape bodies and headers as Partner Center does. */
function reply(result: ApiResult): Reply {
  const headers = result.headers ?? {};
  if (result.body === undefined) return { status: result.status, headers };
  return json(result.status, result.body as ReplyBody & object, headers);
}
