/**
 * GET /operator from the real service: a public page with no data, landmarks and table headers, its script, styles
 * and icon from this origin only under a strict Content-Security-Policy, and no token in any log line the service
 * writes while the page and its admin calls are served.
 */
import { Script } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorPageHtml } from "../../../server/http/operator/operatorPage";
import { adminCall, linesHolding, startOperatorStack, type OperatorStack } from "./support/operatorStack";

let stack: OperatorStack;

beforeAll(async () => {
  stack = await startOperatorStack("pglite", "operator_page");
}, 60_000);

afterAll(async () => {
  await stack.stop();
}, 30_000);

async function get(
  path: string,
): Promise<{ status: number; type: string; csp: string; headers: Headers; text: string }> {
  const response = await fetch(`${stack.url}${path}`);
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    csp: response.headers.get("content-security-policy") ?? "",
    headers: response.headers,
    text: await response.text(),
  };
}

/** Each directive of a CSP header and its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== "")
      .map(([name, ...sources]) => [name ?? "", sources]),
  );
}

describe("the operator page", () => {
  it("is served without a token, under a CSP that allows only this origin", async () => {
    const page = await get("/operator");
    expect(page.status).toBe(200);
    expect(page.type).toBe("text/html; charset=utf-8");
    const policy = directives(page.csp);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    for (const name of ["script-src", "style-src", "connect-src", "img-src"])
      expect(policy.get(name)).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
    const sources = [...policy.values()].flat();
    expect(sources.filter((source) => !["'self'", "'none'", "'script'"].includes(source))).toEqual([]);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("has landmarks, headed tables, labelled controls and live regions, and nothing inline or from elsewhere", async () => {
    const { text } = await get("/operator");
    for (const landmark of ["<header", "<main", "<footer", 'lang="en"', 'name="viewport"'])
      expect(text).toContain(landmark);
    expect(text).toMatch(/<div id="action-result"[^>]*role="status"[^>]*aria-live="polite"/);
    expect(text).toMatch(/<div id="alert"[^>]*role="alert"/);
    expect(text).toContain('<label for="token-input">');
    for (const table of ["failures", "syncs"]) {
      expect(text).toContain(`id="${table}-table"`);
    }
    expect(text.match(/<th scope="col">/g)?.length).toBe(14);
    // The sign-in box says where a token comes from: this deployment's issuer, audience and admin role.
    expect(text).toContain(`<code>${stack.config.formApi.audience}</code>`);
    expect(text).toContain("<code>CoSellBridge.Admin</code>");
    // Nothing the CSP would block: no inline script or style, no address outside this origin.
    expect(text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(text).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
    expect([...text.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1])).toEqual([
      "/operator/icon.svg",
      "/operator/operator.css",
      "/operator/operator.js",
      "#main",
    ]);
  });

  it("serves its script (compiled from TypeScript), styles and icon from this origin, under the same CSP", async () => {
    const [script, styles, icon] = await Promise.all([
      get("/operator/operator.js"),
      get("/operator/operator.css"),
      get("/operator/icon.svg"),
    ]);
    expect([script.status, styles.status, icon.status]).toEqual([200, 200, 200]);
    expect(script.type).toBe("text/javascript; charset=utf-8");
    expect(styles.type).toBe("text/css; charset=utf-8");
    expect(icon.type).toBe("image/svg+xml");
    for (const asset of [script, styles, icon]) expect(asset.csp).toBe((await get("/operator")).csp);
    expect(() => new Script(script.text)).not.toThrow();
    expect(script.text).toContain("/admin/overview");
    expect(script.text).toContain("access_token");
    expect(script.text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    expect(styles.text).toMatch(/@media \(max-width/);
    expect(styles.text).not.toMatch(/@import|url\(/);
  });

  it("escapes the deployment's settings it shows", () => {
    const html = operatorPageHtml({
      issuer: "https://login.example/<tenant>",
      audience: 'api://x" onclick="alert(1)',
      adminRole: "<script>alert(1)</script>",
    });
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("api://x&quot; onclick=&quot;alert(1)");
    expect(html).not.toContain("<script>alert");
  });
});

describe("the service's log while the page is used", () => {
  it("holds no token: neither the admin token nor a refused one, though every request is logged", async () => {
    await get("/operator");
    await get("/operator/operator.js");
    for (const path of ["/overview", "/syncs/recent?limit=5", "/jobs/problems"]) {
      expect((await adminCall(stack, "GET", path)).status).toBe(200);
      expect((await adminCall(stack, "GET", path, stack.tokenWithoutRole)).status).toBe(403);
    }
    expect((await adminCall(stack, "GET", "/overview", `${stack.adminToken}x`)).status).toBe(401);
    expect((await adminCall(stack, "POST", "/jobs/0b2a8a4e-3f6c-4f55-9f65-7c2a1d9e3b10/retry")).status).toBe(404);

    const requests = stack.logLines.filter((line) => line.includes('"url":"/admin/'));
    expect(requests.length).toBeGreaterThanOrEqual(8);
    expect(requests.filter((line) => line.includes('"authorization":"[redacted]"')).length).toBe(requests.length);
    expect(linesHolding(stack, stack.adminToken).length, "log lines holding a token").toBe(0);
    expect(linesHolding(stack, stack.tokenWithoutRole).length, "log lines holding a token").toBe(0);
    // A JWT's signature alone identifies it; no part of one may leak either.
    expect(linesHolding(stack, stack.adminToken.split(".")[2] ?? "").length, "log lines holding a token").toBe(0);
  });
});
