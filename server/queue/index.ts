/**
 * server/queue: the durable job queue (pg-boss 10 tables on the service's Database). Open it with JobQueue.open,
 * enqueue from the webhooks, start() it with the sync engine's handler, and stop() it before closing the Database.
 */
export { DEFAULT_BACKOFF, failureOf, retryDelayMs, type BackoffPolicy, type Failure } from "./backoff";
export { BOSS_SCHEMA_VERSION, bossDb } from "./bossQueue";
export { JobQueue } from "./jobQueue";
export { readQueueJob, type JobQueueOptions } from "./queueSettings";
export type {
  EnqueueOptions,
  EnqueueResult,
  JobContext,
  JobEventBase,
  JobHandler,
  PendingJob,
  QueueDepth,
  QueueEvent,
  QueueJob,
  QueueListener,
  QueueProblem,
  RetryOutcome,
  StopResult,
} from "./types";
