/** The `application/http` payload of a batch part: one HTTP request (dataverse.md §4.3). */
import { badBatch } from "./batch-errors";
import { decodeUtf8, parseHeaderLines, splitHeadAndBody } from "./multipart-reader";
import type { InnerHeaders } from "./types";

/** An inner HTTP request before its URL is interpreted. */
export interface HttpRequestMessage {
  /** Upper-case method. */
  readonly method: string;
  readonly url: string;
  readonly headers: InnerHeaders;
  /** UTF-8 text, byte for byte as sent. */
  readonly body: string;
}

/**
 * `METHOD URL HTTP/1.1`. The URL is everything between the method and the version: hand-written batches often leave
 * the spaces of `$filter=name eq 'x'` unencoded, and the version at the end keeps that unambiguous.
 */
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]+(\S.*?)[ \t]+HTTP\/\d\.\d$/;

/**
 * Reads `METHOD URL HTTP/1.1`, the headers and the body of one part. Empty lines before the request line are skipped,
 * as HTTP/1.1 servers do (RFC 9112 §2.2).
 * @throws HttpError 400 naming `location` for a missing or malformed request line or header.
 */
export function readHttpRequest(binary: string, location: string): HttpRequestMessage {
  const message = binary.replace(/^(?:\r?\n)+/, "");
  const { headLines, body } = splitHeadAndBody(message);
  const [requestLine, ...headerLines] = headLines;
  if (requestLine === undefined || requestLine.trim() === "") {
    throw badBatch('the part holds no HTTP request (expected a line like "POST tasks HTTP/1.1")', location);
  }
  const match = REQUEST_LINE.exec(requestLine.trim());
  if (match === null) {
    throw badBatch(`bad request line "${decodeUtf8(requestLine)}" (expected "METHOD URL HTTP/1.1")`, location);
  }
  const [, method = "", url = ""] = match;
  return {
    method: method.toUpperCase(),
    url: decodeUtf8(url),
    headers: parseHeaderLines(headerLines, location),
    body: decodeUtf8(body),
  };
}
