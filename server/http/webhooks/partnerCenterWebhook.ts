/**
 * POST /webhooks/partner-center: a signed Partner Center event (partner-center.md §2.3, §2.4). The signature is over
 * the exact body bytes, so the body is kept raw and verified before it is parsed; both signature header modes
 * (Authorization, or x-ms-signature with SignatureTokenToMsSignatureHeader) are the intake's. The answer is 200:
 * Partner Center's success criterion is not documented beyond the validation event's "responseCode: OK" (§2.5).
 */
import type { FastifyPluginCallback } from "fastify";
import { toSyncJob, verifyPartnerCenterWebhook, type CertificateSource } from "../../intake/partnerCenter";
import { TOO_LARGE_WHAT_TO_DO } from "./intakeProblems";
import {
  acceptRawBodies,
  acknowledgeWithoutJob,
  enqueueJob,
  installWebhookErrorHandler,
  rawBodyOf,
  type WebhookDependencies,
} from "./webhookScope";

export const PARTNER_CENTER_WEBHOOK_PATH = "/webhooks/partner-center";

/** Event bodies are a few hundred bytes (§2.3); 64 KiB leaves ample room and refuses anything else early. */
export const DEFAULT_PARTNER_CENTER_MAX_BODY_BYTES = 64 * 1024;

/** What the Partner Center webhook needs. */
export interface PartnerCenterWebhookOptions extends WebhookDependencies {
  /** Downloads and checks signing certificates (one per process: it caches them). */
  readonly certificates: CertificateSource;
  readonly maxBodyBytes: number;
}

/** The route, in its own scope. */
export function partnerCenterWebhook(options: PartnerCenterWebhookOptions): FastifyPluginCallback {
  return (scope, _options, done) => {
    acceptRawBodies(scope, options.maxBodyBytes);
    installWebhookErrorHandler(scope, "partnerCenter", options.metrics, {
      bytes: options.maxBodyBytes,
      whatToDo: TOO_LARGE_WHAT_TO_DO.partnerCenter,
    });
    scope.post(PARTNER_CENTER_WEBHOOK_PATH, {
      bodyLimit: options.maxBodyBytes,
      handler: async (request, reply) => {
        const event = await verifyPartnerCenterWebhook(
          { rawBody: rawBodyOf(request), headers: request.headers },
          options.certificates,
        );
        const decision = toSyncJob(event);
        const acknowledgement =
          decision.kind === "ignored"
            ? acknowledgeWithoutJob(options, "partnerCenter", "ignored", decision.reason)
            : await enqueueJob(options, "partnerCenter", decision);
        request.log.info(
          { eventName: event.eventName, referralId: event.referralId, outcome: acknowledgement.outcome },
          "partner center webhook accepted",
        );
        return reply.code(200).send(acknowledgement);
      },
    });
    done();
  };
}
