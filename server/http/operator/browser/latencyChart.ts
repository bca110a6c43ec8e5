/**
 * The latency chart: one point per recent sync whose change time is known (finished at → latency), the p50 and p95
 * of the same window as dashed lines, labelled axes, and a sentence that says the same for people who cannot see the
 * chart. Drawn as inline SVG in CSS pixels of the space it has, so that its text stays readable on a phone.
 */
import type { LatencySummary, RecentSync } from "../../operations/adminViews";
import { latencyTicks, linearScale, timeTicks } from "./chartScale";
import { svg } from "./dom";
import { DIRECTION_LABELS, count, formatClock, formatDateTime, formatDuration } from "./format";

const HEIGHT = 260;
/** Below this width the percentile labels move inside the plot, and the time axis has two ticks. */
const NARROW = 480;
/** The least vertical distance between the p50 and p95 labels, so that close percentiles stay legible. */
const LABEL_GAP = 14;

/** Where the plot area is inside the SVG. */
interface Frame {
  readonly narrow: boolean;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

function frameOf(width: number): Frame {
  const narrow = width < NARROW;
  return { narrow, left: narrow ? 68 : 80, right: width - (narrow ? 12 : 78), top: 14, bottom: HEIGHT - 44 };
}

interface Point {
  readonly finishedAt: number;
  readonly latencyMs: number;
  readonly sync: RecentSync;
}

function pointsOf(syncs: readonly RecentSync[]): Point[] {
  return syncs.flatMap((sync) =>
    sync.latencyMs === null ? [] : [{ finishedAt: Date.parse(sync.finishedAt), latencyMs: sync.latencyMs, sync }],
  );
}

/** The sentence under the chart, which screen readers get as its description. */
export function latencySentence(syncs: readonly RecentSync[], latency: LatencySummary): string {
  const points = pointsOf(syncs);
  const first = points.at(-1);
  const last = points[0];
  if (first === undefined || last === undefined || latency.p50 === null || latency.p95 === null) {
    return "No syncs with a known change time yet, so there is no latency to show.";
  }
  const unknown = syncs.length - points.length;
  return (
    `${count(points.length, "sync")} finished between ${formatDateTime(first.sync.finishedAt)} and ` +
    `${formatDateTime(last.sync.finishedAt)}. Median latency (p50) ${formatDuration(latency.p50)}, ` +
    `95th percentile (p95) ${formatDuration(latency.p95)}, slowest ${formatDuration(latency.max ?? latency.p95)}.` +
    (unknown > 0
      ? ` ${count(unknown, "sync")} without a known change time ${unknown === 1 ? "is" : "are"} not shown.`
      : "")
  );
}

/** Time ticks whose labels differ (a window of a few seconds would repeat the same second). */
function distinctTimeTicks(start: number, end: number, wanted: number): number[] {
  const labels = new Set<string>();
  return timeTicks(start, end, wanted).filter((tick) => {
    const label = formatClock(tick);
    if (labels.has(label)) return false;
    labels.add(label);
    return true;
  });
}

function timeAxis(frame: Frame, ticks: readonly number[], x: (t: number) => number): SVGElement[] {
  const anchor = (index: number) =>
    ticks.length === 1 ? "middle" : index === 0 ? "start" : index === ticks.length - 1 ? "end" : "middle";
  return [
    ...ticks.map((tick, index) =>
      svg("text", { class: "tick", x: x(tick), y: frame.bottom + 16, "text-anchor": anchor(index) }, [
        formatClock(tick),
      ]),
    ),
    svg("line", { class: "axis", x1: frame.left, x2: frame.right, y1: frame.bottom, y2: frame.bottom }),
    svg("text", { class: "axis-title", x: (frame.left + frame.right) / 2, y: HEIGHT - 6, "text-anchor": "middle" }, [
      "Finished at (your local time)",
    ]),
  ];
}

function latencyAxis(frame: Frame, ticks: readonly number[], y: (ms: number) => number): SVGElement[] {
  const middle = (frame.top + frame.bottom) / 2;
  return [
    ...ticks.map((tick) =>
      svg("g", { class: "tick" }, [
        svg("line", { class: "grid", x1: frame.left, x2: frame.right, y1: y(tick), y2: y(tick) }),
        svg("text", { x: frame.left - 6, y: y(tick), "text-anchor": "end", "dominant-baseline": "middle" }, [
          formatDuration(tick),
        ]),
      ]),
    ),
    svg("line", { class: "axis", x1: frame.left, x2: frame.left, y1: frame.top, y2: frame.bottom }),
    svg("text", { class: "axis-title", transform: `translate(14 ${middle}) rotate(-90)`, "text-anchor": "middle" }, [
      "Latency",
    ]),
  ];
}

/** A dashed line across the plot at `value`, labelled at `labelY`: right of the plot, or inside it when narrow. */
function marker(
  frame: Frame,
  name: "p50" | "p95",
  value: number,
  labelY: number,
  y: (ms: number) => number,
): SVGGElement {
  const label = frame.narrow
    ? { x: frame.right - 2, y: labelY - 5, "text-anchor": "end" }
    : { x: frame.right + 6, y: labelY, "dominant-baseline": "middle" };
  return svg("g", { class: `marker ${name}` }, [
    svg("line", { x1: frame.left, x2: frame.right, y1: y(value), y2: y(value) }),
    svg("text", label, [`${name} ${formatDuration(value)}`]),
  ]);
}

function dot(point: Point, x: (t: number) => number, y: (ms: number) => number): SVGCircleElement {
  const { sync } = point;
  const label = `${formatDateTime(sync.finishedAt)} · ${DIRECTION_LABELS[sync.direction]} · ${sync.outcome} · ${formatDuration(point.latencyMs)}`;
  return svg("circle", { class: `point ${sync.outcome}`, cx: x(point.finishedAt), cy: y(point.latencyMs), r: 4 }, [
    svg("title", {}, [label]),
  ]);
}

/** Draws the chart into `container` (replacing what was there), `width` CSS pixels wide; empty without points. */
export function drawLatencyChart(
  container: HTMLElement,
  syncs: readonly RecentSync[],
  latency: LatencySummary,
  width: number,
): void {
  const points = pointsOf(syncs);
  if (points.length === 0 || latency.p50 === null || latency.p95 === null) {
    container.replaceChildren();
    return;
  }
  const frame = frameOf(width);
  const times = points.map((point) => point.finishedAt);
  const [start, end] = [Math.min(...times), Math.max(...times)];
  const yTicks = latencyTicks(Math.max(latency.max ?? 0, ...points.map((point) => point.latencyMs)));
  const y = linearScale([0, yTicks.at(-1) ?? 1000], [frame.bottom, frame.top]);
  const x = linearScale([start, end], [frame.left + 8, frame.right - 8]);
  const [p50, p95] = [latency.p50, latency.p95];
  const chart = svg(
    "svg",
    {
      class: "latency-chart",
      width,
      height: HEIGHT,
      viewBox: `0 0 ${width} ${HEIGHT}`,
      role: "img",
      "aria-labelledby": "latency-title",
      "aria-describedby": "latency-summary",
    },
    [
      svg("g", { class: "axes" }, [
        ...latencyAxis(frame, yTicks, y),
        ...timeAxis(frame, distinctTimeTicks(start, end, frame.narrow ? 2 : 4), x),
      ]),
      marker(frame, "p95", p95, Math.min(y(p95), y(p50) - LABEL_GAP), y),
      marker(frame, "p50", p50, y(p50), y),
      svg(
        "g",
        { class: "points" },
        points.map((point) => dot(point, x, y)),
      ),
    ],
  );
  container.replaceChildren(chart);
}
