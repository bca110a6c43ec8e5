import { describe, expect, it } from "vitest";
import { type ErrorRenderer, HttpError, json, type Logger, Router } from "../../../emulators/http";
import { fetchJson, useServers } from "./harness";

const start = useServers();

// Partner Center's generic error body.
const renderPartnerCenterError: ErrorRenderer = (status, code, message) => ({
  code,
  description: message,
  data: [],
  source: "PartnerCenterEmulator",
  status,
});

class DomainError extends Error {}

function failingRouter(): Router {
  return new Router()
    .add("GET", "/conflict", () => {
      throw new HttpError(409, "Conflict", "The referral was changed by someone else.", { etag: '"7"' });
    })
    .add("GET", "/crash", () => {
      throw new Error("connection string Password=hunter2 is wrong");
    })
    .add("GET", "/async-crash", () => Promise.reject(new TypeError("cannot read x of undefined")))
    .add("GET", "/domain", () => {
      throw new DomainError("$filter: expected a value at position 9");
    })
    .add("GET", "/unserializable", () => json(200, { big: 1n }));
}

describe("error rendering", () => {
  it("renders an HttpError with the emulator's renderer and keeps its headers", async () => {
    const server = await start({ router: failingRouter(), renderError: renderPartnerCenterError });
    const { status, headers, body } = await fetchJson(`${server.url}/conflict`);
    expect(status).toBe(409);
    expect(headers.get("etag")).toBe('"7"');
    expect(body).toEqual({
      code: "Conflict",
      description: "The referral was changed by someone else.",
      data: [],
      source: "PartnerCenterEmulator",
      status: 409,
    });
  });

  it("uses the same renderer for the pipeline's own 404", async () => {
    const server = await start({ router: failingRouter(), renderError: renderPartnerCenterError });
    const { status, body } = await fetchJson(`${server.url}/nowhere`);
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: "NotFound", source: "PartnerCenterEmulator" });
  });

  it("answers 500 with a generic message for an unexpected error and tells the logger", async () => {
    const logged: { message: string; fields: unknown }[] = [];
    const logger: Logger = { error: (message, fields) => logged.push({ message, fields }) };
    const server = await start({ router: failingRouter(), logger });
    for (const path of ["/crash", "/async-crash"]) {
      const response = await fetch(`${server.url}${path}`);
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({
        error: { code: "InternalServerError", message: "An unexpected error occurred." },
      });
      expect(text).not.toContain("hunter2");
      expect(text).not.toContain("undefined");
    }
    expect(logged.map((entry) => entry.fields)).toEqual([
      expect.objectContaining({ method: "GET", path: "/crash" }),
      expect.objectContaining({ method: "GET", path: "/async-crash" }),
    ]);
  });

  it("answers 500 when a reply cannot be serialized", async () => {
    const server = await start({ router: failingRouter() });
    expect((await fetch(`${server.url}/unserializable`)).status).toBe(500);
  });

  it("lets mapError turn a domain error into an HttpError", async () => {
    const server = await start({
      router: failingRouter(),
      mapError: (error) => (error instanceof DomainError ? new HttpError(400, "BadRequest", error.message) : undefined),
    });
    const { status, body } = await fetchJson(`${server.url}/domain`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: "BadRequest", message: "$filter: expected a value at position 9" } });
    expect((await fetch(`${server.url}/crash`)).status).toBe(500);
  });
});
