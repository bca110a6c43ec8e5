/**
 * Metric and label names, and the per-label-set series every metric keeps. Names follow the Prometheus data model
 * (https://prometheus.io/docs/concepts/data_model/): metric names `[a-zA-Z_:][a-zA-Z0-9_:]*`, label names
 * `[a-zA-Z_][a-zA-Z0-9_]*`, with names starting `__` reserved for Prometheus itself.
 */

/** The value of every label of a metric, by label name. */
export type LabelValues<L extends string> = Readonly<Record<L, string>>;

/** What every metric is declared with. */
export interface MetricDefinition<L extends string> {
  readonly name: string;
  /** One sentence for `# HELP`: what is counted or measured, and in which unit. */
  readonly help: string;
  readonly labelNames?: readonly L[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** @throws RangeError naming the bad metric or label name. */
export function checkDefinition(definition: MetricDefinition<string>, reservedLabels: readonly string[]): void {
  if (!METRIC_NAME.test(definition.name)) {
    throw new RangeError(`metric name '${definition.name}' must match ${METRIC_NAME.source}`);
  }
  const names = definition.labelNames ?? [];
  for (const label of names) {
    if (!LABEL_NAME.test(label) || label.startsWith("__") || reservedLabels.includes(label)) {
      throw new RangeError(
        `label '${label}' of ${definition.name} must match ${LABEL_NAME.source}, not start with __` +
          (reservedLabels.length > 0 ? ` and not be ${reservedLabels.join(", ")}` : ""),
      );
    }
  }
  if (new Set(names).size !== names.length) throw new RangeError(`${definition.name} names a label twice`);
}

/** The series of one metric, one per distinct set of label values, kept in first-seen order. */
export class SeriesMap<L extends string, S> {
  private readonly series = new Map<string, { readonly labels: readonly (readonly [string, string])[]; state: S }>();

  constructor(
    private readonly metricName: string,
    private readonly labelNames: readonly L[],
    private readonly create: () => S,
  ) {}

  /**
   * The state of the series for `values`, created on first use.
   * @throws TypeError when a label is missing, unknown or not a string: a typo there would silently split a series.
   */
  get(values: LabelValues<L>): S {
    const given = Object.keys(values);
    const unknown = given.filter((name) => !(this.labelNames as readonly string[]).includes(name));
    const missing = this.labelNames.filter((name) => typeof values[name] !== "string");
    if (unknown.length > 0 || missing.length > 0) {
      throw new TypeError(
        `${this.metricName} takes the labels [${this.labelNames.join(", ")}]; ` +
          `missing [${missing.join(", ")}], unknown [${unknown.join(", ")}]`,
      );
    }
    const labels = this.labelNames.map((name) => [name, values[name]] as const);
    const key = JSON.stringify(labels.map(([, value]) => value));
    let entry = this.series.get(key);
    if (entry === undefined) {
      entry = { labels, state: this.create() };
      this.series.set(key, entry);
    }
    return entry.state;
  }

  /** The state for `values` if that series exists. */
  peek(values: LabelValues<L>): S | undefined {
    const key = JSON.stringify(this.labelNames.map((name) => values[name]));
    return this.series.get(key)?.state;
  }

  entries(): readonly { readonly labels: readonly (readonly [string, string])[]; readonly state: S }[] {
    return [...this.series.values()];
  }

  clear(): void {
    this.series.clear();
  }

  get size(): number {
    return this.series.size;
  }
}
