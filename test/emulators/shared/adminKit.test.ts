/**
 * The shared admin kit as a third emulator would use it: the clock, faults and request log routes with its own error
 * shape and clock answer, the admin key check, and a client built on EmulatorAdminClient with its own error class.
 */
import { describe, expect, it } from "vitest";
import { FaultInjector, HttpError, json, RequestLog, Router, type RouteHandler } from "../../../emulators/http";
import { AdminInputError } from "../../../emulators/shared/admin/adminInput";
import { EmulatorAdminClient } from "../../../emulators/shared/admin/adminClient";
import { adminKeyCheck } from "../../../emulators/shared/admin/adminKey";
import { EmulatorAdminError, type AdminTransportOptions } from "../../../emulators/shared/admin/adminTransport";
import { ADMIN_KEY_HEADER } from "../../../emulators/shared/admin/adminTypes";
import { clockStateOf, registerClockFaultAndLogRoutes } from "../../../emulators/shared/admin/controlRoutes";
import { ManualClock, systemClock, type Clock } from "../../../emulators/shared/clock";
import { useServers } from "../http/harness";

const START = "2026-05-01T00:00:00.000Z";

class ToyAdminError extends EmulatorAdminError {
  constructor(method: string, path: string, status: number, body: unknown) {
    super(method, path, status, body, (refusal) => ("problem" in refusal ? String(refusal.problem) : undefined));
    this.name = "ToyAdminError";
  }
}

interface ToyClockMoved {
  readonly now: string;
  readonly moves: number;
}

class ToyAdminClient extends EmulatorAdminClient<ToyClockMoved> {
  constructor(baseUrl: string, options: AdminTransportOptions = {}) {
    super(baseUrl, ToyAdminError, options);
  }
}

// The toy emulator answers refusals as { problem } and AdminInputError as a 422, to tell them from the defaults.
const withToyErrors = (handler: RouteHandler): RouteHandler => {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof AdminInputError) return json(422, { problem: error.message });
      throw error;
    }
  };
};

const startServer = useServers();

async function startToy(clock: Clock, adminKey?: string) {
  const log = new RequestLog({ clock });
  const faults = new FaultInjector({ clock });
  const api = await startServer({ router: new Router().add("GET", "/hello", () => json(200, {})), log, faults });
  let moves = 0;
  const adminRouter = registerClockFaultAndLogRoutes(new Router(), {
    clock,
    faults,
    log,
    withKnownErrors: withToyErrors,
    clockMoved: (): ToyClockMoved => ({ now: clock.now().toISOString(), moves: ++moves }),
    advanceExample: '{"hours":2}',
  });
  const check = adminKeyCheck(adminKey);
  const admin = await startServer({
    router: adminRouter,
    renderError: (_status, code, message) => ({ problem: `${code}: ${message}` }),
    ...(check === undefined ? {} : { authenticate: check }),
  });
  return { api: api.url, admin: admin.url, log };
}

