/**
 * The answers to refused webhook calls: the intakes' IntakeErrors (each intake has its own class and codes) as
 * HttpProblems with a what-to-do for the admin reading the Dataverse System Job or the Partner Center delivery log.
 * Dataverse only looks at the status (dataverse.md §3.4); the body is for people.
 */
import type { FastifyError } from "fastify";
import * as dataverse from "../../intake/dataverse";
import * as partnerCenter from "../../intake/partnerCenter";
import { DEFAULT_RETRY_AFTER_SECONDS, HttpProblem } from "../problem";

const REGISTER_THE_KEY =
  "Make the service endpoint's key equal to the service's DATAVERSE_WEBHOOK_KEY (auth type WebhookKey sends it as " +
  "?code=, HttpHeader as a header); `cosell-bridge` can register the endpoint for you.";
const ONLY_DATAVERSE =
  "Only a Dataverse webhook step (service endpoint contract Webhook, message format JSON) should call this endpoint.";

const DATAVERSE_WHAT_TO_DO: Readonly<Record<dataverse.IntakeErrorCode, string>> = {
  webhook_key_missing: REGISTER_THE_KEY,
  webhook_key_mismatch: REGISTER_THE_KEY,
  webhook_key_not_configured: "Set DATAVERSE_WEBHOOK_KEY on the service and restart it.",
  unsupported_media_type: "Register the service endpoint with message format JSON (messageformat 2).",
  payload_too_large: `${ONLY_DATAVERSE} Dataverse trims bodies above 256 KB itself.`,
  invalid_body: ONLY_DATAVERSE,
  not_an_execution_context: ONLY_DATAVERSE,
  header_body_mismatch: ONLY_DATAVERSE,
};

/** Partner Center's refusals by status (partner-center.md §2.4: 401 signature and certificate, 400 headers/body). */
function partnerCenterWhatToDo(status: partnerCenter.IntakeStatus): string {
  switch (status) {
    case 401:
      return (
        "Only deliveries signed by Partner Center are accepted. If Partner Center moved its signing certificate, add " +
        "the new host to PARTNER_CENTER_CERTIFICATE_HOSTS."
      );
    case 400:
      return (
        "Only Partner Center webhook deliveries are accepted: a JSON event with the signature, X-MS-Certificate-Url " +
        "and X-MS-Signature-Algorithm headers."
      );
    case 503:
      return (
        "Nothing, usually: Partner Center retries the delivery (up to 10 attempts, §2.5). If it keeps failing, check " +
        "that the service can reach the certificate host."
      );
  }
}

/** A Dataverse intake refusal; the message never contains the key (webhook-key.ts). */
export function dataverseProblem(error: dataverse.IntakeError): HttpProblem {
  return new HttpProblem(error.status, error.code, error.message, DATAVERSE_WHAT_TO_DO[error.code]);
}

/** A Partner Center intake refusal; a 503 carries Retry-After. */
export function partnerCenterProblem(error: partnerCenter.IntakeError): HttpProblem {
  const headers: Record<string, string> =
    error.status === 503 ? { "retry-after": String(DEFAULT_RETRY_AFTER_SECONDS) } : {};
  return new HttpProblem(error.status, error.code, error.message, partnerCenterWhatToDo(error.status), headers);
}

/** What a too-large body means for each webhook. */
export const TOO_LARGE_WHAT_TO_DO = {
  dataverse: DATAVERSE_WHAT_TO_DO.payload_too_large,
  partnerCenter: "Only Partner Center webhook deliveries are accepted; their event bodies are a few hundred bytes.",
} as const;

/**
 * The problem for an error thrown in a webhook scope when it is one of the webhook's own: an intake refusal, or
 * Fastify's body limit (set to the intake's limit) said in the intake's words. Anything else is left to the app.
 */
export function webhookProblem(
  error: unknown,
  limit: { readonly bytes: number; readonly whatToDo: string },
): HttpProblem | undefined {
  if (error instanceof dataverse.IntakeError) return dataverseProblem(error);
  if (error instanceof partnerCenter.IntakeError) return partnerCenterProblem(error);
  if ((error as Partial<FastifyError> | null)?.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new HttpProblem(
      413,
      "payload_too_large",
      `the body is above the limit of ${limit.bytes} bytes`,
      limit.whatToDo,
    );
  }
  return undefined;
}
