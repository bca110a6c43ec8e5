/**
 * One HTTP exchange over node:http(s) with keep-alive connections: what HttpCore sends every call through. Node's
 * global fetch (undici) cost about a quarter of the service's CPU in a backfill (WHATWG streams, abort signals and
 * Blob machinery around every call); a plain request on a pooled socket does the same exchange for a fraction.
 * Redirects are not followed, and responses are not compressed (no Accept-Encoding is sent), as before.
 * The agents honour the server's `Keep-Alive: timeout` hint, so an idle connection is dropped before the server
 * closes it (Node's Agent.keepSocketAlive). A server may still close an idle connection just as a request goes out
 * on it; such a request never reached it, so an idempotent one is sent again once on a new connection, as Node's
 * docs advise (https://nodejs.org/api/http.html#requestreusedsocket).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

export interface TransportRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly timeoutMs: number;
  /** Resend once after a stale pooled connection even though the method is not idempotent (HttpRequest.resendable). */
  readonly resendable?: boolean;
}

export interface TransportResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

const agents = {
  http: new HttpAgent({ keepAlive: true }),
  https: new HttpsAgent({ keepAlive: true }),
};

/** The error of a call that got no complete answer in time; HttpCore reports it as a timeout. */
function timeoutError(timeoutMs: number): Error {
  const error = new Error(`no answer within ${timeoutMs} ms`);
  error.name = "TimeoutError";
  return error;
}

function headersOf(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/** Methods whose repetition changes nothing (RFC 9110 §9.2.2), so a request lost with a stale connection is resent. */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** A request that went out on a pooled connection the server had already closed. */
class StaleConnectionError extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
    this.name = "StaleConnectionError";
  }
}

/** Sends the request and reads the whole answer. @throws Error when no complete answer arrived (refused, timeout). */
export async function send(request: TransportRequest): Promise<TransportResponse> {
  try {
    return await sendOnce(request);
  } catch (error) {
    if (!(error instanceof StaleConnectionError)) throw error;
    if (request.resendable !== true && !IDEMPOTENT_METHODS.has(request.method.toUpperCase())) throw error.cause;
  }
  try {
    return await sendOnce(request);
  } catch (error) {
    throw error instanceof StaleConnectionError ? error.cause : error;
  }
}

function sendOnce(request: TransportRequest): Promise<TransportResponse> {
  const url = new URL(request.url);
  const secure = url.protocol === "https:";
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
  return new Promise((resolve, reject) => {
    const outgoing = (secure ? httpsRequest : httpRequest)(url, {
      method: request.method,
      headers,
      agent: secure ? agents.https : agents.http,
    });
    const timer = setTimeout(() => outgoing.destroy(timeoutError(request.timeoutMs)), request.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    let answered = false;
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      const stale = !answered && outgoing.reusedSocket && error.code === "ECONNRESET";
      fail(stale ? new StaleConnectionError(error) : error);
    });
    outgoing.on("response", (incoming) => {
      answered = true;
      const chunks: Buffer[] = [];
      let ended = false;
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", fail);
      incoming.on("close", () => {
        if (!ended) fail(new Error("the connection closed before the answer was complete"));
      });
      incoming.on("end", () => {
        ended = true;
        clearTimeout(timer);
        resolve({
          status: incoming.statusCode ?? 0,
          headers: headersOf(incoming),
          text: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
    outgoing.end(request.body);
  });
}
