import { once } from "node:events";
import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { createPipeline, json, type RunningServer, Router, startServer } from "../../../emulators/http";

// These tests manage their servers themselves because closing is what they test; the finally blocks still close.

function get(url: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { agent }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("startServer", () => {
  it("listens on an ephemeral port of 127.0.0.1 and reports its URL", async () => {
    const server = await startServer(createPipeline({ router: new Router() }));
    try {
      expect(server.port).toBeGreaterThan(0);
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    } finally {
      await server.close();
    }
  });

  it("closes while a keep-alive connection sits idle, and closing twice is harmless", async () => {
    const router = new Router().add("GET", "/ping", () => json(200, { pong: true }));
    const server = await startServer(createPipeline({ router }));
    const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    try {
      expect(await get(`${server.url}/ping`, agent)).toEqual({ status: 200, body: '{"pong":true}' });
      const idleSockets = Object.values(agent.freeSockets).flat();
      expect(idleSockets).toHaveLength(1);
      const [idle] = idleSockets;
      if (idle === undefined) throw new Error("the agent kept no idle socket");
      const socketClosed = once(idle, "close");
      await Promise.all([server.close(), server.close()]);
      await socketClosed;
    } finally {
      agent.destroy();
      await server.close();
    }
  });

  it("lets an in-flight request finish, then closes its connection", async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived: () => void = () => undefined;
    const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
    const router = new Router().add("GET", "/wait", async () => {
      arrived();
      await released;
      return json(200, { done: true });
    });
    // A long grace period: close() must not need it, since the connection is cut as soon as its response is out.
    const server: RunningServer = await startServer(createPipeline({ router }), { closeGraceMs: 60_000 });
    const agent = new Agent({ keepAlive: true });
    try {
      const pending = get(`${server.url}/wait`, agent);
      await hasArrived;
      const closed = server.close();
      release();
      expect(await pending).toEqual({ status: 200, body: '{"done":true}' });
      await closed;
      await expect(get(`${server.url}/wait`, new Agent())).rejects.toThrow();
    } finally {
      agent.destroy();
      await server.close();
    }
  });

  it("cuts a connection whose handler never answers once the grace period is over", async () => {
    let arrived: () => void = () => undefined;
    const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
    const router = new Router().add("GET", "/hang", () => {
      arrived();
      return new Promise(() => undefined);
    });
    const server = await startServer(createPipeline({ router }), { closeGraceMs: 50 });
    const socket = connect(server.port, "127.0.0.1");
    try {
      await once(socket, "connect");
      const socketClosed = once(socket, "close");
      socket.write("GET /hang HTTP/1.1\r\nHost: x\r\n\r\n");
      await hasArrived;
      await server.close();
      await socketClosed;
    } finally {
      socket.destroy();
      await server.close();
    }
  });
});
