/**
 * The Prometheus text exposition format, version 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/):
 * one `# HELP` and one `# TYPE` line per metric family, then one line per sample, `name{label="value",...} value`.
 * HELP text escapes backslash and newline; label values also escape the double quote. Special values are written
 * `+Inf`, `-Inf` and `NaN`, as Go's ParseFloat (which Prometheus uses) reads them.
 */

/** The Content-Type of a `/metrics` answer in this format. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** The kinds of metric family this registry writes. */
export type MetricType = "counter" | "gauge" | "histogram";

/** One line of a family: the family name plus `suffix` (e.g. `_bucket`), its labels in order, and its value. */
export interface Sample {
  readonly suffix: string;
  readonly labels: readonly (readonly [string, string])[];
  readonly value: number;
}

/** What a family prints. */
export interface FamilyText {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly samples: readonly Sample[];
}

/** HELP text: backslash and line feed are the only characters escaped there. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/** A label value: backslash, double quote and line feed are escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** A sample value or an `le` bound: integers without a decimal point, infinities and NaN as Prometheus spells them. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

function formatLabels(labels: Sample["labels"]): string {
  if (labels.length === 0) return "";
  return `{${labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(",")}}`;
}

/** The lines of one family, each ending in a line feed. */
export function formatFamily(family: FamilyText): string {
  const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
  for (const sample of family.samples) {
    lines.push(`${family.name}${sample.suffix}${formatLabels(sample.labels)} ${formatNumber(sample.value)}`);
  }
  return `${lines.join("\n")}\n`;
}
