/**
 * `$skiptoken` for server-driven paging (shared/reference/partner-center.md §1.2: "Use the @odata.nextLink to get the
 * next page"). The token is opaque to clients: base64url of the next offset and a fingerprint of the query it belongs
 * to, so a token pasted onto a different query is refused instead of silently skipping the wrong rows.
 */
import { createHash } from "node:crypto";
import { PartnerCenterError } from "./errors";

/** What a page depends on; a token is valid only for the same values. */
export interface PagedQueryShape {
  filter: string | undefined;
  orderby: string | undefined;
  pageSize: number;
}

export function queryFingerprint(shape: PagedQueryShape): string {
  const text = JSON.stringify([shape.filter ?? "", shape.orderby ?? "", shape.pageSize]);
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}

export function encodeSkipToken(offset: number, shape: PagedQueryShape): string {
  return Buffer.from(`${offset}.${queryFingerprint(shape)}`, "utf8").toString("base64url");
}

/**
 * The offset a token stands for.
 * @throws PartnerCenterError 400 when the token is malformed or was issued for another query.
 */
export function decodeSkipToken(token: string, shape: PagedQueryShape): number {
  const decoded = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, "base64url").toString("utf8") : "";
  const match = /^(\d+)\.([A-Za-z0-9_-]+)$/.exec(decoded);
  if (match?.[1] === undefined) {
    throw new PartnerCenterError(
      400,
      "InvalidSkipToken",
      `$skiptoken '${token}' is not a token this service issued; follow @odata.nextLink exactly as returned.`,
      [{ skiptoken: token }],
    );
  }
  if (match[2] !== queryFingerprint(shape)) {
    throw new PartnerCenterError(
      400,
      "InvalidSkipToken",
      `$skiptoken '${token}' belongs to a different query: keep $filter, $orderby and $top as they were in the ` +
        `request that returned it, or follow @odata.nextLink exactly as returned.`,
      [{ skiptoken: token }],
    );
  }
  return Number(match[1]);
}
