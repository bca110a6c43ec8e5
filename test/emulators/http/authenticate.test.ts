import { describe, expect, it } from "vitest";
import { HttpError, json, type RequestContext, RequestLog, Router } from "../../../emulators/http";
import { fetchJson, useServers } from "./harness";

const start = useServers();

// The same RequestContext object reaches the handler, so an emulator can keep what authentication found.
const callers = new WeakMap<RequestContext, string>();

function authenticate(request: RequestContext): void {
  const header = request.headers.authorization;
  if (header !== "Bearer good") {
    throw new HttpError(401, "Unauthorized", "A valid bearer token is required.", {
      "www-authenticate": 'Bearer error="invalid_token"',
    });
  }
  callers.set(request, "user-1");
}

const router = new Router()
  .add("GET", "/v1.0/engagements/referrals", (request) => json(200, { caller: callers.get(request) ?? null }))
  .add("POST", "/:tenant/oauth2/v2.0/token", () => json(200, { token: "t" }))
  .add("GET", "/certificates/webhook.cer", () => json(200, {}));

describe("the authentication hook", () => {
  it("refuses a request without credentials, after the log has seen it", async () => {
    const log = new RequestLog();
    const server = await start({ router, authenticate, log });
    const { status, headers, body } = await fetchJson(`${server.url}/v1.0/engagements/referrals`);
    expect(status).toBe(401);
    expect(headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(body).toEqual({ error: { code: "Unauthorized", message: "A valid bearer token is required." } });
    expect(log.entries()).toEqual([expect.objectContaining({ status: 401 })]);
  });

  it("passes an authenticated request and its caller on to the handler", async () => {
    const server = await start({ router, authenticate });
    const { status, body } = await fetchJson(`${server.url}/v1.0/engagements/referrals`, {
      headers: { authorization: "Bearer good" },
    });
    expect(status).toBe(200);
    expect(body).toEqual({ caller: "user-1" });
  });

  it("skips public paths given as route patterns or regular expressions", async () => {
    const server = await start({
      router,
      authenticate,
      publicPaths: ["/:tenant/oauth2/v2.0/token", /^\/certificates\//],
    });
    expect((await fetch(`${server.url}/tenant-1/oauth2/v2.0/token`, { method: "POST" })).status).toBe(200);
    expect((await fetch(`${server.url}/certificates/webhook.cer`)).status).toBe(200);
    expect((await fetch(`${server.url}/tenant-1/oauth2/v2.0/other`)).status).toBe(401);
  });
});
