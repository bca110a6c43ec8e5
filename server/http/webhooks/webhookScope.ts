/**
 * What both webhook routes share: raw request bytes (the intakes check the media type, size and encoding
 * themselves, and Partner Center's signature is over the exact bytes, partner-center.md §2.4), an error handler that
 * counts refusals, and the enqueue that answers 503 when the queue cannot store the job, so the sender retries
 * (dataverse.md §3.4: "one more attempt" on 502/503/504; partner-center.md §2.5: up to 10 attempts).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ServiceMetrics, WebhookOutcome, WebhookSource } from "../../metrics";
import { problemFrom } from "../errorHandler";
import { sendProblem, unavailable } from "../problem";
import type { IntakeJob, IntakeQueue } from "../services";
import { webhookProblem } from "./intakeProblems";

/** What the webhook routes need. */
export interface WebhookDependencies {
  readonly queue: IntakeQueue;
  readonly metrics: ServiceMetrics;
  /** Sent with every 503, e.g. 10. */
  readonly retryAfterSeconds: number;
}

/** The body of every accepted webhook call. */
export interface WebhookAcknowledgement {
  readonly accepted: true;
  /** The job that will do the work, or null when nothing was queued. */
  readonly jobId: string | null;
  readonly coalesced: boolean;
  readonly outcome: Extract<WebhookOutcome, "enqueued" | "coalesced" | "echo" | "ignored">;
  /** Why nothing was queued (echo, ignored). */
  readonly reason?: string;
}

/** Replaces every body parser of `scope` with one that keeps the bytes exactly as received, up to `bodyLimit`. */
export function acceptRawBodies(scope: FastifyInstance, bodyLimit: number): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit }, (_request, body, done) => {
    done(null, body);
  });
}

/** The raw body of a request in a scope set up by acceptRawBodies; empty when the request had none. */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/**
 * Answers errors of a webhook scope (from hooks, body parsing and the handler) and counts them by code. Refusals are
 * logged at warn: a stream of them means a misconfigured endpoint or someone probing the service.
 */
export function installWebhookErrorHandler(
  scope: FastifyInstance,
  source: WebhookSource,
  metrics: ServiceMetrics,
  limit: { readonly bytes: number; readonly whatToDo: string },
): void {
  scope.setErrorHandler((error: unknown, request, reply) => {
    const problem = webhookProblem(error, limit) ?? problemFrom(error, request.id);
    const failedHere = problem.status >= 500;
    metrics.webhooksReceived.inc({ source, outcome: failedHere ? "unavailable" : "refused" });
    metrics.webhookRefusals.inc({ source, code: problem.code });
    const entry = { source, status: problem.status, code: problem.code };
    if (failedHere)
      request.log.error({ ...entry, err: problem.cause ?? error }, `${source} webhook: ${problem.message}`);
    else request.log.warn(entry, `${source} webhook refused: ${problem.message}`);
    return sendProblem(reply, problem);
  });
}

/** Counts a call that queued nothing and returns its acknowledgement. */
export function acknowledgeWithoutJob(
  deps: WebhookDependencies,
  source: WebhookSource,
  outcome: "echo" | "ignored",
  reason: string,
): WebhookAcknowledgement {
  deps.metrics.webhooksReceived.inc({ source, outcome });
  if (outcome === "echo") deps.metrics.echoesSuppressed.inc({ source });
  return { accepted: true, jobId: null, coalesced: false, outcome, reason };
}

/** Stores `job`; a queue that cannot store it becomes a 503 with Retry-After, so the change is not lost. */
export async function enqueueJob(
  deps: WebhookDependencies,
  source: WebhookSource,
  job: IntakeJob,
): Promise<WebhookAcknowledgement> {
  let result;
  try {
    result = await deps.queue.enqueue(job);
  } catch (error) {
    throw unavailable(
      "queue_unavailable",
      "the change could not be stored: the job queue is unavailable",
      "Nothing, usually: the sender retries, and the periodic reconciliation picks up any change still missed. " +
        "If it persists, check the database (GET /readyz).",
      deps.retryAfterSeconds,
      error,
    );
  }
  const outcome = result.coalesced ? "coalesced" : "enqueued";
  deps.metrics.webhooksReceived.inc({ source, outcome });
  (result.coalesced ? deps.metrics.jobsCoalesced : deps.metrics.jobsEnqueued).inc({ kind: job.kind });
  return { accepted: true, jobId: result.id, coalesced: result.coalesced, outcome };
}
