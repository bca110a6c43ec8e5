import { describe, expect, it } from "vitest";
import { json, parseQuery, requireJsonBody, Router } from "../../../emulators/http";
import { fetchJson, useServers } from "./harness";

const start = useServers();

function echoRouter(): Router {
  return new Router()
    .add("GET", "/echo", (request) => json(200, { query: request.query, rawQuery: request.rawQuery }))
    .add("POST", "/json", async (request) => json(200, { received: await request.json() }))
    .add("POST", "/strict-json", async (request) => json(200, { received: await requireJsonBody(request) }))
    .add("POST", "/text", async (request) => json(200, { length: (await request.rawBody()).length }));
}

describe("query options", () => {
  it("decodes + as a space and %2B as a plus sign, as the real services do", async () => {
    const server = await start({ router: echoRouter() });
    const filter = "createdDateTime ge 2026-03-01T00:00:00+01:00 and status eq 'New'";
    const url = `${server.url}/echo?$filter=${encodeURIComponent(filter).replace(/%20/g, "+")}&plus=%2B1&raw=a+b&flag`;
    const { body } = await fetchJson(url);
    expect(body).toEqual({
      query: { $filter: filter, plus: "+1", raw: "a b", flag: "" },
      rawQuery: expect.stringContaining("$filter=createdDateTime+ge+2026-03-01T00%3A00%3A00%2B01%3A00") as unknown,
    });
  });

  it("keeps the first of a repeated option and splits on the first '=' only", () => {
    expect(parseQuery("a=1&a=2&b=x%3Dy=z&&c")).toEqual({ a: "1", b: "x=y=z", c: "" });
  });

  it("treats option names like __proto__ as plain keys", () => {
    const query = parseQuery("__proto__=x&constructor=y");
    expect(Object.keys(query)).toEqual(["__proto__", "constructor"]);
    expect(query.constructor).toBe("y");
  });

  it("answers 400 for malformed percent-encoding in a query option", async () => {
    const server = await start({ router: echoRouter() });
    const { status, body } = await fetchJson(`${server.url}/echo?$top=%ZZ`);
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { code: "BadRequest", message: "The query option '$top' holds malformed percent-encoding." },
    });
  });
});

describe("request bodies", () => {
  it("parses a JSON body", async () => {
    const server = await start({ router: echoRouter() });
    const { status, body } = await fetchJson(`${server.url}/json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Contoso", amount: 12 }),
    });
    expect(status).toBe(200);
    expect(body).toEqual({ received: { name: "Contoso", amount: 12 } });
  });

  it("answers 400 for invalid JSON without echoing the body", async () => {
    const server = await start({ router: echoRouter() });
    const { status, body } = await fetchJson(`${server.url}/json`, { method: "POST", body: "{secret-ish" });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { code: "BadRequest", message: "The request body is not valid JSON (at position 1)." },
    });
  });

  it("answers 400 for an empty body where JSON is expected", async () => {
    const server = await start({ router: echoRouter() });
    const { status, body } = await fetchJson(`${server.url}/json`, { method: "POST" });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain("empty");
  });

  it("answers 415 when JSON is required and the content type says otherwise", async () => {
    const server = await start({ router: echoRouter() });
    const post = (contentType: string) =>
      fetch(`${server.url}/strict-json`, { method: "POST", headers: { "content-type": contentType }, body: "{}" });
    expect((await post("text/plain")).status).toBe(415);
    expect((await post("application/json; charset=utf-8")).status).toBe(200);
    expect((await post("application/merge-patch+json")).status).toBe(200);
  });

  it("answers 413 for a body above the limit, declared by content-length", async () => {
    const server = await start({ router: echoRouter(), maxBodyBytes: 64 });
    const small = await fetchJson(`${server.url}/text`, { method: "POST", body: "x".repeat(64) });
    expect(small.body).toEqual({ length: 64 });
    const { status, body } = await fetchJson(`${server.url}/text`, { method: "POST", body: "x".repeat(65) });
    expect(status).toBe(413);
    expect(body).toEqual({ error: { code: "PayloadTooLarge", message: "The request body is larger than 64 bytes." } });
  });

  it("answers 413 for a chunked body that grows above the limit", async () => {
    const server = await start({ router: echoRouter(), maxBodyBytes: 64 });
    const chunks = [new Uint8Array(40), new Uint8Array(40)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    });
    const init = { method: "POST", body: stream, duplex: "half" } as RequestInit;
    const response = await fetch(`${server.url}/text`, init);
    expect(response.status).toBe(413);
  });
});
