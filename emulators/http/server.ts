import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { RequestListener } from "./pipeline";

/** Where to listen. Port 0 (the default) picks a free ephemeral port, so parallel tests never collide. */
export interface ServerOptions {
  readonly host?: string;
  readonly port?: number;
  /** How long close() lets in-flight requests finish before cutting their connections; default 2000 ms. */
  readonly closeGraceMs?: number;
}

/** A listening emulator. */
export interface RunningServer {
  /** The base URL without a trailing slash, e.g. "http://127.0.0.1:54321". */
  readonly url: string;
  readonly port: number;
  /**
   * Stops listening, destroys idle keep-alive connections at once and busy ones as soon as their response is sent
   * (or after the grace period), and resolves when the server has fully closed. Safe to call twice.
   */
  close(): Promise<void>;
}

/** Starts a node:http server for `handler` (usually a pipeline) and resolves once it is listening. */
export async function startServer(handler: RequestListener, options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const busy = new Map<Socket, number>();
  let closing: Promise<void> | undefined;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    response.once("close", () => {
      const left = (busy.get(socket) ?? 1) - 1;
      busy.set(socket, left);
      if (left === 0 && closing !== undefined) socket.destroy();
    });
    handler(request, response);
  });
  server.on("connection", (socket: Socket) => {
    busy.set(socket, 0);
    socket.once("close", () => busy.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      // A handler that never answers must not keep a test run alive.
      const force = setTimeout(() => {
        for (const socket of busy.keys()) socket.destroy();
      }, options.closeGraceMs ?? 2000);
      force.unref();
      server.close((error) => {
        clearTimeout(force);
        if (error) reject(error);
        else resolve();
      });
      for (const [socket, requests] of busy) if (requests === 0) socket.destroy();
    });
    return closing;
  };

  return { url: `http://${urlHost}:${port}`, port, close };
}
