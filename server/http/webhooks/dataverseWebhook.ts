/**
 * POST /webhooks/dataverse: the "Dataverse plugin bridge" (shared/DESIGN.md). The key is checked before the body is
 * read; the body is decoded by the intake; the job is stored; the answer is 202 at once, since the work happens in the
 * queue and Dataverse gives up after 60 s (dataverse.md §3.4). Changes written by the service's own integration user
 * are counted and dropped here (§3.5): the service never re-syncs its own write.
 */
import type { FastifyPluginCallback, FastifyRequest } from "fastify";
import type { Secret } from "../../config/secret";
import {
  checkContentType,
  checkWebhookKey,
  IntakeError,
  parseRemoteExecutionContext,
  toSyncJob,
  type RequestQuery,
} from "../../intake/dataverse";
import { unavailable } from "../problem";
import type { IntegrationUsers } from "../services";
import { TOO_LARGE_WHAT_TO_DO } from "./intakeProblems";
import {
  acceptRawBodies,
  acknowledgeWithoutJob,
  enqueueJob,
  installWebhookErrorHandler,
  rawBodyOf,
  type WebhookAcknowledgement,
  type WebhookDependencies,
} from "./webhookScope";

export const DATAVERSE_WEBHOOK_PATH = "/webhooks/dataverse";

/** What the Dataverse webhook needs. */
export interface DataverseWebhookOptions extends WebhookDependencies {
  readonly webhookKey: Secret;
  /** The header of the HttpHeader auth type. */
  readonly keyHeaderName: string;
  /** Larger bodies get 413; the same limit the intake applies. */
  readonly maxBodyBytes: number;
  readonly integrationUsers: IntegrationUsers;
}

/** Everything that needs only the request line and headers: key (401), media type (415). */
function checkBeforeBody(request: FastifyRequest, options: DataverseWebhookOptions): void {
  checkWebhookKey({ query: request.query as RequestQuery, headers: request.headers }, options.webhookKey.reveal(), {
    headerName: options.keyHeaderName,
  });
  checkContentType(request.headers);
  // Dataverse sends plain JSON; a compressed body would only reach the intake as bytes that are not UTF-8.
  const encoding = request.headers["content-encoding"]?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== "" && encoding !== "identity") {
    throw new IntakeError(415, "unsupported_media_type", "the body must not be compressed (content-encoding)");
  }
}

async function integrationUserIds(options: DataverseWebhookOptions): Promise<readonly string[]> {
  try {
    return await options.integrationUsers.ids();
  } catch (error) {
    throw unavailable(
      "integration_users_unknown",
      "the service does not know its integration users yet, so it cannot tell its own changes from a seller's",
      "Nothing, usually: Dataverse retries once and the periodic reconciliation catches up. If it persists, check " +
        "the Dataverse connection (GET /readyz).",
      options.retryAfterSeconds,
      error,
    );
  }
}

async function accept(request: FastifyRequest, options: DataverseWebhookOptions): Promise<WebhookAcknowledgement> {
  const change = parseRemoteExecutionContext(rawBodyOf(request), request.headers, {
    maxBodyBytes: options.maxBodyBytes,
  });
  if (change.warnings.length > 0) {
    request.log.warn(
      { recordId: change.recordId, warnings: change.warnings.map((warning) => `${warning.code} at ${warning.at}`) },
      "dataverse webhook: some values were kept undecoded",
    );
  }
  const decision = toSyncJob(change, { integrationUserIds: await integrationUserIds(options) });
  if (decision.kind === "ignored") return acknowledgeWithoutJob(options, "dataverse", "ignored", decision.reason);
  if (decision.echo) return acknowledgeWithoutJob(options, "dataverse", "echo", decision.reason);
  return enqueueJob(options, "dataverse", decision);
}

/** The route, in its own scope (raw bodies and its own error handler apply to it alone). */
export function dataverseWebhook(options: DataverseWebhookOptions): FastifyPluginCallback {
  return (scope, _options, done) => {
    acceptRawBodies(scope, options.maxBodyBytes);
    installWebhookErrorHandler(scope, "dataverse", options.metrics, {
      bytes: options.maxBodyBytes,
      whatToDo: TOO_LARGE_WHAT_TO_DO.dataverse,
    });
    scope.post(DATAVERSE_WEBHOOK_PATH, {
      bodyLimit: options.maxBodyBytes,
      onRequest: (request, _reply, done) => {
        checkBeforeBody(request, options);
        done();
      },
      handler: async (request, reply) => {
        const acknowledgement = await accept(request, options);
        request.log.info(
          { outcome: acknowledgement.outcome, jobId: acknowledgement.jobId, coalesced: acknowledgement.coalesced },
          "dataverse webhook accepted",
        );
        return reply.code(202).send(acknowledgement);
      },
    });
    done();
  };
}
