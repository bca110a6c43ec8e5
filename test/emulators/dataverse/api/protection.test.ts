/**
 * Service protection (dataverse.md §4.4) with small configured limits: requests per window (0x80072322) and
 * concurrent requests (0x80072326), both 429 with Retry-After, per user. Then injected faults and the request log,
 * which the admin API steers without being subject to either.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DataverseEmulator } from "../../../../emulators/dataverse";
import type { ManualClock } from "../../../../emulators/shared/clock";
import { call, clientCredentialsToken, errorOf, startTestEmulator } from "./harness";

let emulator: DataverseEmulator & { clock: ManualClock };
let token: string;
let sellerToken: string;

beforeAll(async () => {
  emulator = await startTestEmulator({
    seed: { opportunities: 5 },
    serviceProtection: { requestsPerWindow: 4, windowMs: 60_000, concurrentRequests: 2 },
  });
  token = await clientCredentialsToken(emulator);
  sellerToken = await emulator.admin.getToken({ user: "seller" });
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(async () => {
  await emulator.admin.clearFaults();
  await emulator.admin.configureServiceProtection({ requestsPerWindow: 4, windowMs: 60_000, concurrentRequests: 2 });
});

const whoAmI = (bearer = token) => call(emulator, "GET", "/api/data/v9.2/WhoAmI", { token: bearer });

describe("service protection", () => {
  it("refuses the request over the per-window limit with 429, Retry-After and 0x80072322, per user", async () => {
    for (let request = 0; request < 4; request += 1) expect((await whoAmI()).status).toBe(200);
    const refused = await whoAmI();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(errorOf(refused)).toEqual({
      code: "0x80072322",
      message: "Number of requests exceeded the limit of 4 over time window of 60 seconds.",
    });
    // Another user has its own window.
    expect((await whoAmI(sellerToken)).status).toBe(200);
    emulator.clock.advance(30_000);
    expect((await whoAmI()).headers.get("retry-after")).toBe("30");
    emulator.clock.advance(30_001);
    expect((await whoAmI()).status).toBe(200);
  });

  it("refuses requests over the concurrency limit at once with 0x80072326", async () => {
    await emulator.admin.configureServiceProtection({ requestsPerWindow: 100 });
    await emulator.admin.addFault({
      match: { pathPrefix: "/api/data/v9.2/WhoAmI" },
      fault: { kind: "latency", ms: 1000 },
    });
    const results = await Promise.all([whoAmI(), whoAmI(), whoAmI(), whoAmI()]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 429, 429]);
    const refused = results.find((result) => result.status === 429);
    expect(refused?.headers.get("retry-after")).toBe("1");
    expect(refused === undefined ? undefined : errorOf(refused)).toEqual({
      code: "0x80072326",
      message: "Number of concurrent requests exceeded the limit of 2.",
    });
  });

  it("can be turned off through the admin API", async () => {
    expect((await emulator.admin.configureServiceProtection({ enabled: false })).enabled).toBe(false);
    for (let request = 0; request < 6; request += 1) expect((await whoAmI()).status).toBe(200);
  });
});

describe("faults", () => {
  it("injects a 5xx in the Web API's error shape, then lets requests through", async () => {
    await emulator.admin.configureServiceProtection({ enabled: false });
    await emulator.admin.addFault({ match: { method: "GET" }, fault: { kind: "status", status: 503 }, remaining: 1 });
    const failed = await whoAmI();
    expect(failed.status).toBe(503);
    expect(errorOf(failed).code).toBe("ServiceUnavailable");
    expect((await whoAmI()).status).toBe(200);
    expect(await emulator.admin.listFaults()).toEqual([]);
  });

  it("injects a 429 that reads like the request limit", async () => {
    await emulator.admin.configureServiceProtection({ enabled: false });
    await emulator.admin.addFault({ fault: { kind: "rateLimit", limit: 1, windowMs: 60_000, retryAfterSeconds: 7 } });
    expect((await whoAmI()).status).toBe(200);
    const throttled = await whoAmI();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("7");
    expect(errorOf(throttled).code).toBe("0x80072322");
  });

  it("drops connections while the admin API keeps answering", async () => {
    await emulator.admin.addFault({ id: "drop-all", fault: { kind: "drop" } });
    await expect(whoAmI()).rejects.toThrow();
    expect((await emulator.admin.info()).url).toBe(emulator.url);
    await emulator.admin.removeFault("drop-all");
    expect((await whoAmI()).status).toBe(200);
  });
});

describe("the request log", () => {
  it("counts Web API calls by method, path and status, and leaves admin calls out", async () => {
    await emulator.admin.configureServiceProtection({ enabled: false });
    await emulator.admin.resetRequests();
    await whoAmI();
    await call(emulator, "GET", "/api/data/v9.2/accounts?$top=1", { token });
    await call(emulator, "GET", "/api/data/v9.2/nosuchset", { token });
    await emulator.admin.info();
    expect(await emulator.admin.countRequests()).toBe(3);
    expect(await emulator.admin.countRequests({ pathPrefix: "/api/data/v9.2/accounts" })).toBe(1);
    expect(await emulator.admin.countRequests({ status: 404 })).toBe(1);
    const [entry] = await emulator.admin.requests({ method: "GET", pathPrefix: "/api/data/v9.2/accounts" });
    expect(entry).toMatchObject({ method: "GET", path: "/api/data/v9.2/accounts", query: "$top=1", status: 200 });
    expect(emulator.log.count()).toBe(3);
  });
});
