/**
 * GET /openapi.json documents every route Fastify registered and nothing else, and is internally consistent:
 * references resolve, security requirements name declared schemes, path parameters are declared.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routesOf } from "../../../server/http";
import { jsonOf, startApp, type RunningApp } from "./harness";
import { ADMIN_ROLE, startTestIssuer, type TestIssuer } from "./tokens";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

interface Operation {
  readonly operationId?: string;
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
  readonly responses?: Record<string, unknown>;
}

let issuer: TestIssuer;
let running: RunningApp;
let document: Record<string, unknown>;

function operations(): [string, string, Operation][] {
  const paths = document.paths as Record<string, Record<string, Operation>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]): [string, string, Operation] => [method.toUpperCase(), path, operation]),
  );
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner),
  );
}

beforeAll(async () => {
  issuer = await startTestIssuer();
  running = await startApp(issuer.jwksUrl);
  const response = await fetch(`${running.url}/openapi.json`);
  expect(response.status).toBe(200);
  document = await jsonOf(response);
});

afterAll(async () => {
  await running.close();
  await issuer.close();
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://cosell.contoso.example" }]);
  });

  it("documents every registered route, and only those", () => {
    const routes = routesOf(running.app);
    const registered = routes
      .filter((route) => !route.hidden)
      .map((route) => `${route.method} ${route.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`);
    const documented = operations().map(([method, path]) => `${method} ${path}`);
    expect([...documented].sort()).toEqual([...registered].sort());
    expect(new Set(registered).size).toBe(registered.length);
    // The only route left out is the CORS preflight catch-all, which @fastify/cors hides.
    expect(routes.filter((route) => route.hidden)).toEqual([{ method: "OPTIONS", url: "/api/v1*", hidden: true }]);
    expect(registered.length).toBeGreaterThanOrEqual(15);
  });

  it("gives every operation a unique id, responses, and its path parameters", () => {
    const ids = operations().map(([, , operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [method, path, operation] of operations()) {
      expect(Object.keys(operation.responses ?? {}), `${method} ${path}`).not.toHaveLength(0);
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(declared, `${method} ${path}`).toEqual(inPath);
    }
  });

  it("resolves every $ref and names only declared security schemes", () => {
    const components = document.components as {
      schemas: Record<string, unknown>;
      securitySchemes: Record<string, unknown>;
    };
    for (const ref of refsIn(document)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(components.schemas, ref).toHaveProperty(ref.split("/").at(-1) ?? "");
    }
    for (const [method, path, operation] of operations()) {
      expect(operation.security, `${method} ${path}`).toBeDefined();
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) {
          expect(components.securitySchemes, `${method} ${path}`).toHaveProperty(scheme);
        }
      }
    }
  });

  it("states how each part is secured: webhook key, signature, bearer JWT, and the admin role", () => {
    const byRoute = new Map(operations().map(([method, path, operation]) => [`${method} ${path}`, operation]));
    expect(byRoute.get("POST /webhooks/dataverse")?.security).toEqual([
      { webhookKeyQuery: [] },
      { webhookKeyHeader: [] },
    ]);
    expect(byRoute.get("POST /webhooks/partner-center")?.security).toEqual([
      { partnerCenterSignature: [] },
      { partnerCenterMsSignature: [] },
    ]);
    expect(byRoute.get("GET /api/v1/opportunities/{id}/sync-status")?.security).toEqual([{ bearerJwt: [] }]);
    for (const [key, operation] of byRoute) {
      if (key.includes(" /admin/")) expect(operation.security, key).toEqual([{ bearerJwt: [ADMIN_ROLE] }]);
    }
    const schemes = (document.components as { securitySchemes: Record<string, Record<string, string>> })
      .securitySchemes;
    expect(schemes.bearerJwt).toMatchObject({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
    expect(schemes.webhookKeyHeader).toMatchObject({ type: "apiKey", in: "header", name: "x-api-key" });
  });
});
