/**
 * server/metrics: the exact text exposition format (HELP/TYPE, escaping, le buckets, _sum/_count, special values),
 * the checks that keep a typo from splitting a series, and collect callbacks, including one that fails.
 */
import { describe, expect, it } from "vitest";
import { createServiceMetrics, MetricsRegistry, PROMETHEUS_CONTENT_TYPE } from "../../../server/metrics";
import { parsePrometheusText, sampleValue } from "./promText";

describe("the text exposition format", () => {
  it("writes counters, gauges and histograms exactly as Prometheus reads them", async () => {
    const registry = new MetricsRegistry();
    const requests = registry.counter({ name: "app_requests_total", help: "Requests.", labelNames: ["route", "code"] });
    const temperature = registry.gauge({ name: "app_temperature_celsius", help: "Temperature." });
    const latency = registry.histogram({
      name: "app_latency_seconds",
      help: "Latency.",
      labelNames: ["route"],
      buckets: [0.1, 1],
    });
    requests.inc({ route: "/a", code: "200" });
    requests.inc({ route: "/a", code: "200" }, 2);
    requests.inc({ route: "/b", code: "500" });
    temperature.set({}, -3.5);
    for (const value of [0.05, 0.1, 0.5, 7]) latency.observe({ route: "/a" }, value);

    expect(await registry.render()).toBe(
      [
        "# HELP app_requests_total Requests.",
        "# TYPE app_requests_total counter",
        'app_requests_total{route="/a",code="200"} 3',
        'app_requests_total{route="/b",code="500"} 1',
        "# HELP app_temperature_celsius Temperature.",
        "# TYPE app_temperature_celsius gauge",
        "app_temperature_celsius -3.5",
        "# HELP app_latency_seconds Latency.",
        "# TYPE app_latency_seconds histogram",
        'app_latency_seconds_bucket{route="/a",le="0.1"} 2',
        'app_latency_seconds_bucket{route="/a",le="1"} 3',
        'app_latency_seconds_bucket{route="/a",le="+Inf"} 4',
        'app_latency_seconds_sum{route="/a"} 7.65',
        'app_latency_seconds_count{route="/a"} 4',
        "",
      ].join("\n"),
    );
  });

  it("escapes backslash and line feed in HELP, and also the double quote in label values", async () => {
    const registry = new MetricsRegistry();
    registry.counter({ name: "odd_total", help: 'Path C:\\temp\nsecond "line"', labelNames: ["value"] }).inc({
      value: 'a "quoted" \\ back\nslash',
    });
    const text = await registry.render();
    expect(text).toContain('# HELP odd_total Path C:\\\\temp\\nsecond "line"\n');
    expect(text).toContain('odd_total{value="a \\"quoted\\" \\\\ back\\nslash"} 1\n');
    const family = parsePrometheusText(text).get("odd_total");
    expect(family?.help).toBe('Path C:\\temp\nsecond "line"');
    expect(family?.samples[0]?.labels.value).toBe('a "quoted" \\ back\nslash');
  });

  it("writes +Inf, -Inf and NaN as Prometheus spells them", async () => {
    const registry = new MetricsRegistry();
    const gauge = registry.gauge({ name: "special", help: "Special values.", labelNames: ["kind"] });
    gauge.set({ kind: "up" }, Number.POSITIVE_INFINITY);
    gauge.set({ kind: "down" }, Number.NEGATIVE_INFINITY);
    gauge.set({ kind: "none" }, Number.NaN);
    const text = await registry.render();
    expect(text).toContain('special{kind="up"} +Inf\nspecial{kind="down"} -Inf\nspecial{kind="none"} NaN\n');
    expect(parsePrometheusText(text).get("special")?.samples).toHaveLength(3);
  });

  it("shows unlabelled metrics at zero before their first event, labelled ones only once used", async () => {
    const registry = new MetricsRegistry();
    registry.counter({ name: "plain_total", help: "Plain." });
    registry.histogram({ name: "plain_seconds", help: "Plain.", buckets: [1] });
    registry.counter({ name: "labelled_total", help: "Labelled.", labelNames: ["kind"] });
    const families = parsePrometheusText(await registry.render());
    expect(sampleValue(families, "plain_total")).toBe(0);
    expect(sampleValue(families, "plain_seconds_count")).toBe(0);
    expect(sampleValue(families, "plain_seconds_bucket", { le: "+Inf" })).toBe(0);
    expect(families.get("labelled_total")?.samples).toEqual([]);
  });

  it("puts a value equal to a bound into that bucket", async () => {
    const registry = new MetricsRegistry();
    const histogram = registry.histogram({ name: "edge_seconds", help: "Edges.", buckets: [1, 2] });
    histogram.observe({}, 1);
    histogram.observe({}, 2.0000001);
    const families = parsePrometheusText(await registry.render());
    expect(sampleValue(families, "edge_seconds_bucket", { le: "1" })).toBe(1);
    expect(sampleValue(families, "edge_seconds_bucket", { le: "2" })).toBe(1);
    expect(sampleValue(families, "edge_seconds_bucket", { le: "+Inf" })).toBe(2);
  });
});

