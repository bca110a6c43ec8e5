import { describe, expect, it } from "vitest";
import { json, noContent, Router, text } from "../../../emulators/http";
import { fetchJson, useServers } from "./harness";

const start = useServers();

function referralRouter(): Router {
  return new Router()
    .add("GET", "/v1.0/engagements/referrals", () => json(200, { route: "list" }))
    .add("GET", "/v1.0/engagements/referrals/:id", (request) => json(200, { route: "get", params: request.params }))
    .add("PATCH", "/v1.0/engagements/referrals/:id", () => noContent({ etag: '"2"' }))
    .add("GET", "/v1.0/engagements/referrals/$count", () => text(200, "7"))
    .add("POST", "/:tenant/oauth2/v2.0/token", (request) => json(200, { tenant: request.params.tenant }));
}

describe("Router through HTTP", () => {
  it("captures and decodes path parameters", async () => {
    const server = await start({ router: referralRouter() });
    const { status, body } = await fetchJson(`${server.url}/v1.0/engagements/referrals/a%2Fb%20c`);
    expect(status).toBe(200);
    expect(body).toEqual({ route: "get", params: { id: "a/b c" } });
  });

  it("matches a parameter in the first segment", async () => {
    const server = await start({ router: referralRouter() });
    const { body } = await fetchJson(`${server.url}/contoso.onmicrosoft.com/oauth2/v2.0/token`, { method: "POST" });
    expect(body).toEqual({ tenant: "contoso.onmicrosoft.com" });
  });

  it("prefers a literal segment over a parameter whatever the registration order", async () => {
    const server = await start({ router: referralRouter() });
    const response = await fetch(`${server.url}/v1.0/engagements/referrals/$count`);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("7");
  });

  it("matches whole segments only", async () => {
    const server = await start({ router: referralRouter() });
    const { status, body } = await fetchJson(`${server.url}/v1.0/engagements/referrals/abc/extra`);
    expect(status).toBe(404);
    expect(body).toEqual({
      error: { code: "NotFound", message: "No resource matches GET /v1.0/engagements/referrals/abc/extra." },
    });
    expect((await fetch(`${server.url}/v1.0/engagements`)).status).toBe(404);
  });

  it("answers 405 with an Allow header for a known path and the wrong method", async () => {
    const server = await start({ router: referralRouter() });
    const { status, headers, body } = await fetchJson(`${server.url}/v1.0/engagements/referrals/abc`, {
      method: "DELETE",
    });
    expect(status).toBe(405);
    expect(headers.get("allow")).toBe("GET, HEAD, PATCH");
    expect(body).toMatchObject({ error: { code: "MethodNotAllowed" } });
  });

  it("sends 204 without a body and with the handler's headers", async () => {
    const server = await start({ router: referralRouter() });
    const response = await fetch(`${server.url}/v1.0/engagements/referrals/abc`, { method: "PATCH" });
    expect(response.status).toBe(204);
    expect(response.headers.get("etag")).toBe('"2"');
    expect(await response.text()).toBe("");
  });

  it("answers HEAD from the GET route without a body", async () => {
    const server = await start({ router: referralRouter() });
    const response = await fetch(`${server.url}/v1.0/engagements/referrals`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.text()).toBe("");
  });

  it("answers 400 for malformed percent-encoding in the path", async () => {
    const server = await start({ router: referralRouter() });
    expect((await fetch(`${server.url}/v1.0/engagements/referrals/%E0%A4%A`)).status).toBe(400);
  });

  it("refuses to register the same method and pattern twice", () => {
    const router = new Router().add("GET", "/a/:id", () => noContent());
    expect(() => router.add("get", "/a/:id", () => noContent())).toThrow("GET /a/:id is already registered");
    expect(() => router.add("GET", "/b/:id/:id", () => noContent())).toThrow("repeats");
    expect(() => router.add("GET", "b", () => noContent())).toThrow('starts with "/"');
  });
});
