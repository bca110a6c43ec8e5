import { describe, expect, it } from "vitest";
import { json, RequestLog, Router } from "../../../emulators/http";
import { ManualClock } from "../../../emulators/shared/clock";
import { useServers } from "./harness";

const start = useServers();
const anyDuration = expect.any(Number) as unknown;

function router(): Router {
  return new Router()
    .add("GET", "/v1.0/engagements/referrals", () => json(200, { value: [] }))
    .add("POST", "/v1.0/engagements/referrals", () => json(201, {}));
}

describe("RequestLog", () => {
  it("records method, path, raw query, status, duration and arrival time of each request", async () => {
    const clock = new ManualClock("2026-05-04T10:00:00Z");
    const log = new RequestLog({ clock });
    const server = await start({ router: router(), log });

    await fetch(`${server.url}/v1.0/engagements/referrals?$top=2&$filter=status%20eq%20%27New%27`);
    clock.advance(1000);
    await fetch(`${server.url}/v1.0/engagements/referrals`, { method: "POST", body: "{}" });
    await fetch(`${server.url}/missing`);

    const entries = log.entries();
    expect(entries).toEqual([
      {
        method: "GET",
        path: "/v1.0/engagements/referrals",
        query: "$top=2&$filter=status%20eq%20%27New%27",
        status: 200,
        at: "2026-05-04T10:00:00.000Z",
        durationMs: anyDuration,
      },
      {
        method: "POST",
        path: "/v1.0/engagements/referrals",
        query: "",
        status: 201,
        at: "2026-05-04T10:00:01.000Z",
        durationMs: anyDuration,
      },
      {
        method: "GET",
        path: "/missing",
        query: "",
        status: 404,
        at: "2026-05-04T10:00:01.000Z",
        durationMs: anyDuration,
      },
    ]);
    for (const entry of entries) expect(entry.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("counts with a predicate and forgets everything on reset", async () => {
    const log = new RequestLog();
    const server = await start({ router: router(), log });
    for (let index = 0; index < 3; index += 1) await fetch(`${server.url}/v1.0/engagements/referrals`);
    await fetch(`${server.url}/v1.0/engagements/referrals`, { method: "POST", body: "{}" });

    expect(log.count()).toBe(4);
    expect(log.count((entry) => entry.method === "POST")).toBe(1);
    log.reset();
    expect(log.count()).toBe(0);
    expect(log.entries()).toEqual([]);
    await fetch(`${server.url}/v1.0/engagements/referrals`);
    expect(log.count()).toBe(1);
  });

  it("keeps only the newest entries beyond its capacity", () => {
    const log = new RequestLog({ maxEntries: 2 });
    for (const path of ["/a", "/b", "/c"]) {
      log.record({ method: "GET", path, query: "", status: 200, durationMs: 1, at: "2026-01-01T00:00:00.000Z" });
    }
    expect(log.entries().map((entry) => entry.path)).toEqual(["/b", "/c"]);
  });
});
