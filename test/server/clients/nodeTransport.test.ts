/**
 * The keep-alive transport against a real server that drops a pooled connection as the next request arrives on it,
 * as a server closing an idle connection does: an idempotent request is sent again once on a new connection, and a
 * POST is not (the caller's own retry decides, since it may not be safe to repeat).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { send } from "../../../server/clients/http/nodeTransport";

let server: Server;
let baseUrl: string;
/** Requests seen per connection; the second request on any connection kills it unanswered. */
const requestsOn = new WeakMap<Socket, number>();
const received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const seen = (requestsOn.get(request.socket) ?? 0) + 1;
    requestsOn.set(request.socket, seen);
    received.push(`${request.method ?? ""} ${request.url ?? ""} #${seen}`);
    if (seen > 1) {
      request.socket.destroy();
      return;
    }
    response.writeHead(200, { "content-type": "text/plain" }).end(`answer to ${request.url ?? ""}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received.length = 0;
});

const call = (method: string, path: string, resendable = false) =>
  send({
    method,
    url: `${baseUrl}${path}`,
    headers: {},
    body: method === "GET" ? undefined : "{}",
    timeoutMs: 2_000,
    resendable,
  });

describe("the keep-alive transport", () => {
  it("sends a GET again on a new connection when its pooled connection was already closed", async () => {
    expect((await call("GET", "/first")).text).toBe("answer to /first");
    const second = await call("GET", "/second");

    expect(second).toMatchObject({ status: 200, text: "answer to /second" });
    expect(received).toEqual(["GET /first #1", "GET /second #2", "GET /second #1"]);
  });

  it("does not send a POST twice: the lost connection is reported to the caller", async () => {
    // The warm-up leaves a pooled connection that has answered once (it may itself be resent, if the previous
    // test's connection was the one reused).
    expect((await call("GET", "/warm")).text).toBe("answer to /warm");
    await expect(call("POST", "/create")).rejects.toThrow(/socket hang up|ECONNRESET/);

    expect(received.filter((line) => line.startsWith("POST"))).toEqual(["POST /create #2"]);
  });

  it("sends a POST the caller marked resendable (a token request) again on a new connection", async () => {
    expect((await call("GET", "/warm")).text).toBe("answer to /warm");
    const token = await call("POST", "/token", true);

    expect(token).toMatchObject({ status: 200, text: "answer to /token" });
    expect(received.filter((line) => line.startsWith("POST"))).toEqual(["POST /token #2", "POST /token #1"]);
  });
});
