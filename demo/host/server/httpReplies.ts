/** Small helpers for the host's node:http handlers: send a body, read a body, say what went wrong. */
import type { IncomingMessage, ServerResponse } from "node:http";

export function sendText(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, {
    "content-type": contentType,
    "content-length": String(Buffer.byteLength(body)),
    ...headers,
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendText(response, status, "application/json; charset=utf-8", JSON.stringify(body), { "cache-control": "no-store" });
}

/** A plain-text error for a person reading the page or the browser's network panel. */
export function sendProblem(response: ServerResponse, status: number, message: string): void {
  sendText(response, status, "text/plain; charset=utf-8", `${message}\n`, { "cache-control": "no-store" });
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The origin the browser used to reach the host (links in proxied answers are rewritten to it). */
export function originOf(request: IncomingMessage): string {
  return `http://${request.headers.host ?? "127.0.0.1"}`;
}
