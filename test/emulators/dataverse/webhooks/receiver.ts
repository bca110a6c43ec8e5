/**
 * A real HTTP endpoint for the webhook tests: it records each request's method, path, query string, headers and raw
 * body bytes, and answers with the status the test chooses, or never answers ("hang").
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
}

/** A status code to answer with, or "hang" to hold the request open until the receiver closes. */
export type Answer = number | "hang";

export interface Receiver {
  /** The webhook URL: `http://127.0.0.1:<port>/hook`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Chooses the answer for the request with this 0-based index; 200 by default. */
  answerWith(choose: (request: RecordedRequest, index: number) => Answer): void;
  /** Resolves once at least `count` requests have arrived. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: RecordedRequest[] = [];
  const held: ServerResponse[] = [];
  const waiters: { readonly count: number; readonly resolve: () => void }[] = [];
  let choose: (request: RecordedRequest, index: number) => Answer = () => 200;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://receiver");
      const body = Buffer.concat(chunks);
      const recorded = {
        method: request.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
        text: body.toString("utf8"),
      };
      const answer = choose(recorded, requests.push(recorded) - 1);
      for (const waiter of waiters.filter((candidate) => candidate.count <= requests.length)) waiter.resolve();
      if (answer === "hang") {
        held.push(response);
        return;
      }
      response.writeHead(answer, { "content-type": "text/plain" });
      response.end(`answered ${answer}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    answerWith: (chooser) => {
      choose = chooser;
    },
    received: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      if (!server.listening) return;
      for (const response of held) response.destroy();
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
