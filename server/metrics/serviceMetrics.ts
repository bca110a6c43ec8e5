/**
 * The metrics of the sync service, declared in one place so that dashboards and alerts have one list to read.
 * The HTTP layer counts webhooks, enqueues and suppressed echoes; the sync engine records sync durations, Partner
 * Center calls and the echoes it recognises itself; the queue depth is read from the queue at each scrape.
 */
import type { Counter, Gauge } from "./counterGauge";
import type { Histogram } from "./histogram";
import { MetricsRegistry } from "./registry";

/** Where a webhook came from. */
export type WebhookSource = "dataverse" | "partnerCenter";

/**
 * What happened to a webhook: `enqueued` (a new job), `coalesced` (folded into a waiting job), `echo` (the service's
 * own write, dropped), `ignored` (nothing to sync, e.g. another table or Partner Center's test event), `refused`
 * (4xx) or `unavailable` (5xx: the sender should retry).
 */
export type WebhookOutcome = "enqueued" | "coalesced" | "echo" | "ignored" | "refused" | "unavailable";

/** The states the queue depth is reported in. */
export const QUEUE_STATES = ["queued", "running", "retrying", "failed"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** Reads the number of jobs in each state, for the queue depth gauge. */
export type QueueDepthSource = () => Promise<Readonly<Record<QueueState, number>>>;

/** Seconds; a sync is a few API calls, so most land between 50 ms and 5 s. */
export const SYNC_DURATION_BUCKETS: readonly number[] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Every metric of the service. */
export interface ServiceMetrics {
  readonly registry: MetricsRegistry;
  /** cosell_webhooks_received_total{source, outcome} */
  readonly webhooksReceived: Counter<"source" | "outcome">;
  /** cosell_webhook_refusals_total{source, code}: the intake's error code, e.g. signature-mismatch. */
  readonly webhookRefusals: Counter<"source" | "code">;
  /** cosell_jobs_enqueued_total{kind}: new jobs stored (kind is the job's `kind`). */
  readonly jobsEnqueued: Counter<"kind">;
  /** cosell_jobs_coalesced_total{kind}: changes folded into a job that was already waiting. */
  readonly jobsCoalesced: Counter<"kind">;
  /** cosell_echoes_suppressed_total{source}: changes the service wrote itself, not synced back. */
  readonly echoesSuppressed: Counter<"source">;
  /** cosell_sync_duration_seconds{direction, outcome}: direction and outcome as in SyncRecord. */
  readonly syncDuration: Histogram<"direction" | "outcome">;
  /** cosell_partner_center_calls_total{operation, status}: status is the HTTP status, or "0" without an answer. */
  readonly partnerCenterCalls: Counter<"operation" | "status">;
  /** cosell_queue_jobs{state}: read from the queue at each scrape. */
  readonly queueJobs: Gauge<"state">;
  /** cosell_metrics_collect_failures_total{metric}: a scrape could not read a metric's source. */
  readonly collectFailures: Counter<"metric">;
}

/** Declares the service's metrics in a new registry; `queueDepth` is called at every scrape. */
export function createServiceMetrics(sources: { readonly queueDepth: QueueDepthSource }): ServiceMetrics {
  // The failure counter lives in the registry it watches; the callback only runs during a scrape, after it exists.
  const failures: { counter?: Counter<"metric"> } = {};
  const registry = new MetricsRegistry({
    onCollectError: (metric) => failures.counter?.inc({ metric }),
  });
  const collectFailures = registry.counter({
    name: "cosell_metrics_collect_failures_total",
    help: "Scrapes that could not read a metric's source (for the queue depth: the database); the metric was left out.",
    labelNames: ["metric"],
  });
  failures.counter = collectFailures;
  return {
    registry,
    webhooksReceived: registry.counter({
      name: "cosell_webhooks_received_total",
      help: "Webhook calls received, by source (dataverse, partnerCenter) and outcome.",
      labelNames: ["source", "outcome"],
    }),
    webhookRefusals: registry.counter({
      name: "cosell_webhook_refusals_total",
      help: "Webhook calls refused or failed, by source and error code.",
      labelNames: ["source", "code"],
    }),
    jobsEnqueued: registry.counter({
      name: "cosell_jobs_enqueued_total",
      help: "Sync jobs stored in the queue, by job kind.",
      labelNames: ["kind"],
    }),
    jobsCoalesced: registry.counter({
      name: "cosell_jobs_coalesced_total",
      help: "Changes folded into a sync job of the same record that was already waiting, by job kind.",
      labelNames: ["kind"],
    }),
    echoesSuppressed: registry.counter({
      name: "cosell_echoes_suppressed_total",
      help: "Changes the service wrote itself and therefore did not sync back, by the side that reported them.",
      labelNames: ["source"],
    }),
    syncDuration: registry.histogram({
      name: "cosell_sync_duration_seconds",
      help: "Time to sync one record, in seconds, by direction and outcome.",
      labelNames: ["direction", "outcome"],
      buckets: SYNC_DURATION_BUCKETS,
    }),
    partnerCenterCalls: registry.counter({
      name: "cosell_partner_center_calls_total",
      help: "Calls to the Partner Center Referrals API, by operation and HTTP status (0: no answer).",
      labelNames: ["operation", "status"],
    }),
    queueJobs: registry.gauge({
      name: "cosell_queue_jobs",
      help: "Jobs in the queue, by state (queued, running, retrying, failed); read at each scrape.",
      labelNames: ["state"],
      collect: async (gauge) => {
        const depth = await sources.queueDepth();
        for (const state of QUEUE_STATES) gauge.set({ state }, depth[state]);
      },
    }),
    collectFailures,
  };
}
