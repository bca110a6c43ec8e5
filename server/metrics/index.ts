// server/metrics: a dependency-free Prometheus registry (text exposition format 0.0.4) and the service's metrics.
export { Counter, Gauge, type GaugeDefinition } from "./counterGauge";
export {
  escapeHelp,
  escapeLabelValue,
  formatFamily,
  formatNumber,
  PROMETHEUS_CONTENT_TYPE,
  type FamilyText,
  type MetricType,
  type Sample,
} from "./exposition";
export { DEFAULT_BUCKETS, Histogram, type HistogramDefinition } from "./histogram";
export type { LabelValues, MetricDefinition } from "./labels";
export { MetricsRegistry, type MetricsRegistryOptions } from "./registry";
export {
  createServiceMetrics,
  QUEUE_STATES,
  SYNC_DURATION_BUCKETS,
  type QueueDepthSource,
  type QueueState,
  type ServiceMetrics,
  type WebhookOutcome,
  type WebhookSource,
} from "./serviceMetrics";
