import { type ServerResponse, validateHeaderName, validateHeaderValue } from "node:http";
import type { HeaderMap } from "./http-error";

/**
 * What a handler answers with. An object or array body is sent as JSON, a string as text, a Buffer as bytes, and
 * `undefined` sends no body at all. A `content-type` in `headers` wins over the one chosen from the body.
 */
export interface Reply {
  readonly status: number;
  readonly headers?: HeaderMap;
  readonly body?: ReplyBody;
}

/** A reply body: JSON-serializable object or array, text, raw bytes, or nothing. */
export type ReplyBody = object | string | Buffer | undefined;

/** A JSON reply: `json(200, { value: [] })`. */
export function json(status: number, body: object, headers?: HeaderMap): Reply {
  return headers === undefined ? { status, body } : { status, body, headers };
}

/** A text reply, `text/plain` unless `headers` names another content type. */
export function text(status: number, body: string, headers?: HeaderMap): Reply {
  return headers === undefined ? { status, body } : { status, body, headers };
}

/** 204 No Content. */
export function noContent(headers?: HeaderMap): Reply {
  return headers === undefined ? { status: 204 } : { status: 204, headers };
}

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** A reply turned into bytes and validated headers, ready to write. */
export interface SerializedReply {
  readonly status: number;
  readonly headers: readonly (readonly [string, string | number])[];
  readonly payload: Buffer | undefined;
}

/**
 * Serializes a reply and checks its headers, so everything that can fail does so before a byte is written.
 * @throws TypeError for a body JSON cannot serialize or an invalid header.
 */
export function serializeReply(reply: Reply): SerializedReply {
  const { payload, contentType } = serializeBody(reply.body);
  const given = Object.entries(reply.headers ?? {});
  const hasContentType = given.some(([name]) => name.toLowerCase() === "content-type");
  const headers: (readonly [string, string | number])[] = [];
  if (contentType !== undefined && !hasContentType) headers.push(["content-type", contentType]);
  for (const [name, value] of given) {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    headers.push([name, value]);
  }
  // 204 and 304 carry neither a body nor a length (RFC 9110 sections 8.6, 15.3.5).
  const bodyless = reply.status === 204 || reply.status === 304;
  if (!bodyless) headers.push(["content-length", payload?.length ?? 0]);
  return { status: reply.status, headers, payload: bodyless ? undefined : payload };
}

/** Writes a serialized reply onto a node:http response and ends it. */
export function writeReply(response: ServerResponse, reply: SerializedReply): void {
  for (const [name, value] of reply.headers) response.setHeader(name, value);
  response.statusCode = reply.status;
  response.end(reply.payload);
}

function serializeBody(body: ReplyBody): { payload: Buffer | undefined; contentType: string | undefined } {
  if (body === undefined) return { payload: undefined, contentType: undefined };
  if (Buffer.isBuffer(body)) return { payload: body, contentType: "application/octet-stream" };
  if (typeof body === "string") return { payload: Buffer.from(body, "utf8"), contentType: "text/plain; charset=utf-8" };
  return { payload: Buffer.from(JSON.stringify(body), "utf8"), contentType: JSON_CONTENT_TYPE };
}
