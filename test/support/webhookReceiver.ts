/**
 * The node:http core of the tests' webhook receivers: a server on an ephemeral port of 127.0.0.1 that reads each
 * request's exact body bytes and headers and answers what the receiver built on it decides.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as it arrived, body bytes untouched. */
export interface RawRequest {
  readonly method: string;
  /** The request target as sent: path and query string. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** The plain-text response to a request; no `text` means an empty body. */
export interface ReceiverResponse {
  readonly status: number;
  readonly text?: string;
}

/** A listening receiver. */
export interface RawRequestServer {
  /** `http://127.0.0.1:<port>`, without a path. */
  readonly origin: string;
  /** Drops open connections and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a server that hands every fully read request to `respond` and answers, as text/plain, with what it returns
 * (at once when it returns a response, once settled when it returns a promise).
 */
export async function startRawRequestServer(
  respond: (request: RawRequest) => ReceiverResponse | Promise<ReceiverResponse>,
): Promise<RawRequestServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const send = ({ status, text }: ReceiverResponse) => {
        response.writeHead(status, { "content-type": "text/plain" }).end(text);
      };
      const answer = respond({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      if (answer instanceof Promise) void answer.then(send);
      else send(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      });
    },
  };
}
