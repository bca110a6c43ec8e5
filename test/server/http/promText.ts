/**
 * A strict reader of the Prometheus text exposition format 0.0.4, written from the format's description and
 * independent of server/metrics: it throws on any line a scraper would reject or misread (unknown escapes, samples
 * outside their family, histograms whose buckets are not cumulative or whose +Inf bucket differs from _count).
 */

export interface ParsedSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface ParsedFamily {
  readonly name: string;
  help: string;
  type: string;
  readonly samples: ParsedSample[];
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const HELP_LINE = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE_LINE = new RegExp(`^(${NAME})(\\{.*\\})? (\\S+)$`);
const VALUE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]Inf|NaN)$/;

function unescapeText(text: string, allowQuote: boolean): string {
  return text.replace(/\\(.)/g, (_match, character: string) => {
    if (character === "\\") return "\\";
    if (character === "n") return "\n";
    if (character === '"' && allowQuote) return '"';
    throw new Error(`invalid escape \\${character}`);
  });
}

function parseLabels(text: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  if (text === undefined) return labels;
  const inner = text.slice(1, -1);
  const pair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;
  let position = 0;
  while (position < inner.length) {
    pair.lastIndex = position;
    const match = pair.exec(inner);
    if (match === null) throw new Error(`unreadable labels: ${text}`);
    const [, name = "", value = ""] = match;
    if (name in labels) throw new Error(`label ${name} given twice in ${text}`);
    labels[name] = unescapeText(value, true);
    position = pair.lastIndex;
  }
  return labels;
}

function parseValue(text: string): number {
  if (!VALUE.test(text)) throw new Error(`not a sample value: ${text}`);
  if (text === "NaN") return Number.NaN;
  if (text.endsWith("Inf")) return text.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number(text);
}

function familyOf(sampleName: string, current: ParsedFamily | undefined): ParsedFamily {
  if (current === undefined) throw new Error(`sample ${sampleName} before any # TYPE`);
  const suffixes = current.type === "histogram" ? ["_bucket", "_sum", "_count"] : [""];
  if (!suffixes.some((suffix) => sampleName === `${current.name}${suffix}`)) {
    throw new Error(`sample ${sampleName} outside its family (current family ${current.name})`);
  }
  return current;
}

function checkHistogram(family: ParsedFamily): void {
  const series = new Map<string, ParsedSample[]>();
  for (const sample of family.samples) {
    const key = JSON.stringify(Object.entries(sample.labels).filter(([name]) => name !== "le"));
    series.set(key, [...(series.get(key) ?? []), sample]);
  }
  for (const [key, samples] of series) {
    const buckets = samples.filter((sample) => sample.name.endsWith("_bucket"));
    const count = samples.find((sample) => sample.name.endsWith("_count"));
    if (buckets.length === 0 || count === undefined || !samples.some((sample) => sample.name.endsWith("_sum"))) {
      throw new Error(`${family.name}${key} lacks buckets, _sum or _count`);
    }
    const bounds = buckets.map((bucket) => parseValue(bucket.labels.le ?? "missing"));
    buckets.forEach((bucket, index) => {
      const previous = buckets[index - 1];
      if (index > 0 && ((bounds[index] ?? 0) <= (bounds[index - 1] ?? 0) || bucket.value < (previous?.value ?? 0))) {
        throw new Error(`${family.name}${key}: buckets not increasing and cumulative`);
      }
    });
    if (bounds.at(-1) !== Number.POSITIVE_INFINITY || buckets.at(-1)?.value !== count.value) {
      throw new Error(`${family.name}${key}: the +Inf bucket must be last and equal _count`);
    }
  }
}

/** Parses `text`; throws naming the first line a scraper would reject. */
export function parsePrometheusText(text: string): Map<string, ParsedFamily> {
  if (!text.endsWith("\n")) throw new Error("the exposition must end with a line feed");
  const families = new Map<string, ParsedFamily>();
  let current: ParsedFamily | undefined;
  for (const line of text.slice(0, -1).split("\n")) {
    const help = HELP_LINE.exec(line);
    const type = TYPE_LINE.exec(line);
    if (help !== null) {
      const [, name = "", helpText = ""] = help;
      if (families.has(name)) throw new Error(`# HELP for ${name} given twice`);
      current = { name, help: unescapeText(helpText, false), type: "untyped", samples: [] };
      families.set(name, current);
    } else if (type !== null) {
      const [, name = "", typeName = ""] = type;
      if (current?.name !== name || current.samples.length > 0) throw new Error(`# TYPE of ${name} out of place`);
      current.type = typeName;
    } else {
      const sample = SAMPLE_LINE.exec(line);
      if (sample === null) throw new Error(`unreadable line: ${JSON.stringify(line)}`);
      const [, name = "", labels, value = ""] = sample;
      familyOf(name, current).samples.push({ name, labels: parseLabels(labels), value: parseValue(value) });
    }
  }
  for (const family of families.values()) if (family.type === "histogram") checkHistogram(family);
  return families;
}

/** The value of the one sample of `family` whose labels include `labels`. */
export function sampleValue(
  families: Map<string, ParsedFamily>,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const family = families.get(name.replace(/_(bucket|sum|count)$/, "")) ?? families.get(name);
  return family?.samples.find(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;
}
