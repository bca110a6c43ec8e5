/** The two webhook receivers in the OpenAPI document. */
import { DATAVERSE_WEBHOOK_PATH } from "../webhooks/dataverseWebhook";
import { PARTNER_CENTER_WEBHOOK_PATH } from "../webhooks/partnerCenterWebhook";
import { errorResponses, jsonResponse, type OpenApiObject } from "./building";
import { schemaRef } from "./schemas";

function headerParameter(name: string, description: string, required: boolean): OpenApiObject {
  return { name, in: "header", required, description, schema: { type: "string" } };
}

const dataverse: OpenApiObject = {
  post: {
    operationId: "receiveDataverseWebhook",
    tags: ["webhooks"],
    summary: "A Dataverse webhook step reports a change (the Dataverse plugin bridge).",
    description:
      "Called by the service endpoint (contract Webhook, JSON) of the CoSellBridge solution on Create and Update of " +
      "opportunity. The key is checked before the body is read. Opportunity changes are stored as sync jobs and " +
      "acknowledged with 202 at once; changes written by the service's integration user are dropped (echo). " +
      "503 means the job could not be stored: Dataverse retries once, and the periodic reconciliation catches up.",
    security: [{ webhookKeyQuery: [] }, { webhookKeyHeader: [] }],
    parameters: [
      headerParameter("x-ms-dynamics-entity-name", "Logical name of the table; must match the body.", false),
      headerParameter("x-ms-dynamics-request-name", "The SDK message; must match the body.", false),
      headerParameter("x-ms-dynamics-msg-size-exceeded", "Present when Dataverse trimmed the body (> 256 KB).", false),
    ],
    requestBody: {
      required: true,
      content: { "application/json": { schema: schemaRef("RemoteExecutionContext") } },
    },
    responses: {
      "202": jsonResponse(
        "Stored as a job, coalesced into a waiting one, or dropped as an echo.",
        "WebhookAcknowledgement",
      ),
      ...errorResponses(400, 401, 413, 415, 500, 503),
    },
  },
};

const partnerCenter: OpenApiObject = {
  post: {
    operationId: "receivePartnerCenterWebhook",
    tags: ["webhooks"],
    summary: "Partner Center reports a referral event.",
    description:
      "A signed event (RSASSA-PKCS1-v1_5 / SHA-256 over the exact body bytes) for referral-created, " +
      "referral-updated, related-referral-created or related-referral-updated, or the validation event " +
      "test-created, which is acknowledged and ignored. The signature is in Authorization or, with " +
      "SignatureTokenToMsSignatureHeader, in x-ms-signature, as `Signature <base64>`.",
    security: [{ partnerCenterSignature: [] }, { partnerCenterMsSignature: [] }],
    parameters: [
      headerParameter("X-MS-Certificate-Url", "Where the signing certificate is published (an allowed host).", true),
      headerParameter("X-MS-Signature-Algorithm", "Always rsa-sha256.", true),
    ],
    requestBody: { required: true, content: { "application/json": { schema: schemaRef("PartnerCenterEvent") } } },
    responses: {
      "200": jsonResponse("Stored as a job, coalesced, or (test-created) acknowledged.", "WebhookAcknowledgement"),
      ...errorResponses(400, 401, 413, 500, 503),
    },
  },
};

export const webhookPaths: Readonly<Record<string, OpenApiObject>> = {
  [DATAVERSE_WEBHOOK_PATH]: dataverse,
  [PARTNER_CENTER_WEBHOOK_PATH]: partnerCenter,
};
