import { describe, expect, it } from "vitest";
import {
  FaultInjector,
  json,
  renderPartnerCenterRateLimit,
  RequestLog,
  Router,
  seededRandom,
} from "../../../emulators/http";
import { ManualClock } from "../../../emulators/shared/clock";
import { fetchJson, useServers } from "./harness";

const start = useServers();

function router(): Router {
  return new Router()
    .add("GET", "/v1.0/engagements/referrals", () => json(200, { value: [] }))
    .add("PATCH", "/v1.0/engagements/referrals/:id", () => json(200, { patched: true }))
    .add("GET", "/fast", () => json(200, { fast: true }))
    .add("GET", "/slow", () => json(200, { slow: true }));
}

async function statuses(url: string, count: number): Promise<number[]> {
  const result: number[] = [];
  for (let index = 0; index < count; index += 1) result.push((await fetch(url)).status);
  return result;
}

describe("status faults", () => {
  it("replaces matching requests with the status, rendering a body when none is given", async () => {
    const faults = new FaultInjector();
    const server = await start({ router: router(), faults });
    faults.add({
      id: "down",
      match: { method: "patch", pathPrefix: "/v1.0/engagements/" },
      fault: { kind: "status", status: 503 },
    });

    const patched = await fetchJson(`${server.url}/v1.0/engagements/referrals/1`, { method: "PATCH" });
    expect(patched.status).toBe(503);
    expect(patched.body).toEqual({ error: { code: "ServiceUnavailable", message: "Injected fault." } });
    expect((await fetch(`${server.url}/v1.0/engagements/referrals`)).status).toBe(200);

    expect(faults.remove("down")).toBe(true);
    expect((await fetch(`${server.url}/v1.0/engagements/referrals/1`, { method: "PATCH" })).status).toBe(200);
  });

  it("sends a given body and headers and matches a path pattern", async () => {
    const faults = new FaultInjector();
    const server = await start({ router: router(), faults });
    faults.add({
      match: { pathPattern: "^/v1\\.0/engagements/referrals/[^/]+$" },
      fault: { kind: "status", status: 500, body: { code: 10001, description: "boom" }, headers: { "x-fault": "yes" } },
    });
    const faulted = await fetchJson(`${server.url}/v1.0/engagements/referrals/42`, { method: "PATCH" });
    expect(faulted).toMatchObject({ status: 500, body: { code: 10001, description: "boom" } });
    expect(faulted.headers.get("x-fault")).toBe("yes");
    expect((await fetch(`${server.url}/v1.0/engagements/referrals`)).status).toBe(200);
  });

  it("stops after `remaining` applications and drops the spent rule", async () => {
    const faults = new FaultInjector();
    const server = await start({ router: router(), faults });
    faults.add({ fault: { kind: "status", status: 500 }, remaining: 2 });
    expect(faults.list()).toEqual([expect.objectContaining({ id: "fault-1", remaining: 2 })]);
    expect(await statuses(`${server.url}/fast`, 4)).toEqual([500, 500, 200, 200]);
    expect(faults.list()).toEqual([]);
  });

  it("applies a probability with a seeded PRNG, so the same seed fails the same requests", async () => {
    const run = async () => {
      const faults = new FaultInjector({ random: seededRandom(7) });
      const server = await start({ router: router(), faults });
      faults.add({ fault: { kind: "status", status: 503 }, probability: 0.3 });
      return statuses(`${server.url}/fast`, 30);
    };
    const roll = seededRandom(7);
    const expected = Array.from({ length: 30 }, () => (roll() < 0.3 ? 503 : 200));
    const first = await run();
    expect(first).toEqual(expected);
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it("rejects invalid rules where they are added", () => {
    const faults = new FaultInjector();
    expect(() => faults.add({ fault: { kind: "status", status: 42 } })).toThrow("status must be an HTTP status code");
    expect(() => faults.add({ fault: { kind: "drop" }, probability: 1.5 })).toThrow("probability");
    expect(() => faults.add({ fault: { kind: "drop" }, remaining: 0 })).toThrow("remaining");
    expect(() => faults.add({ fault: { kind: "drop" }, match: { pathPattern: "(" } })).toThrow("pathPattern");
    faults.add({ id: "x", fault: { kind: "drop" } });
    expect(() => faults.add({ id: "x", fault: { kind: "drop" } })).toThrow("exists");
    faults.clear();
    expect(faults.list()).toEqual([]);
  });
});

describe("rate limit faults", () => {
  it("allows `limit` requests per window, then 429 with Retry-After until the window frees up", async () => {
    const clock = new ManualClock("2026-02-01T12:00:00Z");
    const faults = new FaultInjector({ clock });
    const server = await start({ router: router(), faults, renderRateLimit: renderPartnerCenterRateLimit });
    faults.add({ match: { pathPrefix: "/v1.0/" }, fault: { kind: "rateLimit", limit: 2, windowMs: 60_000 } });
    const url = `${server.url}/v1.0/engagements/referrals`;

    expect(await statuses(url, 2)).toEqual([200, 200]);
    const refused = await fetchJson(url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(refused.body).toEqual({ statusCode: 429, message: "Rate limit is exceeded. Try again in 60 seconds." });
    expect((await fetch(`${server.url}/fast`)).status).toBe(200);

    clock.advance(20_500);
    const later = await fetch(url);
    expect(later.status).toBe(429);
    expect(later.headers.get("retry-after")).toBe("40");

    clock.advance(39_500);
    expect(await statuses(url, 3)).toEqual([200, 200, 429]);
  });

  it("uses a fixed Retry-After and the emulator's error renderer by default", async () => {
    const faults = new FaultInjector({ clock: new ManualClock() });
    const server = await start({ router: router(), faults });
    faults.add({ fault: { kind: "rateLimit", limit: 0, windowMs: 1000, retryAfterSeconds: 57 } });
    const refused = await fetchJson(`${server.url}/fast`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("57");
    expect(refused.body).toEqual({
      error: { code: "TooManyRequests", message: "Rate limit is exceeded. Try again in 57 seconds." },
    });
  });
});

describe("latency and drop faults", () => {
  it("delays a request, which then completes normally after a quicker one that arrived later", async () => {
    const log = new RequestLog();
    const faults = new FaultInjector();
    const server = await start({ router: router(), faults, log });
    faults.add({ match: { pathPrefix: "/slow" }, fault: { kind: "latency", ms: 400 } });

    const slow = fetchJson(`${server.url}/slow`);
    expect(await fetchJson(`${server.url}/fast`)).toMatchObject({ status: 200, body: { fast: true } });
    expect(log.entries().map((entry) => entry.path)).toEqual(["/fast"]);
    expect(await slow).toMatchObject({ status: 200, body: { slow: true } });
    expect(log.entries().map((entry) => entry.path)).toEqual(["/fast", "/slow"]);
  });

  it("adds up latencies and lets the first deciding fault end the request", () => {
    const faults = new FaultInjector();
    faults.add({ fault: { kind: "latency", ms: 30 } });
    faults.add({ match: { method: "POST" }, fault: { kind: "latency", ms: 1000 } });
    faults.add({ fault: { kind: "latency", ms: 20 } });
    faults.add({ id: "gateway", fault: { kind: "status", status: 502 } });
    faults.add({ fault: { kind: "drop" } });
    expect(faults.decide("GET", "/fast")).toEqual({
      delayMs: 50,
      outcome: { kind: "status", ruleId: "gateway", status: 502 },
    });
  });

  it("adds latency before another fault decides the request", async () => {
    const faults = new FaultInjector();
    const server = await start({ router: router(), faults });
    faults.add({ fault: { kind: "latency", ms: 5 } });
    faults.add({ fault: { kind: "status", status: 502 } });
    expect((await fetch(`${server.url}/fast`)).status).toBe(502);
  });

  it("drops the connection without a response and logs status 0", async () => {
    const log = new RequestLog();
    const faults = new FaultInjector();
    const server = await start({ router: router(), faults, log });
    faults.add({ match: { method: "GET", pathPrefix: "/slow" }, fault: { kind: "drop" }, remaining: 1 });

    await expect(fetch(`${server.url}/slow`)).rejects.toThrow();
    expect(log.entries()).toEqual([expect.objectContaining({ method: "GET", path: "/slow", status: 0 })]);
    expect((await fetch(`${server.url}/slow`)).status).toBe(200);
  });
});
