/**
 * The wire format of a Dataverse `$batch` (dataverse.md §4.3): a `multipart/mixed` body with one `application/http`
 * part per request (no change sets: each request stands alone, so one failing doesn't undo the others), and the
 * answer, one part per request with its own status line, headers and body. Lines end in CRLF.
 */

/** One request inside a batch; `url` is absolute (§4.3 allows absolute, host-relative or root-relative). */
export interface BatchPart {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly json?: unknown;
}

/** One answer inside a batch response. */
export interface BatchPartAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, the text when it is not JSON, undefined when empty. */
  readonly body: unknown;
}

const CRLF = "\r\n";

function headerBlock(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => {
      // A line break inside a header would end it early and corrupt the framing of every later part.
      if (/[\r\n]/.test(name) || /[\r\n]/.test(value))
        throw new TypeError(`the batch header ${name} holds a line break`);
      return `${name}: ${value}${CRLF}`;
    })
    .join("");
}

/** The body of a batch of `parts` framed by `boundary`. */
export function encodeBatch(boundary: string, parts: readonly BatchPart[]): string {
  const encoded = parts.map((part) => {
    const json = part.json === undefined ? undefined : JSON.stringify(part.json);
    const headers = json === undefined ? part.headers : { ...part.headers, "Content-Type": "application/json" };
    return (
      `--${boundary}${CRLF}` +
      headerBlock({ "Content-Type": "application/http", "Content-Transfer-Encoding": "binary" }) +
      CRLF +
      `${part.method} ${part.url} HTTP/1.1${CRLF}` +
      headerBlock(headers) +
      CRLF +
      (json ?? "") +
      CRLF
    );
  });
  return `${encoded.join("")}--${boundary}--${CRLF}`;
}

/** The boundary parameter of a multipart Content-Type, or null. */
export function boundaryOf(contentType: string | null): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  return match?.[1] ?? match?.[2] ?? null;
}

/** Splits at the head/body blank line; the head's lines and the rest. */
function splitHead(text: string): { lines: string[]; rest: string } {
  const normalized = text.replace(/^(\r?\n)+/, "");
  const end = /\r?\n\r?\n/.exec(normalized);
  if (end === null) return { lines: normalized.split(/\r?\n/).filter((line) => line !== ""), rest: "" };
  return { lines: normalized.slice(0, end.index).split(/\r?\n/), rest: normalized.slice(end.index + end[0].length) };
}

function headersOf(lines: readonly string[]): Headers {
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

function parseBody(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return trimmed;
  }
}

/** One part: its MIME headers, then (application/http) the inner response; a nested change set is flattened. */
function decodePart(part: string): BatchPartAnswer[] {
  const mime = splitHead(part);
  const mimeHeaders = headersOf(mime.lines);
  const nested = boundaryOf(mimeHeaders.get("content-type"));
  if (nested !== null) return decodeBatchResponse(mimeHeaders.get("content-type"), mime.rest);
  const inner = splitHead(mime.rest);
  const statusLine = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(inner.lines[0] ?? "");
  if (statusLine === null) throw new Error("a part of the batch response has no HTTP status line");
  return [{ status: Number(statusLine[1]), headers: headersOf(inner.lines.slice(1)), body: parseBody(inner.rest) }];
}

/**
 * The answers of a batch response, in order.
 * @throws Error when the body is not multipart or a part has no status line (the caller reports it as malformed).
 */
export function decodeBatchResponse(contentType: string | null, body: string): BatchPartAnswer[] {
  const boundary = boundaryOf(contentType);
  if (boundary === null) throw new Error("the batch response is not multipart (no boundary)");
  const delimiter = `--${boundary}`;
  const end = body.indexOf(`${delimiter}--`);
  const sections = (end === -1 ? body : body.slice(0, end)).split(delimiter).slice(1);
  return sections.flatMap((section) => decodePart(section));
}
