/**
 * Faults set at run time through the admin API (429 with Retry-After per window or at random, 5xx, latency, dropped
 * connections; shared/reference/partner-center.md §1.7) and the request log tests and benchmarks count calls with.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seededRandom } from "../../../../emulators/http";
import { REFERRALS_PATH, SOLUTIONS_PATH } from "../../../../emulators/partner-center";
import { call, startTestEmulator, tokensFor } from "./harness";

const FAULT_SEED = 20260504;

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let tokens: ReturnType<typeof tokensFor>;

beforeAll(async () => {
  emulator = await startTestEmulator({ faultRandomSeed: FAULT_SEED });
  tokens = tokensFor(emulator);
});

beforeEach(async () => {
  await emulator.admin.clearFaults();
  await emulator.admin.resetRequests();
});

afterAll(async () => {
  await emulator.close();
});

async function list(): Promise<Awaited<ReturnType<typeof call>>> {
  return call(emulator, "GET", REFERRALS_PATH, { token: await tokens.referrals() });
}

describe("injected faults", () => {
  it("rate-limits per window with 429, Retry-After and Partner Center's throttling body", async () => {
    await emulator.admin.addFault({
      match: { pathPrefix: REFERRALS_PATH },
      fault: { kind: "rateLimit", limit: 2, windowMs: 60_000 },
    });
    expect((await list()).status).toBe(200);
    emulator.clock.advance(15_000);
    expect((await list()).status).toBe(200);
    const throttled = await list();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("45");
    expect(throttled.body).toEqual({ statusCode: 429, message: "Rate limit is exceeded. Try again in 45 seconds." });
    // Other paths are not limited by this rule.
    expect((await call(emulator, "GET", SOLUTIONS_PATH, { token: await tokens.referrals() })).status).toBe(200);
    await emulator.admin.advanceClock({ seconds: 45 });
    expect((await list()).status).toBe(200);
  });

  it("throttles at random with a seeded probability, so the run is repeatable", async () => {
    await emulator.admin.addFault({
      match: { method: "GET", pathPrefix: REFERRALS_PATH },
      fault: { kind: "rateLimit", limit: 0, windowMs: 1000, retryAfterSeconds: 7 },
      probability: 0.4,
    });
    const roll = seededRandom(FAULT_SEED);
    const expected = Array.from({ length: 12 }, () => (roll() < 0.4 ? 429 : 200));
    const statuses: number[] = [];
    for (let index = 0; index < 12; index += 1) {
      const result = await list();
      statuses.push(result.status);
      if (result.status === 429) expect(result.headers.get("retry-after")).toBe("7");
    }
    expect(statuses).toEqual(expected);
    expect(statuses).toContain(429);
    expect(statuses).toContain(200);
  });

  it("answers 503 in Partner Center's error shape for as many calls as asked", async () => {
    await emulator.admin.addFault({ match: { method: "GET" }, fault: { kind: "status", status: 503 }, remaining: 2 });
    const first = await list();
    expect(first.status).toBe(503);
    expect(first.body).toEqual({
      code: "ServiceUnavailable",
      description: "Injected fault.",
      data: [],
      source: "PartnerCenterEmulator",
    });
    expect(first.headers.get("ms-requestid")).not.toBeNull();
    expect((await list()).status).toBe(503);
    expect((await list()).status).toBe(200);
    expect(await emulator.admin.listFaults()).toEqual([]);
  });

  it("adds latency and still answers normally", async () => {
    const id = await emulator.admin.addFault({ fault: { kind: "latency", ms: 25 }, remaining: 1 });
    expect((await emulator.admin.listFaults()).map((rule) => rule.id)).toEqual([id]);
    expect((await list()).status).toBe(200);
    // The rule was used up by that one request: the latency was applied to it.
    expect(await emulator.admin.listFaults()).toEqual([]);
  });

  it("drops the connection, logged with status 0; the admin API is never faulted", async () => {
    const id = await emulator.admin.addFault({ fault: { kind: "drop" } });
    await expect(list()).rejects.toThrow();
    expect((await emulator.admin.requests()).map((entry) => entry.status)).toEqual([0]);
    await emulator.admin.removeFault(id);
    expect((await list()).status).toBe(200);
  });

  it("refuses an invalid rule with 400 and an unknown id with 404", async () => {
    await expect(emulator.admin.addFault({ fault: { kind: "status", status: 42 } })).rejects.toMatchObject({
      status: 400,
    });
    await expect(emulator.admin.addFault({ fault: { kind: "latency", ms: 1 }, probability: 2 })).rejects.toMatchObject({
      status: 400,
    });
    await expect(emulator.admin.removeFault("never-added")).rejects.toMatchObject({ status: 404 });
  });

  it("can be set in-process on emulator.faults as well", async () => {
    emulator.faults.add({ id: "patch-down", match: { method: "PATCH" }, fault: { kind: "status", status: 500 } });
    const patched = await call(emulator, "PATCH", `${REFERRALS_PATH}/any`, {
      token: await tokens.referrals(),
      body: [],
    });
    expect(patched.status).toBe(500);
    expect((await list()).status).toBe(200);
  });
});

describe("the request log", () => {
  it("records method, path, query, status and duration of every Partner Center call, not admin calls", async () => {
    const token = await tokens.referrals();
    await call(emulator, "GET", `${REFERRALS_PATH}?$top=1`, { token });
    await call(emulator, "GET", `${REFERRALS_PATH}/missing`, { token });
    await call(emulator, "GET", SOLUTIONS_PATH, { token });
    await call(emulator, "GET", REFERRALS_PATH);
    await emulator.admin.getClock();

    const entries = await emulator.admin.requests();
    expect(entries.map((entry) => [entry.method, entry.path, entry.query, entry.status])).toEqual([
      ["GET", REFERRALS_PATH, "$top=1", 200],
      ["GET", `${REFERRALS_PATH}/missing`, "", 404],
      ["GET", SOLUTIONS_PATH, "", 200],
      ["GET", REFERRALS_PATH, "", 401],
    ]);
    for (const entry of entries) {
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
      expect(entry.at).toBe(emulator.clock.now().toISOString());
    }
    expect(await emulator.admin.countRequests({ pathPrefix: REFERRALS_PATH })).toBe(3);
    expect(await emulator.admin.countRequests({ status: 200 })).toBe(2);
    expect(await emulator.admin.countRequests({ method: "post" })).toBe(0);
    expect(emulator.log.count()).toBe(4);
  });

  it("counts token requests too, and resets", async () => {
    await fetch(emulator.tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(await emulator.admin.countRequests({ pathPrefix: `/${emulator.tenantId}/oauth2` })).toBe(1);
    await emulator.admin.resetRequests();
    expect(await emulator.admin.countRequests()).toBe(0);
  });
});
