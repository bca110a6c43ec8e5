/**
 * The composition root of `cosell-bridge serve`: one database (PGlite or PostgreSQL) holding the sync state and the
 * queue, the two API clients, the engine, the HTTP app and the scheduler, started in that order and stopped in the
 * reverse one (stop taking webhooks, drain running jobs, close the database).
 */
import { rootCertificates } from "node:tls";
import { X509Certificate } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config";
import { buildHttpApp, type HttpLogging } from "../http";
import { createFormService } from "./formService";
import { createJobHandler } from "./jobHandler";
import type { ServiceJob } from "./jobs";
import { forwardingLogger } from "./logger";
import { createOperationsService } from "./operationsService";
import { openServiceParts, type PartsOptions, type ServiceParts } from "./parts";
import { startScheduler } from "./scheduler";

export interface ServiceOptions extends PartsOptions {
  /** Log level and stream, or false for none (default: LOG_LEVEL to standard output). */
  readonly logging?: HttpLogging | false;
  /** Listen on config.server.host:port (default true). */
  readonly listen?: boolean;
  /** Run the reconcile and catalogue timers (default true). */
  readonly scheduler?: boolean;
  /** Run jobs in this process (default true); false only stores them, e.g. to measure the webhook intake alone. */
  readonly processJobs?: boolean;
  /** How long stop() waits for running jobs (default 10 s). */
  readonly drainTimeoutMs?: number;
}

export interface RunningService extends Omit<ServiceParts, "close"> {
  /** The base URL it listens on (e.g. http://127.0.0.1:3978), or null when not listening. */
  readonly url: string | null;
  readonly app: FastifyInstance;
  /** Stops taking requests, drains running jobs, closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** Microsoft's roots and intermediates come from Node's bundled CA list (Mozilla's), which includes Microsoft's. */
function trustedRoots(): X509Certificate[] {
  return rootCertificates.map((pem) => new X509Certificate(pem));
}

function listeningUrl(app: FastifyInstance, config: Config): string {
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.server.port;
  const host = config.server.host === "0.0.0.0" ? "127.0.0.1" : config.server.host;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/**
 * Stops taking requests and waits for those in flight. A webhook in flight when close() starts leaves its connection
 * open afterwards for Fastify's keepAliveTimeout (72 s), and close() waits for it: `serve` then took over a minute
 * to stop after SIGTERM. Dropping each connection as soon as it falls idle lets those requests end normally first.
 */
async function closeApp(app: FastifyInstance): Promise<void> {
  const sweep = setInterval(() => {
    app.server.closeIdleConnections();
  }, 50);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
  }
}

export async function startService(config: Config, options: ServiceOptions = {}): Promise<RunningService> {
  const startedAt = new Date().toISOString();
  const logger = forwardingLogger();
  const parts = await openServiceParts(config, logger, options);
  const { clients, engine, queue, metrics, database } = parts;
  const enqueue = (job: ServiceJob, enqueueOptions?: { readonly priority?: number }) =>
    queue.enqueue(job, enqueueOptions);

  let integrationUserIds: Promise<readonly string[]> | null = null;
  const app = await buildHttpApp({
    config,
    metrics,
    logging: options.logging ?? { level: config.server.logLevel },
    trustedRoots: trustedRoots(),
    services: {
      queue: { enqueue: (job) => enqueue(job) },
      integrationUsers: {
        // WhoAmI once; a failure is forgotten so the next webhook asks again (and is answered 503 meanwhile).
        ids: () => {
          integrationUserIds ??= clients.dataverse.whoAmI().then(
            (me) => [me.userId.toLowerCase()],
            (error: unknown) => {
              integrationUserIds = null;
              throw error;
            },
          );
          return integrationUserIds;
        },
      },
      form: createFormService(engine, queue),
      operations: createOperationsService({ database, queue, syncState: parts.syncState, startedAt, ...clients }),
    },
  });
  logger.attach(app.log);

  if (options.processJobs !== false) {
    const maxAttempts = config.queue.maxAttempts;
    queue.start(createJobHandler({ engine, enqueue, maxAttempts, metrics, latency: parts.latency, logger }));
  }
  const scheduler =
    options.scheduler === false
      ? null
      : startScheduler({ reconcileIntervalMs: config.sync.reconcileIntervalMs, enqueue, logger });

  let url: string | null = null;
  if (options.listen !== false) {
    try {
      await app.listen({ port: config.server.port, host: config.server.host });
    } catch (error) {
      // E.g. the port is taken: release the queue and the database (and PGlite's folder lock) before failing.
      scheduler?.stop();
      await app.close();
      await parts.close(options.drainTimeoutMs ?? 10_000);
      throw error;
    }
    url = listeningUrl(app, config);
  }

  let stopping: Promise<void> | null = null;
  return {
    database: parts.database,
    syncState: parts.syncState,
    clients: parts.clients,
    engine: parts.engine,
    queue: parts.queue,
    metrics: parts.metrics,
    latency: parts.latency,
    url,
    app,
    stop: () => {
      stopping ??= (async () => {
        scheduler?.stop();
        await closeApp(app);
        const drained = await parts.close(options.drainTimeoutMs ?? 10_000);
        if (!drained.drained) logger.warn({ abandoned: drained.abandoned }, "stopped with jobs still running");
      })();
      return stopping;
    },
  };
}
