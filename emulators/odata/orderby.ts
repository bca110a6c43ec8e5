import { TokenStream } from "./token-stream";

export type SortDirection = "asc" | "desc";

/** One key of `$orderby`, e.g. `customerProfile/name desc`. */
export interface OrderByClause {
  /** The path as written, segments joined by `/`; this is what `allowedPaths` is matched against. */
  readonly path: string;
  readonly segments: readonly string[];
  readonly direction: SortDirection;
}

/**
 * Parses `$orderby` text such as `createdDateTime desc, name` (ascending unless `desc` is given).
 * @param allowedPaths when given, every path must be one of these (exact, case-sensitive); real services reject
 *   ordering by properties they do not index, and an emulator should too.
 * @throws ODataQueryError for malformed text or a path that is not allowed.
 */
export function parseOrderBy(text: string, allowedPaths?: readonly string[]): OrderByClause[] {
  const tokens = new TokenStream(text, "$orderby");
  const clauses: OrderByClause[] = [];
  for (;;) {
    clauses.push(parseClause(tokens, allowedPaths));
    if (tokens.atEnd()) return clauses;
    if (!tokens.atPunctuation(",")) throw tokens.unexpected("expected ',' or the end of $orderby");
    tokens.advance();
  }
}

function parseClause(tokens: TokenStream, allowedPaths: readonly string[] | undefined): OrderByClause {
  const start = tokens.peek();
  const segments: string[] = [];
  for (;;) {
    const segment = tokens.peek();
    // Treating the direction words as reserved turns `a/ desc` into a clear error rather than a path `a/desc`.
    if (segment.kind !== "identifier" || isDirection(segment.text)) {
      throw tokens.unexpected(
        segments.length === 0 ? "expected a property path" : "expected a property name after '/'",
      );
    }
    segments.push(segment.text);
    tokens.advance();
    if (!tokens.atPunctuation("/")) break;
    tokens.advance();
  }
  const path = segments.join("/");
  if (allowedPaths !== undefined && !allowedPaths.includes(path)) {
    const allowed = allowedPaths.length === 0 ? "none" : allowedPaths.join(", ");
    throw tokens.error(`cannot order by '${path}' (allowed: ${allowed})`, start.position);
  }
  const next = tokens.peek();
  if (next.kind === "identifier" && isDirection(next.text)) {
    tokens.advance();
    return { path, segments, direction: next.text };
  }
  if (tokens.atEnd() || tokens.atPunctuation(",")) return { path, segments, direction: "asc" };
  throw tokens.unexpected(`expected 'asc', 'desc', ',' or the end after '${path}'`);
}

function isDirection(word: string): word is SortDirection {
  return word === "asc" || word === "desc";
}