describe("the shared admin routes and client", () => {
  it("move a ManualClock and answer with the emulator's own clock answer", async () => {
    const toy = await startToy(new ManualClock(START));
    const client = new ToyAdminClient(`${toy.admin}/`);
    expect(await client.getClock()).toEqual({ now: START, manual: true });
    expect(await client.advanceClock({ hours: 1, minutes: 30 })).toEqual({ now: "2026-05-01T01:30:00.000Z", moves: 1 });
    expect(await client.advanceClock(500)).toEqual({ now: "2026-05-01T01:30:00.500Z", moves: 2 });
    expect(await client.setClock(new Date("2026-06-01T00:00:00Z"))).toEqual({
      now: "2026-06-01T00:00:00.000Z",
      moves: 3,
    });
  });

  it("refuse bad input through the emulator's error wrapper, with its example", async () => {
    const client = new ToyAdminClient((await startToy(new ManualClock(START))).admin);
    const refusal = await client.advanceClock({ ms: 0 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ToyAdminError);
    expect(refusal).toMatchObject({
      name: "ToyAdminError",
      status: 422,
      message:
        'POST /admin/clock/advance answered 422: Give a positive amount in ms, seconds, minutes, hours and/or days, e.g. {"hours":2}.',
    });
    await expect(client.setClock("yesterday")).rejects.toMatchObject({ status: 422 });
    await expect(client.addFault({} as never)).rejects.toThrow("'fault' is required");
  });

  it("refuse to move the system clock with 409", async () => {
    const client = new ToyAdminClient((await startToy(systemClock)).admin);
    expect((await client.getClock()).manual).toBe(false);
    await expect(client.advanceClock(1)).rejects.toMatchObject({
      status: 409,
      body: { problem: expect.stringContaining("Conflict") as unknown },
    });
  });

  it("add, list and remove fault rules that the emulator's API then applies", async () => {
    const toy = await startToy(new ManualClock(START));
    const client = new ToyAdminClient(toy.admin);
    const id = await client.addFault({ fault: { kind: "status", status: 503 }, remaining: 1 });
    expect((await client.listFaults()).map((rule) => rule.id)).toEqual([id]);
    expect((await fetch(`${toy.api}/hello`)).status).toBe(503);
    expect((await fetch(`${toy.api}/hello`)).status).toBe(200);
    await expect(client.removeFault(id)).rejects.toMatchObject({ status: 404 });
    // A rule the injector refuses (RangeError) is bad input, answered through the emulator's wrapper.
    await expect(client.addFault({ fault: { kind: "drop" }, probability: 2 })).rejects.toMatchObject({ status: 422 });
    await client.addFault({ fault: { kind: "status", status: 500 } });
    await client.clearFaults();
    expect(await client.listFaults()).toEqual([]);
  });

  it("count and filter the API's requests, and forget them", async () => {
    const toy = await startToy(new ManualClock(START));
    const client = new ToyAdminClient(toy.admin);
    await fetch(`${toy.api}/hello`);
    await fetch(`${toy.api}/missing`);
    expect(await client.countRequests()).toBe(2);
    expect((await client.requests({ status: 404 })).map((entry) => entry.path)).toEqual(["/missing"]);
    expect(await client.countRequests({ method: "get", pathPrefix: "/hel" })).toBe(1);
    await expect(client.requests({ status: 1.5 })).rejects.toMatchObject({ status: 422 });
    await client.resetRequests();
    expect(await client.countRequests()).toBe(0);
  });

  it("ask for the admin key when one is configured", async () => {
    const toy = await startToy(new ManualClock(START), "secret");
    await expect(new ToyAdminClient(toy.admin).getClock()).rejects.toMatchObject({ status: 401 });
    await expect(new ToyAdminClient(toy.admin, { adminKey: "wrong" }).getClock()).rejects.toThrow(ADMIN_KEY_HEADER);
    expect((await new ToyAdminClient(toy.admin, { adminKey: "secret" }).getClock()).now).toBe(START);
  });
});

describe("the admin transport", () => {
  function answering(status: number, body: string | null) {
    const sent: { url: string; init: RequestInit }[] = [];
    const fetchStub: typeof fetch = (input, init) => {
      sent.push({ url: input instanceof Request ? input.url : input.toString(), init: init ?? {} });
      return Promise.resolve(new Response(body, { status }));
    };
    return { sent, fetch: fetchStub };
  }

  it("sends JSON with the admin key and reads an empty answer as undefined", async () => {
    const stub = answering(204, null);
    await new ToyAdminClient("http://toy//", { adminKey: "k", fetch: stub.fetch }).clearFaults();
    await new ToyAdminClient("http://toy", { fetch: stub.fetch }).setClock("2026-01-01T00:00:00Z");
    expect(stub.sent[0]).toEqual({
      url: "http://toy/admin/faults",
      init: { method: "DELETE", headers: { accept: "application/json", [ADMIN_KEY_HEADER]: "k" } },
    });
    expect(stub.sent[1]?.init).toEqual({
      method: "PUT",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: '{"now":"2026-01-01T00:00:00Z"}',
    });
  });

  it("describes a refusal by the emulator's message, else its text, else its JSON", async () => {
    const refusal = async (status: number, body: string | null) => {
      const client = new ToyAdminClient("http://toy", { fetch: answering(status, body).fetch });
      return (await client.getClock().catch((error: unknown) => error)) as ToyAdminError;
    };
    expect((await refusal(400, '{"problem":"no"}')).message).toBe("GET /admin/clock answered 400: no");
    expect((await refusal(502, "x".repeat(300))).message).toBe(`GET /admin/clock answered 502: ${"x".repeat(200)}`);
    expect((await refusal(400, '{"other":1}')).message).toBe('GET /admin/clock answered 400: {"other":1}');
    const empty = await refusal(503, null);
    expect(empty).toMatchObject({ message: "GET /admin/clock answered 503: no body", status: 503, body: undefined });
    expect(empty).toBeInstanceOf(EmulatorAdminError);
  });
});

describe("clockStateOf", () => {
  it("says whether the admin API may move the clock", () => {
    expect(clockStateOf(new ManualClock(START))).toEqual({ now: START, manual: true });
    expect(clockStateOf(systemClock).manual).toBe(false);
  });
});

it("refuses an unhandled error shape as the pipeline would: a 500 the client still types", async () => {
  const router = new Router().add("GET", "/admin/clock", () => {
    throw new HttpError(500, "Boom", "broken");
  });
  const server = await startServer({ router, renderError: (_s, code, message) => ({ problem: `${code} ${message}` }) });
  await expect(new ToyAdminClient(server.url).getClock()).rejects.toThrow("answered 500: Boom broken");
});
