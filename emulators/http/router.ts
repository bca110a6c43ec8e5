import { decodePathSegments, PathPattern } from "./path-pattern";
import type { Reply } from "./reply";
import type { RequestContext } from "./request-context";

/** Answers one routed request. Throw an HttpError to answer with an error status. */
export type RouteHandler = (request: RequestContext) => Reply | Promise<Reply>;

/** The outcome of looking a request up in a {@link Router}. */
export type RouteMatch =
  | {
      readonly kind: "found";
      readonly handler: RouteHandler;
      readonly params: Readonly<Record<string, string>>;
      readonly pattern: string;
    }
  | { readonly kind: "notFound" }
  | { readonly kind: "methodNotAllowed"; readonly allow: readonly string[] };

interface Route {
  readonly method: string;
  readonly pattern: PathPattern;
  readonly handler: RouteHandler;
}

/**
 * Maps method + path pattern to handlers. When several patterns fit a path, the most specific wins (a literal
 * segment beats a parameter), whatever the registration order, so emulators can add routes in any order.
 */
export class Router {
  private readonly table: Route[] = [];

  /**
   * Registers a handler. `method` is case-insensitive; a GET route also answers HEAD unless HEAD has its own route.
   * @throws TypeError when the same method and pattern are registered twice.
   */
  add(method: string, pattern: string, handler: RouteHandler): this {
    const normalizedMethod = method.toUpperCase();
    if (this.table.some((route) => route.method === normalizedMethod && route.pattern.source === pattern)) {
      throw new TypeError(`${normalizedMethod} ${pattern} is already registered`);
    }
    this.table.push({ method: normalizedMethod, pattern: new PathPattern(pattern), handler });
    return this;
  }

  /** Every registered method and pattern, in registration order (handy for an index page or a test). */
  routes(): { method: string; pattern: string }[] {
    return this.table.map((route) => ({ method: route.method, pattern: route.pattern.source }));
  }

  /**
   * Finds the handler for a request. `rawPath` is the still percent-encoded path without the query.
   * @throws HttpError 400 when the path holds malformed percent-encoding.
   */
  match(method: string, rawPath: string): RouteMatch {
    const segments = decodePathSegments(rawPath);
    const candidates = this.table
      .map((route) => ({ route, params: route.pattern.match(segments) }))
      .filter(
        (candidate): candidate is { route: Route; params: Record<string, string> } => candidate.params !== undefined,
      );
    if (candidates.length === 0) return { kind: "notFound" };

    const wanted = method.toUpperCase();
    const forMethod = (name: string) => candidates.filter((candidate) => candidate.route.method === name);
    const fitting = forMethod(wanted).length > 0 || wanted !== "HEAD" ? forMethod(wanted) : forMethod("GET");
    const best = fitting.sort((a, b) => a.route.pattern.compareSpecificity(b.route.pattern))[0];
    if (best !== undefined) {
      return { kind: "found", handler: best.route.handler, params: best.params, pattern: best.route.pattern.source };
    }

    const allow = new Set(candidates.map((candidate) => candidate.route.method));
    if (allow.has("GET")) allow.add("HEAD");
    return { kind: "methodNotAllowed", allow: [...allow].sort() };
  }
}
