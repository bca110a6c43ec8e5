/**
 * The form API's gates: bearer JWTs checked against a real JWKS (right token, wrong audience or issuer, expired,
 * wrong key, none, unreachable JWKS) and CORS admitting only the Dynamics origin.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectError, formCaller } from "./formCalls";
import { DYNAMICS_ORIGIN, jsonOf, OPPORTUNITY_ID, startApp, testConfig, type RunningApp } from "./harness";
import { startTestIssuer, type TestIssuer } from "./tokens";

let issuer: TestIssuer;
let running: RunningApp;
let call: ReturnType<typeof formCaller>;

beforeAll(async () => {
  issuer = await startTestIssuer();
  running = await startApp(issuer.jwksUrl);
  call = formCaller(issuer, () => running);
});

afterAll(async () => {
  await running.close();
  await issuer.close();
});

beforeEach(() => {
  running.services.form.calls.length = 0;
  running.services.form.failWith = undefined;
});

describe("bearer tokens", () => {
  const statusPath = `/opportunities/${OPPORTUNITY_ID}/sync-status`;

  async function expectUnauthorized(response: Response, error?: string): Promise<void> {
    await expectError(response, 401, error === undefined ? "missing_token" : "invalid_token");
    const challenge = response.headers.get("www-authenticate") ?? "";
    expect(challenge).toMatch(/^Bearer realm="cosell-bridge"/);
    if (error === undefined) expect(challenge).not.toContain("error=");
    else expect(challenge).toContain(`error="${error}"`);
    expect(running.services.form.calls).toEqual([]);
  }

  it("401 with a bare challenge without a token, or with another scheme", async () => {
    await expectUnauthorized(await call("GET", statusPath, { claims: null }));
    await expectUnauthorized(
      await call("GET", statusPath, { claims: null, headers: { authorization: "Basic dXNlcjpwYXNz" } }),
    );
  });

  it("401 invalid_token for a wrong audience, a wrong issuer, an expired token, a wrong key or garbage", async () => {
    await expectUnauthorized(await call("GET", statusPath, { claims: { audience: "api://other" } }), "invalid_token");
    await expectUnauthorized(
      await call("GET", statusPath, { claims: { issuer: "https://evil.test" } }),
      "invalid_token",
    );
    await expectUnauthorized(await call("GET", statusPath, { claims: { expiresInSeconds: -120 } }), "invalid_token");
    await expectUnauthorized(await call("GET", statusPath, { claims: { wrongKey: true } }), "invalid_token");
    await expectUnauthorized(
      await call("GET", statusPath, { claims: { wrongKey: true, kid: "unknown-key" } }),
      "invalid_token",
    );
    await expectUnauthorized(
      await call("GET", statusPath, { claims: null, headers: { authorization: "Bearer not.a.jwt" } }),
      "invalid_token",
    );
  });

  it("says what was wrong without echoing the token", async () => {
    const token = await issuer.sign({ expiresInSeconds: -120 });
    const response = await fetch(`${running.url}/api/v1${statusPath}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    expect(text).toContain("expired");
    expect(text).not.toContain(token);
  });

  it("accepts a token within the clock tolerance of its expiry", async () => {
    expect((await call("GET", statusPath, { claims: { expiresInSeconds: -5 } })).status).toBe(200);
  });

  it("503 with Retry-After when the issuer's keys cannot be read", async () => {
    const unreachable = await startApp(issuer.jwksUrl, { config: testConfig("http://127.0.0.1:9/keys") });
    try {
      const response = await fetch(`${unreachable.url}/api/v1${statusPath}`, {
        headers: { authorization: `Bearer ${await issuer.sign()}` },
      });
      await expectError(response, 503, "token_check_unavailable");
      expect(response.headers.get("retry-after")).toBe("10");
      expect(unreachable.services.form.calls).toEqual([]);
    } finally {
      await unreachable.close();
    }
  });
});

describe("CORS", () => {
  const statusUrl = () => `${running.url}/api/v1/opportunities/${OPPORTUNITY_ID}/sync-status`;

  function preflight(origin: string): Promise<Response> {
    return fetch(statusUrl(), {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    });
  }

  it("answers a preflight from the Dynamics origin", async () => {
    const response = await preflight(DYNAMICS_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(DYNAMICS_ORIGIN);
    expect(response.headers.get("access-control-allow-methods")).toContain("GET");
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(response.headers.get("vary")?.toLowerCase()).toContain("origin");
  });

  it("refuses a preflight from any other origin with 403 and no CORS headers", async () => {
    for (const origin of ["https://evil.example", "https://contoso.crm.dynamics.com.evil.example", "null"]) {
      const response = await preflight(origin);
      expect(response.status).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(await jsonOf(response)).toMatchObject({ error: { code: "origin_not_allowed" } });
    }
  });

  it("lets the form read answers, errors included, from its origin", async () => {
    const ok = await call("GET", `/opportunities/${OPPORTUNITY_ID}/sync-status`, {
      headers: { origin: DYNAMICS_ORIGIN },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(DYNAMICS_ORIGIN);
    const unauthorized = await call("GET", `/opportunities/${OPPORTUNITY_ID}/sync-status`, {
      claims: null,
      headers: { origin: DYNAMICS_ORIGIN },
    });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("access-control-allow-origin")).toBe(DYNAMICS_ORIGIN);
    expect(unauthorized.headers.get("access-control-expose-headers")?.toLowerCase()).toContain("www-authenticate");
  });

  it("refuses a call from another origin even with a valid token", async () => {
    const response = await call("POST", `/opportunities/${OPPORTUNITY_ID}/sync`, {
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(running.services.form.calls).toEqual([]);
  });
});
