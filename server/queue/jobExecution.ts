/**
 * One attempt of one job: read the stored data, run the handler (with a timeout and an AbortSignal), then complete
 * or fail the job, and tell the listener. Also settles jobs whose worker vanished (lease expired, or found running
 * when an embedded database starts). Never throws: a database error while settling leaves the job running, and its
 * lease expiry brings it back.
 */
import type { Logger } from "../store";
import { messageOf } from "../store";
import { failureOf, type Failure } from "./backoff";
import type { FailResult } from "./failJob";
import type { ClaimedJob, Fence, JobTable } from "./jobTable";
import type { JobEventBase, JobHandler, QueueEvent, QueueJob } from "./types";

export interface ExecutionSettings<J extends QueueJob> {
  readonly table: JobTable;
  readonly handler: JobHandler<J>;
  /** Turns stored data into a job, or throws saying what is wrong with it. */
  readonly read: (data: unknown) => J;
  readonly fail: (fence: Fence, failure: Failure, onlyIfExpired: boolean) => Promise<FailResult | null>;
  readonly emit: (event: QueueEvent) => void;
  readonly logger: Logger;
  readonly handlerTimeoutMs: number;
  readonly expireAfterMs: number;
}

/** The kind and key of stored data, for events and logs, even when it is not a valid job. */
function describe(id: string, data: unknown): JobEventBase {
  const fields = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === "string" ? value : "unknown");
  return { id, kind: text(fields.kind), dedupeKey: text(fields.dedupeKey) };
}

function withTimeout(work: Promise<void>, timeoutMs: number, controller: AbortController): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new Error(
        `The job did not finish within ${timeoutMs} ms; its handler was asked to stop (AbortSignal).`,
      );
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    work.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(messageOf(error)));
      },
    );
  });
}

export interface JobExecution {
  /** Runs one claimed job; resolves with the delay before its retry, or null. */
  execute(job: ClaimedJob, controller: AbortController): Promise<number | null>;
  /** Fails a job whose worker is gone; resolves with the delay before its retry, or null. */
  recover(fence: Fence, why: "expired" | "orphaned"): Promise<number | null>;
  /** After stop: handlers that finish later leave their jobs to lease expiry. */
  close(): void;
}

export function jobExecution<J extends QueueJob>(settings: ExecutionSettings<J>): JobExecution {
  const { table, handler, read, fail, emit, logger } = settings;
  let closed = false;

  /** `base` null: described from the stored data once the job is locked. */
  async function settleFailure(
    known: JobEventBase | null,
    fence: Fence,
    failure: Failure,
    durationMs: number | null,
    onlyIfExpired: boolean,
  ): Promise<number | null> {
    const result = await fail(fence, failure, onlyIfExpired);
    if (result === null) return null;
    const { reason } = failure;
    const base = known ?? describe(fence.id, result.data);
    if (result.parked) {
      emit({ ...base, type: "parked", attempt: result.attempt, durationMs, reason });
      logger.warn({ ...base, attempt: result.attempt, reason }, "Job parked: an admin must retry it");
      return null;
    }
    emit({ ...base, type: "failed", attempt: result.attempt, durationMs, reason, retryInMs: result.retryInMs });
    logger.info({ ...base, attempt: result.attempt, reason, retryInMs: result.retryInMs }, "Job failed; will retry");
    return result.retryInMs;
  }

  async function attempt(job: ClaimedJob, controller: AbortController): Promise<number | null> {
    const base = describe(job.id, job.data);
    const fence: Fence = { id: job.id, retryCount: job.retryCount };
    const attemptNumber = job.retryCount + 1;
    let parsed: J;
    try {
      parsed = read(job.data);
    } catch (error) {
      const reason = `The stored job cannot be read (${messageOf(error)}); fix the code that wrote it, then retry.`;
      return settleFailure(base, fence, { reason, retryable: false, retryAfterMs: null }, 0, false);
    }
    emit({ ...base, type: "started", attempt: attemptNumber, waitedMs: job.waitedMs });
    const startedAt = performance.now();
    let error: unknown = null;
    let succeeded = false;
    try {
      const work = Promise.resolve().then(() =>
        handler(parsed, { id: job.id, attempt: attemptNumber, signal: controller.signal }),
      );
      await withTimeout(work, settings.handlerTimeoutMs, controller);
      succeeded = true;
    } catch (thrown) {
      error = thrown;
    }
    const durationMs = performance.now() - startedAt;
    if (closed) return null;
    if (!succeeded) return settleFailure(base, fence, failureOf(error), durationMs, false);
    if (await table.complete(fence)) {
      emit({ ...base, type: "completed", attempt: attemptNumber, durationMs });
    } else {
      logger.warn({ ...base, attempt: attemptNumber }, "Job finished after its lease expired; another run owns it now");
    }
    return null;
  }

  return {
    async execute(job, controller) {
      try {
        return await attempt(job, controller);
      } catch (error) {
        logger.error(
          { id: job.id, error: messageOf(error) },
          "Could not record a job's outcome; its lease will expire",
        );
        return null;
      }
    },
    async recover(fence, why) {
      const seconds = settings.expireAfterMs / 1000;
      const reason =
        why === "expired"
          ? `The worker running this job stopped answering (no heartbeat for ${seconds} s): its process crashed, ` +
            "was killed or hung."
          : "The service stopped while this job ran (it was still running when the database was opened again).";
      try {
        const failure: Failure = { reason, retryable: true, retryAfterMs: null };
        return await settleFailure(null, fence, failure, null, why === "expired");
      } catch (error) {
        logger.error({ id: fence.id, error: messageOf(error) }, "Could not release a job whose worker is gone");
        return null;
      }
    },
    close() {
      closed = true;
    },
  };
}
