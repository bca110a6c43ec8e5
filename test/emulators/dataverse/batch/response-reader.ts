/**
 * A deliberately separate reader of batch responses, so the round-trip tests don't grade the builder with its own
 * parser. It expects what Dataverse sends: CRLF everywhere, `--boundary` lines, `application/http` parts.
 */
import { expect } from "vitest";

export interface ReadResponse {
  readonly contentId: string | undefined;
  readonly status: number;
  readonly reason: string;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

export type ReadItem =
  ({ readonly kind: "response" } & ReadResponse) | { readonly kind: "changeSet"; readonly responses: ReadResponse[] };

/** Reads a batch response body given its Content-Type. */
export function readBatchResponse(contentType: string, body: string): ReadItem[] {
  return splitParts(body, boundaryOf(contentType)).map((part) => {
    const { headers, content } = readHeaders(part);
    if (headers["content-type"]?.startsWith("multipart/mixed")) {
      const boundary = boundaryOf(headers["content-type"]);
      return { kind: "changeSet", responses: splitParts(content, boundary).map(readHttpPart) };
    }
    return { kind: "response", ...readHttpPart(part) };
  });
}

function boundaryOf(contentType: string): string {
  const match = /^multipart\/mixed; boundary=([^;]+)$/.exec(contentType);
  expect(match, `content type ${contentType}`).not.toBeNull();
  return match?.[1] ?? "";
}

function splitParts(body: string, boundary: string): string[] {
  const closing = `--${boundary}--\r\n`;
  expect(body.endsWith(closing), "the body ends with the closing delimiter").toBe(true);
  const pieces = body.slice(0, -closing.length).split(`--${boundary}\r\n`);
  expect(pieces.shift(), "nothing before the first delimiter").toBe("");
  return pieces.map((piece) => {
    expect(piece.endsWith("\r\n"), "a CRLF before each delimiter").toBe(true);
    return piece.slice(0, -2);
  });
}

function readHeaders(text: string): { headers: Record<string, string>; content: string } {
  const blank = text.indexOf("\r\n\r\n");
  expect(blank, "a blank line after the headers").toBeGreaterThanOrEqual(0);
  const headers: Record<string, string> = {};
  for (const line of text.slice(0, blank).split("\r\n")) {
    const colon = line.indexOf(": ");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 2);
  }
  return { headers, content: text.slice(blank + 4) };
}

function readHttpPart(part: string): ReadResponse {
  const mime = readHeaders(part);
  expect(mime.headers["content-type"]).toBe("application/http");
  expect(mime.headers["content-transfer-encoding"]).toBe("binary");
  const lineEnd = mime.content.indexOf("\r\n");
  const statusLine = /^HTTP\/1\.1 (\d{3}) (.+)$/.exec(mime.content.slice(0, lineEnd));
  expect(statusLine, "a status line").not.toBeNull();
  const http = readHeaders(mime.content.slice(lineEnd + 2));
  return {
    contentId: mime.headers["content-id"],
    status: Number(statusLine?.[1]),
    reason: statusLine?.[2] ?? "",
    headers: http.headers,
    body: http.content,
  };
}
