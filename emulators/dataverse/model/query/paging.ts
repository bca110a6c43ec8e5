/**
 * Server-driven paging (dataverse.md §4.1): a page holds at most `odata.maxpagesize` rows (5000 at most and by
 * default) and, when more follow, a `$skiptoken` shaped like Dataverse's `<cookie pagenumber="2" pagingcookie="..."
 * istracking="False" />`. The token is opaque: the caller sends it back unchanged. It remembers the last row's id,
 * so rows added or removed before that row between pages neither repeat nor get skipped, and a fingerprint of the
 * query, so a token pasted onto another query is refused.
 */
import { createHash } from "node:crypto";
import { invalidQuery } from "../errors";

export const maxPageSize = 5000;

/** What a page depends on; a token is valid only for the same values. */
export interface PagedQueryShape {
  readonly table: string;
  readonly filter: string | undefined;
  readonly orderBy: string | undefined;
  readonly pageSize: number;
}

/** Where the next page starts: after `lastId`, or at `offset` when that row is gone. */
export interface PagePosition {
  readonly pageNumber: number;
  readonly lastId: string;
  readonly offset: number;
}

const COOKIE = /^<cookie pagenumber="(\d+)" pagingcookie="([A-Za-z0-9_-]+)" istracking="False" \/>$/;

function fingerprint(shape: PagedQueryShape): string {
  const text = JSON.stringify([shape.table, shape.filter ?? "", shape.orderBy ?? "", shape.pageSize]);
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}

export function encodeSkipToken(position: PagePosition, shape: PagedQueryShape): string {
  const cookie = Buffer.from(
    JSON.stringify({ last: position.lastId, offset: position.offset, query: fingerprint(shape) }),
    "utf8",
  ).toString("base64url");
  return `<cookie pagenumber="${position.pageNumber}" pagingcookie="${cookie}" istracking="False" />`;
}

/** @throws DataverseError 400 for a token this organization didn't issue, or issued for another query. */
export function decodeSkipToken(token: string, shape: PagedQueryShape): PagePosition {
  const match = COOKIE.exec(token);
  let cookie: unknown;
  try {
    cookie = JSON.parse(Buffer.from(match?.[2] ?? "", "base64url").toString("utf8"));
  } catch {
    cookie = undefined;
  }
  const { last, offset, query } = (typeof cookie === "object" && cookie !== null ? cookie : {}) as Record<
    string,
    unknown
  >;
  if (match?.[1] === undefined || typeof last !== "string" || typeof offset !== "number") {
    throw invalidQuery("The $skiptoken is not one this service issued; follow @odata.nextLink exactly as returned.");
  }
  if (query !== fingerprint(shape)) {
    throw invalidQuery(
      "The $skiptoken belongs to a different query: keep $filter, $orderby and odata.maxpagesize as they were " +
        "in the request that returned it.",
    );
  }
  return { pageNumber: Number(match[1]), lastId: last, offset };
}
