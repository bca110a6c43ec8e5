import type { IncomingMessage } from "node:http";
import { readBody } from "./body";
import { HttpError } from "./http-error";
import { parseQuery } from "./query";

/** Everything a handler (or the auth hook) knows about one request. The same object flows through the pipeline. */
export interface RequestContext {
  /** Upper-case method, e.g. "GET". */
  readonly method: string;
  /** The path without the query, still percent-encoded as received. */
  readonly path: string;
  readonly url: URL;
  /** The query string as received, without the leading "?". */
  readonly rawQuery: string;
  /** Query options, decoded with decodeURIComponent (so `+` stays a plus). The first of a repeated name wins. */
  readonly query: Readonly<Record<string, string>>;
  /** Route parameters, decoded; empty until the router has matched. */
  readonly params: Readonly<Record<string, string>>;
  /** Request headers with lower-case names; repeated headers are joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body, read once and cached. @throws HttpError 413 beyond the pipeline's size limit. */
  rawBody(): Promise<Buffer>;
  /** The body as UTF-8 text. */
  text(): Promise<string>;
  /** The body parsed as JSON. @throws HttpError 400 when it is empty or not JSON. The type is not checked. */
  json<T = unknown>(): Promise<T>;
}

/** A context plus the one mutation the pipeline needs after routing. */
export interface MutableRequestContext {
  readonly context: RequestContext;
  readonly setParams: (params: Readonly<Record<string, string>>) => void;
}

/**
 * Builds the context for a node:http request.
 * @throws HttpError 400 when the URL or its query is malformed.
 */
export function createRequestContext(request: IncomingMessage, maxBodyBytes: number): MutableRequestContext {
  const target = request.url ?? "/";
  const url = parseTarget(target, request.headers.host);
  const queryStart = target.indexOf("?");
  const rawQuery = queryStart === -1 ? "" : (target.slice(queryStart + 1).split("#")[0] ?? "");
  let params: Readonly<Record<string, string>> = {};
  let body: Promise<Buffer> | undefined;
  const rawBody = () => (body ??= readBody(request, maxBodyBytes));

  const context: RequestContext = {
    method: (request.method ?? "GET").toUpperCase(),
    path: url.pathname,
    url,
    rawQuery,
    query: parseQuery(rawQuery),
    get params() {
      return params;
    },
    headers: flattenHeaders(request.headers),
    rawBody,
    text: async () => (await rawBody()).toString("utf8"),
    json: async <T>() => parseJson(await rawBody()) as T,
  };
  return {
    context,
    setParams: (next) => {
      params = next;
    },
  };
}

/** True for `application/json` and `+json` media types, whatever their parameters (charset, odata.metadata...). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

/**
 * Reads a body that must be JSON: 415 when a content-type is present and is not JSON (a missing one is tolerated,
 * as the real services do), then 400 when the text does not parse.
 */
export async function requireJsonBody<T = unknown>(request: RequestContext): Promise<T> {
  const contentType = request.headers["content-type"];
  if (contentType !== undefined && !isJsonMediaType(contentType)) {
    throw new HttpError(415, "UnsupportedMediaType", `Expected a JSON body (application/json), got '${contentType}'.`);
  }
  return request.json<T>();
}

function parseJson(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (text.trim() === "")
    throw new HttpError(400, "BadRequest", "The request body is empty; a JSON document was expected.");
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 quotes part of the input in its message; report only the position so a body's content is never echoed.
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    const where = position === undefined ? "" : ` (at position ${position})`;
    throw new HttpError(400, "BadRequest", `The request body is not valid JSON${where}.`);
  }
}

function parseTarget(target: string, host: string | undefined): URL {
  // Prefixing the origin keeps a target like "//x/y" a path instead of a protocol-relative URL to host "x".
  const absolute = target.startsWith("/") ? `http://${host ?? "localhost"}${target}` : target;
  try {
    return new URL(absolute);
  } catch {
    try {
      return new URL(`http://localhost${target}`);
    } catch {
      throw new HttpError(400, "BadRequest", "The request target is not a valid URL.");
    }
  }
}

function flattenHeaders(headers: IncomingMessage["headers"]): Record<string, string> {
  const flat = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}
