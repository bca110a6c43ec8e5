/**
 * Fastify's built-in pino logger, configured so that credentials never reach a log line: the headers that carry
 * them are redacted and the `code` query parameter (the Dataverse webhook key, dataverse.md §3.1) is removed from
 * every logged URL. Other parts of the service may log through `app.log` (it has debug/info/warn/error(obj, msg)).
 */
import type { FastifyServerOptions } from "fastify";
import type { LogLevel } from "../config/types";
import { WEBHOOK_KEY_QUERY_PARAMETER } from "../intake/dataverse";

/** Where log lines go: one JSON object per line. */
export interface LogStream {
  write(line: string): void;
}

/** How the caller wants the service to log; `false` (in HttpAppOptions) turns logging off. */
export interface HttpLogging {
  readonly level: LogLevel;
  /** Default standard output. */
  readonly stream?: LogStream;
}

/** What replaces a secret in a log line. */
export const REDACTED = "[redacted]";

/** Headers that carry credentials: bearer tokens, webhook keys, Partner Center signatures, cookies. */
export const SECRET_HEADERS: readonly string[] = [
  "authorization",
  "x-api-key",
  "x-cosell-webhook-key",
  "x-ms-signature",
  "cookie",
  "set-cookie",
];

/** `url` with the value of every `code` query parameter replaced, other parameters left exactly as sent. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf("?");
  if (queryStart === -1) return url;
  const parameters = url
    .slice(queryStart + 1)
    .split("&")
    .map((parameter) => {
      const name = parameter.split("=", 1)[0] ?? "";
      return safeDecode(name) === WEBHOOK_KEY_QUERY_PARAMETER ? `${name}=${REDACTED}` : parameter;
    });
  return `${url.slice(0, queryStart)}?${parameters.join("&")}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** The request as logged: no body, URL without the webhook key, headers to be redacted by path. */
interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly ip?: string;
}

function serializeRequest(request: LoggedRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    headers: { ...request.headers },
    remoteAddress: request.ip,
  };
}

function redactionPaths(secretHeaders: readonly string[]): string[] {
  const names = [...new Set([...SECRET_HEADERS, ...secretHeaders.map((name) => name.toLowerCase())])];
  return names.flatMap((name) => [`req.headers["${name}"]`, `headers["${name}"]`]);
}

/**
 * The `logger` option for Fastify: false when logging is off, else pino options with the request serializer and
 * redaction. `secretHeaders` adds header names (e.g. a custom webhook key header) to the redacted ones.
 */
export function loggerOptions(
  logging: HttpLogging | false,
  secretHeaders: readonly string[] = [],
): NonNullable<FastifyServerOptions["logger"]> {
  if (logging === false) return false;
  return {
    level: logging.level,
    ...(logging.stream === undefined ? {} : { stream: logging.stream }),
    redact: { paths: redactionPaths(secretHeaders), censor: REDACTED },
    serializers: {
      req: (request) => serializeRequest(request),
    },
  };
}
