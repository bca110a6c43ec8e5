/**
 * Histograms: per label set, cumulative `_bucket` counts with an `le` label (the upper bound, ending with `+Inf`),
 * then `_sum` and `_count`, as the exposition format requires (the `+Inf` bucket equals `_count`).
 */
import type { FamilyText, Sample } from "./exposition";
import { formatNumber } from "./exposition";
import type { Collectable } from "./counterGauge";
import { checkDefinition, SeriesMap, type LabelValues, type MetricDefinition } from "./labels";

/** Prometheus client libraries' default buckets, in seconds. */
export const DEFAULT_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Declares a histogram; `buckets` are finite upper bounds in increasing order (`+Inf` is added). */
export interface HistogramDefinition<L extends string> extends MetricDefinition<L> {
  readonly buckets?: readonly number[];
}

interface HistogramCell {
  /** Observations per bucket, not cumulative; the last slot is the `+Inf` bucket. */
  readonly counts: number[];
  sum: number;
  count: number;
}

function checkBuckets(name: string, buckets: readonly number[]): void {
  if (buckets.length === 0) throw new RangeError(`${name} needs at least one bucket`);
  buckets.forEach((bound, index) => {
    const previous = buckets[index - 1];
    if (!Number.isFinite(bound) || (previous !== undefined && bound <= previous)) {
      throw new RangeError(`the buckets of ${name} must be finite and strictly increasing; got ${buckets.join(", ")}`);
    }
  });
}

/** A distribution of observed values, e.g. sync durations in seconds. */
export class Histogram<L extends string = never> implements Collectable {
  readonly name: string;
  private readonly help: string;
  private readonly buckets: readonly number[];
  private readonly unlabelled: boolean;
  private readonly series: SeriesMap<L, HistogramCell>;

  constructor(definition: HistogramDefinition<L>) {
    checkDefinition(definition, ["le"]);
    this.name = definition.name;
    this.help = definition.help;
    this.buckets = [...(definition.buckets ?? DEFAULT_BUCKETS)];
    checkBuckets(definition.name, this.buckets);
    this.unlabelled = (definition.labelNames ?? []).length === 0;
    const slots = this.buckets.length + 1;
    this.series = new SeriesMap(definition.name, definition.labelNames ?? [], () => ({
      counts: new Array<number>(slots).fill(0),
      sum: 0,
      count: 0,
    }));
  }

  /** Records one value (NaN is refused: it would poison `_sum`). */
  observe(labels: LabelValues<L>, value: number): void {
    if (Number.isNaN(value)) throw new RangeError(`${this.name} cannot observe NaN`);
    const cell = this.series.get(labels);
    const index = this.buckets.findIndex((bound) => value <= bound);
    const slot = index === -1 ? this.buckets.length : index;
    cell.counts[slot] = (cell.counts[slot] ?? 0) + 1;
    cell.sum += value;
    cell.count += 1;
  }

  /** Starts a stopwatch; calling the result observes the seconds elapsed and returns them. */
  startTimer(labels: LabelValues<L>): () => number {
    const started = process.hrtime.bigint();
    return () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.observe(labels, seconds);
      return seconds;
    };
  }

  /** How many values were observed for `labels`. */
  count(labels: LabelValues<L>): number {
    return this.series.peek(labels)?.count ?? 0;
  }

  refresh(): Promise<void> {
    return Promise.resolve();
  }

  text(): FamilyText {
    const entries = this.series.entries();
    const cells =
      this.unlabelled && entries.length === 0
        ? [{ labels: [], state: { counts: new Array<number>(this.buckets.length + 1).fill(0), sum: 0, count: 0 } }]
        : entries;
    const samples: Sample[] = [];
    for (const { labels, state } of cells) {
      let cumulative = 0;
      [...this.buckets, Number.POSITIVE_INFINITY].forEach((bound, slot) => {
        cumulative += state.counts[slot] ?? 0;
        samples.push({ suffix: "_bucket", labels: [...labels, ["le", formatNumber(bound)]], value: cumulative });
      });
      samples.push({ suffix: "_sum", labels, value: state.sum });
      samples.push({ suffix: "_count", labels, value: state.count });
    }
    return { name: this.name, help: this.help, type: "histogram", samples };
  }
}
