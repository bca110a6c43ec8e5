/**
 * A real HTTP receiver for webhook tests: it records every request's raw body bytes and headers, and answers with
 * whatever the test says. Also a tiny server that serves the signing certificate, as the emulator's route will.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  CERTIFICATE_CONTENT_TYPE,
  CERTIFICATE_PATH,
  type SigningCertificate,
} from "../../../../emulators/partner-center/webhooks";

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface Reply {
  readonly status: number;
  readonly body?: string;
}

/** Decides the answer to the request with this 0-based index; may wait (to hold a request open). */
export type Responder = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface Receiver {
  readonly url: string;
  readonly requests: RecordedRequest[];
  respondWith(responder: Responder): void;
  /** Resolves once at least `count` requests have arrived. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Closing twice is fine: a test may close its receiver early to make it unreachable. */
async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
  });
}

/** Starts a receiver on an ephemeral port that answers 200 until told otherwise. */
export async function startReceiver(path = "/webhooks/callback"): Promise<Receiver> {
  const requests: RecordedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let responder: Responder = () => ({ status: 200 });

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const recorded: RecordedRequest = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      const index = requests.push(recorded) - 1;
      for (const waiter of waiters.filter((candidate) => requests.length >= candidate.count)) waiter.resolve();
      void Promise.resolve(responder(recorded, index)).then((reply) => {
        response.writeHead(reply.status, { "content-type": "text/plain" });
        response.end(reply.body ?? "");
      });
    });
  });
  const base = await listen(server);
  return {
    url: `${base}${path}`,
    requests,
    respondWith: (next) => {
      responder = next;
    },
    received: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () => closeServer(server),
  };
}

/** Serves `certificateDer` at CERTIFICATE_PATH, like the emulator's route; returns the base URL. */
export async function serveCertificate(
  certificate: SigningCertificate,
): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.method === "GET" && request.url === CERTIFICATE_PATH) {
      response.writeHead(200, { "content-type": CERTIFICATE_CONTENT_TYPE });
      response.end(certificate.certificateDer);
    } else {
      response.writeHead(404).end();
    }
  });
  const baseUrl = await listen(server);
  return { baseUrl, close: () => closeServer(server) };
}
