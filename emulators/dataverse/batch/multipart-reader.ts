/**
 * The MIME layer of a batch (RFC 2046 multipart, as dataverse.md §4.3 uses it). Text here is "binary" (latin1, one
 * character per byte) so that slicing never splits a UTF-8 sequence and bodies come out byte for byte.
 */
import { badBatch } from "./batch-errors";
import type { InnerHeaders } from "./types";

/** The parts between a multipart body's delimiter lines, before any is interpreted. */
export interface MultipartSplit {
  /** False when not one `--boundary` line was found. */
  readonly opened: boolean;
  /** False when the body ends without the closing `--boundary--` line. */
  readonly closed: boolean;
  /** Each part's headers and content, binary; the line break before a delimiter belongs to the delimiter. */
  readonly parts: readonly string[];
}

interface Delimiter {
  readonly start: number;
  readonly end: number;
  readonly closing: boolean;
}

/** Splits a multipart body on `--boundary` lines, accepting CRLF or bare LF; preamble and epilogue are ignored. */
export function splitMultipart(text: string, boundary: string): MultipartSplit {
  const parts: string[] = [];
  let previous = findDelimiter(text, boundary, 0);
  if (previous === undefined) return { opened: false, closed: false, parts };
  while (!previous.closing) {
    const next = findDelimiter(text, boundary, previous.end);
    if (next === undefined) {
      parts.push(text.slice(previous.end));
      return { opened: true, closed: false, parts };
    }
    parts.push(text.slice(previous.end, Math.max(previous.end, withoutLineBreakBefore(text, next.start))));
    previous = next;
  }
  return { opened: true, closed: true, parts };
}

function findDelimiter(text: string, boundary: string, from: number): Delimiter | undefined {
  const marker = `--${boundary}`;
  for (let start = text.indexOf(marker, from); start !== -1; start = text.indexOf(marker, start + 1)) {
    if (start > 0 && text[start - 1] !== "\n") continue;
    let position = start + marker.length;
    const closing = text.startsWith("--", position);
    if (closing) position += 2;
    while (text[position] === " " || text[position] === "\t") position += 1;
    // "--batch_12" is not a delimiter of "batch_1": only padding and a line end may follow the boundary.
    if (position === text.length) return { start, end: position, closing };
    if (text[position] === "\n") return { start, end: position + 1, closing };
    if (text.startsWith("\r\n", position)) return { start, end: position + 2, closing };
  }
  return undefined;
}

function withoutLineBreakBefore(text: string, position: number): number {
  if (text[position - 1] !== "\n") return position;
  return text[position - 2] === "\r" ? position - 2 : position - 1;
}

/** A block of header lines and what follows the blank line after it. */
export interface HeadAndBody {
  readonly headLines: readonly string[];
  /** Binary text after the blank line, untouched ("" when there is no blank line). */
  readonly body: string;
}

/**
 * Splits at the first blank line. A block that ends without one (a GET part right before the next delimiter) is all
 * head: clients commonly omit the empty line when there is no body.
 */
export function splitHeadAndBody(text: string): HeadAndBody {
  if (text.startsWith("\n") || text.startsWith("\r\n")) {
    return { headLines: [], body: text.slice(text.indexOf("\n") + 1) };
  }
  const blankLine = /\r?\n\r?\n/.exec(text);
  const head = blankLine === null ? text : text.slice(0, blankLine.index);
  const body = blankLine === null ? "" : text.slice(blankLine.index + blankLine[0].length);
  const headLines = head.split(/\r?\n/);
  while (headLines.length > 0 && headLines[headLines.length - 1] === "") headLines.pop();
  return { headLines, body };
}

/**
 * Reads `Name: value` lines (with or without a space after the colon, as in PAD's `Content-Transfer-Encoding:binary`)
 * into lower-case names; folded continuation lines are joined to the header before them.
 * @throws HttpError 400 naming `location` for a line that is not a header.
 */
export function parseHeaderLines(lines: readonly string[], location: string): InnerHeaders {
  const headers: Record<string, string> = {};
  let lastName: string | undefined;
  for (const line of lines) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && lastName !== undefined) {
      headers[lastName] = `${headers[lastName] ?? ""} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    const name = colon === -1 ? "" : line.slice(0, colon).trim().toLowerCase();
    if (name === "" || /\s/.test(name)) throw badBatch(`malformed header line "${decodeUtf8(line)}"`, location);
    const value = decodeUtf8(line.slice(colon + 1).trim());
    const earlier = headers[name];
    headers[name] = earlier === undefined ? value : `${earlier}, ${value}`;
    lastName = name;
  }
  return headers;
}

/** Turns binary text back into the UTF-8 text it encodes. */
export function decodeUtf8(binary: string): string {
  return Buffer.from(binary, "latin1").toString("utf8");
}