describe("declarations and updates that would corrupt the output are refused", () => {
  it("refuses bad names, reserved labels, duplicates and unordered buckets", () => {
    const registry = new MetricsRegistry();
    expect(() => registry.counter({ name: "bad-name", help: "x" })).toThrow(RangeError);
    expect(() => registry.counter({ name: "ok_total", help: "x", labelNames: ["__reserved"] })).toThrow(RangeError);
    expect(() => registry.histogram({ name: "h", help: "x", labelNames: ["le"] })).toThrow(/le/);
    expect(() => registry.histogram({ name: "h2", help: "x", buckets: [1, 1] })).toThrow(/increasing/);
    registry.counter({ name: "once_total", help: "x" });
    expect(() => registry.gauge({ name: "once_total", help: "x" })).toThrow(/already registered/);
  });

  it("refuses a counter going down and labels that are missing or unknown", () => {
    const counter = new MetricsRegistry().counter({ name: "c_total", help: "x", labelNames: ["kind"] });
    expect(() => {
      counter.inc({ kind: "a" }, -1);
    }).toThrow(RangeError);
    expect(() => {
      counter.inc({} as { kind: string });
    }).toThrow(/missing \[kind\]/);
    expect(() => {
      counter.inc({ kind: "a", other: "b" } as { kind: string });
    }).toThrow(/unknown \[other\]/);
  });
});

describe("collect callbacks", () => {
  it("reads a gauge's values at each scrape", async () => {
    let depth = 1;
    const registry = new MetricsRegistry();
    registry.gauge({
      name: "depth",
      help: "Depth.",
      collect: (gauge) => {
        gauge.set({}, depth);
      },
    });
    expect(await registry.render()).toContain("\ndepth 1\n");
    depth = 5;
    expect(await registry.render()).toContain("\ndepth 5\n");
  });

  it("leaves out the samples of a failing source, reports it, and renders the rest", async () => {
    const failures: string[] = [];
    let fail = false;
    const registry = new MetricsRegistry({ onCollectError: (name) => failures.push(name) });
    registry.gauge({
      name: "queue_depth",
      help: "Depth.",
      collect: (gauge) => {
        if (fail) throw new Error("database down");
        gauge.set({}, 4);
      },
    });
    registry.counter({ name: "other_total", help: "Other." }).inc({});
    expect(await registry.render()).toContain("queue_depth 4");
    fail = true;
    const families = parsePrometheusText(await registry.render());
    // Not the stale 4: an outage must not look like a healthy queue.
    expect(families.get("queue_depth")?.samples).toEqual([]);
    expect(sampleValue(families, "other_total")).toBe(1);
    expect(failures).toEqual(["queue_depth"]);
  });
});

describe("the service's metrics", () => {
  it("declares every metric, reads the queue depth, and counts a failed read", async () => {
    let down = false;
    const metrics = createServiceMetrics({
      queueDepth: () =>
        down ? Promise.reject(new Error("down")) : Promise.resolve({ queued: 3, running: 1, retrying: 2, failed: 0 }),
    });
    metrics.webhooksReceived.inc({ source: "dataverse", outcome: "enqueued" });
    metrics.syncDuration.observe({ direction: "toPartnerCenter", outcome: "created" }, 0.3);
    metrics.partnerCenterCalls.inc({ operation: "createReferral", status: "201" });
    const families = parsePrometheusText(await metrics.registry.render());
    expect([...families.keys()].sort()).toEqual([
      "cosell_echoes_suppressed_total",
      "cosell_jobs_coalesced_total",
      "cosell_jobs_enqueued_total",
      "cosell_metrics_collect_failures_total",
      "cosell_partner_center_calls_total",
      "cosell_queue_jobs",
      "cosell_sync_duration_seconds",
      "cosell_webhook_refusals_total",
      "cosell_webhooks_received_total",
    ]);
    expect(sampleValue(families, "cosell_queue_jobs", { state: "retrying" })).toBe(2);
    expect(sampleValue(families, "cosell_sync_duration_seconds_bucket", { le: "0.5" })).toBe(1);

    down = true;
    const afterOutage = parsePrometheusText(await metrics.registry.render());
    expect(afterOutage.get("cosell_queue_jobs")?.samples).toEqual([]);
    expect(sampleValue(afterOutage, "cosell_metrics_collect_failures_total", { metric: "cosell_queue_jobs" })).toBe(1);
    expect(PROMETHEUS_CONTENT_TYPE).toBe("text/plain; version=0.0.4; charset=utf-8");
  });
});
