/**
 * A real HTTP server (node:http) standing in for the sync service's form API: it answers each route with what a
 * test queued (the service's real shapes, its error body, 401, 429 with Retry-After, 500, or no answer at all),
 * records every request, and counts how many were in flight at once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubAnswer {
  readonly status: number;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as is (e.g. a proxy's HTML page); wins over `body`. */
  readonly raw?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Never answer (the client's timeout must end the call). */
  readonly hang?: boolean;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  readonly body: unknown;
}

interface Route {
  readonly method: string;
  readonly path: string;
  readonly answers: StubAnswer[];
}

export class SyncServiceStub {
  readonly requests: RecordedRequest[] = [];
  maxInFlight = 0;
  private inFlight = 0;
  private readonly routes: Route[] = [];
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<SyncServiceStub> {
    const started: { stub?: SyncServiceStub } = {};
    const server = createServer((request, response) => {
      void started.stub?.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    started.stub = new SyncServiceStub(server, `http://127.0.0.1:${port}`);
    return started.stub;
  }

  /** Queues answers for `METHOD /path` (under /api/v1); the last one keeps answering. */
  answer(method: string, path: string, ...answers: StubAnswer[]): this {
    this.routes.unshift({ method, path: `/api/v1${path}`, answers: [...answers] });
    return this;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === `/api/v1${path}`);
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    response.on("close", () => {
      this.inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const path = (request.url ?? "").split("?")[0] ?? "";
    this.requests.push({
      method: request.method ?? "",
      path,
      authorization: request.headers.authorization,
      contentType: request.headers["content-type"],
      body: parsed(text),
    });
    const route = this.routes.find((candidate) => candidate.method === request.method && candidate.path === path);
    const answer =
      route === undefined ? notFound(path) : route.answers.length > 1 ? route.answers.shift() : route.answers[0];
    if (answer === undefined || answer.hang === true) {
      this.hanging.add(response);
      return;
    }
    const payload = answer.raw ?? (answer.body === undefined ? "" : JSON.stringify(answer.body));
    response.writeHead(answer.status, {
      "content-type": answer.raw === undefined ? "application/json; charset=utf-8" : "text/html",
      ...answer.headers,
    });
    response.end(payload);
  }
}

function parsed(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function notFound(path: string): StubAnswer {
  return { status: 404, body: errorBody("not_found", `there is no route ${path} in this test`, "Queue an answer.") };
}

/** The service's one error shape (server/http/problem.ts). */
export function errorBody(code: string, message: string, whatToDo: string) {
  return { error: { code, message, whatToDo } };
}

/** A URL where nothing listens: a server is started to get a free port, then closed. */
export async function closedPortUrl(): Promise<string> {
  const stub = await SyncServiceStub.start();
  await stub.close();
  return stub.url;
}
