/**
 * Counters (only go up, reset at process start) and gauges (a value now, e.g. jobs waiting). A metric without labels
 * always shows a sample, 0 until changed, so that a dashboard sees the series before the first event.
 */
import type { FamilyText, Sample } from "./exposition";
import { checkDefinition, SeriesMap, type LabelValues, type MetricDefinition } from "./labels";

/** What the registry asks of every metric. */
export interface Collectable {
  readonly name: string;
  /** Runs the metric's collect callback, if any; rejects when it fails. */
  refresh(): Promise<void>;
  text(): FamilyText;
}

interface NumberCell {
  value: number;
}

function simpleSamples(series: SeriesMap<string, NumberCell>, unlabelled: boolean): Sample[] {
  if (unlabelled && series.size === 0) return [{ suffix: "", labels: [], value: 0 }];
  return series.entries().map(({ labels, state }) => ({ suffix: "", labels, value: state.value }));
}

/** A monotonically increasing count, e.g. webhooks received. */
export class Counter<L extends string = never> implements Collectable {
  readonly name: string;
  private readonly help: string;
  private readonly unlabelled: boolean;
  private readonly series: SeriesMap<L, NumberCell>;

  constructor(definition: MetricDefinition<L>) {
    checkDefinition(definition, []);
    this.name = definition.name;
    this.help = definition.help;
    this.unlabelled = (definition.labelNames ?? []).length === 0;
    this.series = new SeriesMap(definition.name, definition.labelNames ?? [], () => ({ value: 0 }));
  }

  /** @throws RangeError for a negative or non-finite amount: a counter never goes down. */
  inc(labels: LabelValues<L>, amount = 1): void {
    if (!Number.isFinite(amount) || amount < 0) {
      throw new RangeError(`${this.name} can only grow; got ${amount}`);
    }
    this.series.get(labels).value += amount;
  }

  /** The current count for `labels` (0 when never counted). */
  get(labels: LabelValues<L>): number {
    return this.series.peek(labels)?.value ?? 0;
  }

  refresh(): Promise<void> {
    return Promise.resolve();
  }

  text(): FamilyText {
    return { name: this.name, help: this.help, type: "counter", samples: simpleSamples(this.series, this.unlabelled) };
  }
}

/** Declares a gauge; `collect` sets its values just before each scrape (e.g. reads the queue's depth). */
export interface GaugeDefinition<L extends string> extends MetricDefinition<L> {
  readonly collect?: (gauge: Gauge<L>) => Promise<void> | void;
}

/** A value that goes up and down. */
export class Gauge<L extends string = never> implements Collectable {
  readonly name: string;
  private readonly help: string;
  private readonly unlabelled: boolean;
  private readonly series: SeriesMap<L, NumberCell>;
  private readonly collect: GaugeDefinition<L>["collect"];
  private collectFailed = false;

  constructor(definition: GaugeDefinition<L>) {
    checkDefinition(definition, []);
    this.name = definition.name;
    this.help = definition.help;
    this.unlabelled = (definition.labelNames ?? []).length === 0;
    this.series = new SeriesMap(definition.name, definition.labelNames ?? [], () => ({ value: 0 }));
    this.collect = definition.collect;
  }

  set(labels: LabelValues<L>, value: number): void {
    this.series.get(labels).value = value;
  }

  inc(labels: LabelValues<L>, amount = 1): void {
    this.series.get(labels).value += amount;
  }

  dec(labels: LabelValues<L>, amount = 1): void {
    this.series.get(labels).value -= amount;
  }

  get(labels: LabelValues<L>): number | undefined {
    return this.series.peek(labels)?.value;
  }

  /**
   * Runs the collect callback. When it fails, the gauge shows no samples for this scrape rather than the values of
   * an earlier one: a stale queue depth would look healthy exactly when the database is down.
   */
  async refresh(): Promise<void> {
    if (this.collect === undefined) return;
    this.collectFailed = false;
    try {
      await this.collect(this);
    } catch (error) {
      this.collectFailed = true;
      throw error;
    }
  }

  text(): FamilyText {
    const samples = this.collectFailed ? [] : simpleSamples(this.series, this.unlabelled);
    return { name: this.name, help: this.help, type: "gauge", samples };
  }
}
