/**
 * Operations endpoints and the admin API: /healthz, /readyz with per-check status (503 when one fails or hangs),
 * /metrics in the Prometheus text format, and /admin behind a bearer token with the admin app role.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../../../server/sync/apiError";
import { dataverseRequest, endpointFor, nameUpdate, send } from "./dataverseRequests";
import { anyNumber, jsonOf, startApp, type RunningApp } from "./harness";
import { parsePrometheusText, sampleValue } from "./promText";
import { ADMIN_ROLE, startTestIssuer, type TestIssuer, type TokenClaims } from "./tokens";

let issuer: TestIssuer;
let running: RunningApp;

beforeAll(async () => {
  issuer = await startTestIssuer();
  running = await startApp(issuer.jwksUrl, { probeTimeoutMs: 100 });
});

afterAll(async () => {
  await running.close();
  await issuer.close();
});

beforeEach(() => {
  const operations = running.services.operations;
  operations.readinessProbes.database = operations.passingProbe("database");
  operations.readinessProbes.dataverse = operations.passingProbe("dataverse");
  operations.readinessProbes.partnerCenter = operations.passingProbe("partnerCenter");
  operations.retried.length = 0;
});

describe("health and readiness", () => {
  it("GET /healthz answers 200 without checking anything", async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("GET /readyz answers 200 with every check ok", async () => {
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await jsonOf(response)).toEqual({
      status: "ready",
      checks: {
        database: { status: "ok", durationMs: anyNumber },
        dataverse: { status: "ok", durationMs: anyNumber },
        partnerCenter: { status: "ok", durationMs: anyNumber },
      },
    });
  });

  it("GET /readyz answers 503 naming the failed check, without the cause's details", async () => {
    running.services.operations.readinessProbes.partnerCenter = () =>
      Promise.reject(
        new ApiError(
          {
            api: "partnerCenter",
            status: 503,
            code: null,
            request: "GET /v1.0/engagements/referrals",
            retryAfterMs: null,
          },
          "Partner Center is down for maintenance at pc-internal-host",
        ),
      );
    running.services.operations.readinessProbes.database = () =>
      Promise.reject(new Error("password authentication failed"));
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(503);
    const body = await jsonOf(response);
    expect(body).toMatchObject({
      status: "not ready",
      checks: {
        database: { status: "failed", message: "the check failed; the service log has the cause" },
        dataverse: { status: "ok" },
        partnerCenter: { status: "failed", message: "partnerCenter answered 503" },
      },
    });
    expect(JSON.stringify(body)).not.toMatch(/pc-internal-host|password/);
  });

  it("GET /readyz gives up on a probe that hangs, and aborts it", async () => {
    let aborted = false;
    running.services.operations.readinessProbes.dataverse = (signal) =>
      new Promise(() => {
        signal.addEventListener("abort", () => {
          aborted = true;
        });
      });
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await jsonOf(response)).toMatchObject({ checks: { dataverse: { status: "timeout" } } });
    expect(aborted).toBe(true);
  });
});

describe("GET /metrics", () => {
  it("serves parseable Prometheus text with the webhook counters and the queue depth", async () => {
    const accepted = await send(dataverseRequest(nameUpdate(), endpointFor(running.url)));
    expect(accepted.status).toBe(202);
    const response = await fetch(`${running.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const families = parsePrometheusText(await response.text());
    expect(sampleValue(families, "cosell_webhooks_received_total", { source: "dataverse", outcome: "enqueued" })).toBe(
      1,
    );
    expect(sampleValue(families, "cosell_jobs_enqueued_total", { kind: "dataverse-opportunity" })).toBe(1);
    expect(sampleValue(families, "cosell_queue_jobs", { state: "queued" })).toBe(3);
    expect(families.get("cosell_sync_duration_seconds")?.type).toBe("histogram");
  });

  it("still answers when the queue depth cannot be read", async () => {
    running.services.operations.depthResult = new Error("database down");
    try {
      const response = await fetch(`${running.url}/metrics`);
      expect(response.status).toBe(200);
      const families = parsePrometheusText(await response.text());
      expect(families.get("cosell_queue_jobs")?.samples).toEqual([]);
      expect(sampleValue(families, "cosell_metrics_collect_failures_total", { metric: "cosell_queue_jobs" })).toBe(1);
    } finally {
      running.services.operations.depthResult = { queued: 3, running: 1, retrying: 2, failed: 1, oldestQueuedAt: null };
    }
  });
});

describe("the admin API", () => {
  async function admin(method: "GET" | "POST", path: string, claims: TokenClaims | null = { roles: [ADMIN_ROLE] }) {
    const headers: Record<string, string> = {};
    if (claims !== null) headers.authorization = `Bearer ${await issuer.sign(claims)}`;
    return fetch(`${running.url}/admin${path}`, { method, headers });
  }

  it("401 without a token, 403 insufficient_scope without the admin role", async () => {
    expect((await admin("GET", "/queue", null)).status).toBe(401);
    const seller = await admin("POST", "/jobs/retry-all", { roles: ["CoSellBridge.Seller"] });
    expect(seller.status).toBe(403);
    expect(seller.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(await jsonOf(seller)).toMatchObject({ error: { code: "insufficient_role" } });
    expect(running.services.operations.retried).toEqual([]);
  });

  it("lists failed jobs with what to do, honouring and checking ?limit", async () => {
    const response = await admin("GET", "/jobs/problems?limit=5");
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toEqual({ jobs: running.services.operations.problemJobs });
    expect((await admin("GET", "/jobs/problems?limit=0")).status).toBe(400);
    expect((await admin("GET", "/jobs/problems?limit=abc")).status).toBe(400);
  });

  it("retries one failed job (202), 404 for an unknown one, 400 for a malformed id", async () => {
    const [job] = running.services.operations.problemJobs;
    expect((await admin("POST", `/jobs/${job?.id ?? ""}/retry`)).status).toBe(202);
    const unknown = await admin("POST", "/jobs/00000000-0000-4000-8000-000000000000/retry");
    expect(unknown.status).toBe(404);
    expect(await jsonOf(unknown)).toMatchObject({ error: { code: "not_found", whatToDo: "List the failed jobs." } });
    expect((await admin("POST", "/jobs/%20bad/retry")).status).toBe(400);
    expect(running.services.operations.retried).toEqual([job?.id]);
  });

  it("retries every failed job, and reports the queue's depth", async () => {
    const retried = await admin("POST", "/jobs/retry-all");
    expect(retried.status).toBe(202);
    expect(await jsonOf(retried)).toEqual({ retried: 1 });
    expect(await jsonOf(await admin("GET", "/queue"))).toEqual({
      queued: 3,
      running: 1,
      retrying: 2,
      failed: 1,
      oldestQueuedAt: null,
    });
  });

  it("unknown routes answer 404 in the common error shape", async () => {
    const response = await fetch(`${running.url}/admin/nothing-here?code=secret`);
    expect(response.status).toBe(404);
    const body = await jsonOf(response);
    expect(body).toMatchObject({ error: { code: "not_found" } });
    expect(JSON.stringify(body)).not.toContain("secret");
  });
});
