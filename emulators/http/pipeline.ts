import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_MAX_BODY_BYTES } from "./body";
import { type ErrorRenderer, type Logger, type RateLimitRenderer, renderODataError } from "./error-rendering";
import type { FaultInjector, FaultOutcome } from "./fault-injector";
import { codeForStatus, HttpError } from "./http-error";
import { PathPattern, decodePathSegments } from "./path-pattern";
import { type Reply, serializeReply, writeReply } from "./reply";
import { createRequestContext, type RequestContext } from "./request-context";
import type { RequestLog } from "./request-log";
import type { Router } from "./router";

/** A node:http request listener, as startServer takes it. */
export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** How an emulator assembles its request handling. Only the router is required. */
export interface PipelineOptions {
  readonly router: Router;
  /** Records every request (including faulted and dropped ones). */
  readonly log?: RequestLog;
  /** Faults applied before authentication and routing. */
  readonly faults?: FaultInjector;
  /** The emulator's error body; defaults to `{"error":{"code","message"}}`. */
  readonly renderError?: ErrorRenderer;
  /** The body of an injected 429; defaults to renderError(429, "TooManyRequests", ...). */
  readonly renderRateLimit?: RateLimitRenderer;
  /** Throws (usually HttpError 401) to refuse a request; skipped for public paths. */
  readonly authenticate?: (request: RequestContext) => void | Promise<void>;
  /** Paths that need no authentication: route patterns such as "/:tenant/oauth2/v2.0/token", or RegExps. */
  readonly publicPaths?: readonly (string | RegExp)[];
  /** Translates domain errors (say an OData parse error) into HttpErrors; return undefined for a 500. */
  readonly mapError?: (error: unknown) => HttpError | undefined;
  /** Request body limit in bytes (default 1 MiB); larger bodies get 413. */
  readonly maxBodyBytes?: number;
  /** Told about unexpected errors, which the caller only sees as a generic 500. */
  readonly logger?: Logger;
}

/**
 * Composes request log → faults → authentication → router into one node:http listener:
 * `startServer(createPipeline({ router, renderError }))`.
 */
export function createPipeline(options: PipelineOptions): RequestListener {
  const renderError = options.renderError ?? renderODataError;
  const renderRateLimit =
    options.renderRateLimit ??
    ((seconds: number) =>
      renderError(429, "TooManyRequests", `Rate limit is exceeded. Try again in ${seconds} seconds.`));
  const isPublic = publicPathTest(options.publicPaths ?? []);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const errorReply = (error: unknown, request: RequestContext | undefined): Reply => {
    const httpError = error instanceof HttpError ? error : options.mapError?.(error);
    if (httpError !== undefined) {
      const { status, code, message, headers } = httpError;
      return { status, headers, body: renderError(status, code, message) };
    }
    options.logger?.error("unexpected error while handling a request", {
      method: request?.method,
      path: request?.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return { status: 500, body: renderError(500, "InternalServerError", "An unexpected error occurred.") };
  };

  const faultReply = (outcome: Exclude<FaultOutcome, { kind: "drop" }>): Reply => {
    if (outcome.kind === "rateLimited") {
      const retryAfter = String(outcome.retryAfterSeconds);
      return { status: 429, headers: { "retry-after": retryAfter }, body: renderRateLimit(outcome.retryAfterSeconds) };
    }
    const body = outcome.body ?? renderError(outcome.status, codeForStatus(outcome.status), "Injected fault.");
    return { status: outcome.status, body, ...(outcome.headers === undefined ? {} : { headers: outcome.headers }) };
  };

  const route = async (context: RequestContext, setParams: (params: Readonly<Record<string, string>>) => void) => {
    if (options.authenticate !== undefined && !isPublic(context.path)) await options.authenticate(context);
    const match = options.router.match(context.method, context.path);
    if (match.kind === "notFound") {
      throw new HttpError(404, "NotFound", `No resource matches ${context.method} ${context.path}.`);
    }
    if (match.kind === "methodNotAllowed") {
      const allow = match.allow.join(", ");
      throw new HttpError(405, "MethodNotAllowed", `${context.method} is not allowed here; use ${allow}.`, { allow });
    }
    setParams(match.params);
    return match.handler(context);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const recordStatus = options.log?.track(request, response) ?? ignoreStatus;
    const send = (reply: Reply) => {
      // The client may have gone away during a latency fault or a slow handler; there is nobody to answer then.
      if (response.destroyed || response.headersSent) return;
      const serialized = serializeReply(reply);
      recordStatus(serialized.status);
      writeReply(response, serialized);
    };
    let context: RequestContext | undefined;
    try {
      const built = createRequestContext(request, maxBodyBytes);
      context = built.context;
      const decision = options.faults?.decide(context.method, context.path) ?? { delayMs: 0 };
      if (decision.delayMs > 0) await sleep(decision.delayMs);
      if (decision.outcome?.kind === "drop") {
        recordStatus(0);
        request.socket.destroy();
        return;
      }
      const reply = decision.outcome ? faultReply(decision.outcome) : await route(context, built.setParams);
      send(reply);
    } catch (error) {
      try {
        send(errorReply(error, context));
      } catch {
        response.destroy();
      }
    }
  };

  return (request, response) => {
    void handle(request, response);
  };
}

function ignoreStatus(): void {
  // No request log configured.
}

function publicPathTest(paths: readonly (string | RegExp)[]): (path: string) => boolean {
  const patterns = paths
    .filter((path): path is string => typeof path === "string")
    .map((path) => new PathPattern(path));
  const expressions = paths.filter((path): path is RegExp => path instanceof RegExp);
  return (path) => {
    if (expressions.some((expression) => expression.test(path))) return true;
    if (patterns.length === 0) return false;
    const segments = decodePathSegments(path);
    return patterns.some((pattern) => pattern.match(segments) !== undefined);
  };
}
