/**
 * The parts every long-running command shares: the database (sync state and queue), the two API clients with the
 * rotated refresh token kept in the database, the sync engine, the queue and the metrics. `serve` adds the HTTP app
 * and the scheduler; `backfill`, `status` and `retry` use the parts alone.
 */
import { createClients, type Clients, type CreateClientsOptions } from "../clients";
import type { Config } from "../config";
import { createServiceMetrics, type ServiceMetrics } from "../metrics";
import type { Histogram } from "../metrics/histogram";
import { JobQueue } from "../queue";
import { openDatabase, PgServiceStateStore, PgSyncStateStore, type Database } from "../store";
import { createSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncLogger } from "../sync";
import { partnerCenterCallCounter } from "./jobHandler";
import { coalesceServiceJobs, readServiceJob, type ServiceJob } from "./jobs";

export interface PartsOptions {
  /** The database schema (default cosell_bridge); tests give each service its own. */
  readonly schema?: string;
  readonly clients?: Omit<CreateClientsOptions, "refreshTokenStore" | "logger">;
  readonly engine?: Omit<SyncEngineOptions, "referralLinkTemplate">;
  /** Handlers at once (default Config.queue.concurrency). */
  readonly concurrency?: number;
  /** How often an idle queue looks for other replicas' jobs (default the queue's). */
  readonly pollIntervalMs?: number;
}

export interface ServiceParts {
  readonly database: Database;
  readonly syncState: PgSyncStateStore;
  readonly clients: Clients;
  readonly engine: SyncEngine;
  readonly queue: JobQueue<ServiceJob>;
  readonly metrics: ServiceMetrics;
  /** cosell_sync_latency_seconds: change in one system to the end of its sync into the other. */
  readonly latency: Histogram<"direction" | "outcome">;
  /** Stops the queue (draining for up to `drainTimeoutMs`), then closes the database. */
  close(drainTimeoutMs?: number): Promise<{ readonly drained: boolean; readonly abandoned: number }>;
}

/** Where the Partner Center refresh token lives after its first rotation (partner-center.md §1.1: tokens rotate). */
const REFRESH_TOKEN_KEY = "partnerCenter.refreshToken";

/** The API clients, keeping the rotated Partner Center refresh token in `database`. */
export function clientsOn(
  database: Database,
  config: Config,
  logger: SyncLogger,
  options: Omit<CreateClientsOptions, "refreshTokenStore" | "logger"> = {},
): Clients {
  const serviceState = new PgServiceStateStore(database);
  return createClients(config, {
    ...options,
    logger,
    refreshTokenStore: {
      read: () => serviceState.get(REFRESH_TOKEN_KEY),
      save: (token) => serviceState.set(REFRESH_TOKEN_KEY, token),
    },
  });
}

export async function openServiceParts(
  config: Config,
  logger: SyncLogger,
  options: PartsOptions = {},
): Promise<ServiceParts> {
  const database = await openDatabase(config.storage, {
    logger,
    ...(options.schema ? { schema: options.schema } : {}),
  });
  try {
    const holder: { queue?: JobQueue<ServiceJob> } = {};
    const metrics = createServiceMetrics({
      queueDepth: async () => {
        if (holder.queue === undefined) throw new Error("the queue is not open yet");
        return holder.queue.depth();
      },
    });
    const latency = metrics.registry.histogram({
      name: "cosell_sync_latency_seconds",
      help: "From a change in one system to the end of its sync into the other, in seconds, by direction and outcome.",
      labelNames: ["direction", "outcome"],
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    });
    const clients = clientsOn(database, config, logger, {
      ...options.clients,
      observer: partnerCenterCallCounter(metrics, options.clients?.observer),
    });
    const syncState = new PgSyncStateStore(database);
    const template = config.sync.referralLinkTemplate;
    const engine = createSyncEngine({
      dataverse: clients.dataverse,
      partnerCenter: clients.partnerCenter,
      store: syncState,
      logger,
      options: { ...options.engine, ...(template === undefined ? {} : { referralLinkTemplate: template }) },
    });
    const queue = await JobQueue.open<ServiceJob>({
      database,
      maxAttempts: config.queue.maxAttempts,
      concurrency: options.concurrency ?? config.queue.concurrency,
      backoff: { baseMs: config.queue.retryBaseMs, capMs: config.queue.retryMaxMs },
      expireAfterMs: config.queue.jobTimeoutMs,
      read: readServiceJob,
      coalesce: coalesceServiceJobs,
      logger,
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    });
    holder.queue = queue;
    let closing: Promise<{ drained: boolean; abandoned: number }> | null = null;
    return {
      database,
      syncState,
      clients,
      engine,
      queue,
      metrics,
      latency,
      close: (drainTimeoutMs = 10_000) => {
        closing ??= (async () => {
          const result = await queue.stop({ timeoutMs: drainTimeoutMs });
          await database.close();
          return result;
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
