/**
 * A small, dependency-free metrics registry: declare counters, gauges and histograms once, update them anywhere,
 * and render them all in the Prometheus text format for `GET /metrics`.
 */
import { Counter, Gauge, type Collectable, type GaugeDefinition } from "./counterGauge";
import { formatFamily } from "./exposition";
import { Histogram, type HistogramDefinition } from "./histogram";
import type { MetricDefinition } from "./labels";

/** How a registry reports a collect callback that failed. */
export interface MetricsRegistryOptions {
  /** Called with the metric's name and the error; the scrape goes on without that metric's samples. */
  readonly onCollectError?: (metricName: string, error: unknown) => void;
}

/** Holds every metric of the process; one per service. */
export class MetricsRegistry {
  private readonly metrics = new Map<string, Collectable>();
  private readonly onCollectError: (metricName: string, error: unknown) => void;

  constructor(options: MetricsRegistryOptions = {}) {
    this.onCollectError = options.onCollectError ?? (() => undefined);
  }

  counter<L extends string = never>(definition: MetricDefinition<L>): Counter<L> {
    return this.add(new Counter(definition));
  }

  gauge<L extends string = never>(definition: GaugeDefinition<L>): Gauge<L> {
    return this.add(new Gauge(definition));
  }

  histogram<L extends string = never>(definition: HistogramDefinition<L>): Histogram<L> {
    return this.add(new Histogram(definition));
  }

  /** The names of the registered metrics, in registration order. */
  names(): readonly string[] {
    return [...this.metrics.keys()];
  }

  /**
   * Every metric in the text exposition format. Collect callbacks run concurrently; one that fails leaves its
   * metric without samples and is reported to `onCollectError`, so one broken source never hides the others.
   */
  async render(): Promise<string> {
    const metrics = [...this.metrics.values()];
    const outcomes = await Promise.allSettled(metrics.map((metric) => metric.refresh()));
    outcomes.forEach((outcome, index) => {
      const metric = metrics[index];
      if (outcome.status === "rejected" && metric !== undefined) this.reportCollectError(metric.name, outcome.reason);
    });
    return metrics.map((metric) => formatFamily(metric.text())).join("");
  }

  private reportCollectError(metricName: string, error: unknown): void {
    try {
      this.onCollectError(metricName, error);
    } catch {
      // A failing error reporter must not fail the scrape: the samples of every other metric are still good.
    }
  }

  private add<M extends Collectable>(metric: M): M {
    if (this.metrics.has(metric.name)) throw new RangeError(`a metric named ${metric.name} is already registered`);
    this.metrics.set(metric.name, metric);
    return metric;
  }
}
