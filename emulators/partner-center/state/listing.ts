/**
 * Listing referrals with the OData options Partner Center documents (shared/reference/partner-center.md §1.2):
 * `$filter`, `$orderby` on createdDateTime or updatedDateTime, `$top`, `$count` and server-driven paging through
 * `@odata.nextLink` with `$skiptoken`.
 */
import type { Referral } from "../../../core";
import { compileFilter, ODataQueryError, parseOrderBy, sortRecords, type OrderByClause } from "../../odata";
import { PartnerCenterError } from "./errors";
import { referralsUrl } from "./referralRecord";
import { decodeSkipToken, encodeSkipToken, type PagedQueryShape } from "./skipToken";

/** The query options of a list request, as the HTTP layer reads them from the URL (strings are accepted). */
export interface ListQuery {
  filter?: string;
  orderby?: string;
  /** The page size; above maxPageSize it is lowered to maxPageSize (§1.2: "100 is the maximum"). */
  top?: number | string;
  skiptoken?: string;
  count?: boolean | string;
}

/** One page of a list, in the documented response shape. */
export interface ReferralPage {
  "@odata.context": string;
  "@odata.count"?: number;
  value: Referral[];
  "@odata.nextLink"?: string;
}

export interface ListSettings {
  apiBaseUrl: string;
  maxPageSize: number;
}

/** The only properties the service documents as sortable (§1.2). */
export const sortableProperties = ["createdDateTime", "updatedDateTime"] as const;

// Ties (many referrals created in the same millisecond) must still have one fixed order, or paging would skip rows.
const tieBreakers: OrderByClause[] = [
  { path: "createdDateTime", segments: ["createdDateTime"], direction: "asc" },
  { path: "id", segments: ["id"], direction: "asc" },
];

/**
 * Filters, sorts and pages stored referrals; `present` turns each returned one into the caller's copy.
 * @throws PartnerCenterError 400 for a malformed option or a skiptoken that doesn't fit the query.
 */
export function listReferrals(
  referrals: readonly Referral[],
  query: ListQuery,
  settings: ListSettings,
  present: (referral: Referral) => Referral,
): ReferralPage {
  const filter = nonBlank(query.filter);
  const orderby = nonBlank(query.orderby);
  const requestedTop = query.top === undefined ? undefined : parseTop(query.top);
  const shape: PagedQueryShape = {
    filter,
    orderby,
    pageSize: Math.min(requestedTop ?? settings.maxPageSize, settings.maxPageSize),
  };
  const withCount = parseCount(query.count);
  const offset = query.skiptoken === undefined ? 0 : decodeSkipToken(query.skiptoken, shape);

  const matching = filter === undefined ? [...referrals] : referrals.filter(readOData(() => compileFilter(filter)));
  const clauses = orderby === undefined ? [] : readOData(() => parseOrderBy(orderby, sortableProperties));
  const sorted = sortRecords(matching, [...clauses, ...tieBreakers]);
  const next = offset + shape.pageSize;

  const page: ReferralPage = {
    "@odata.context": `${settings.apiBaseUrl}/v1.0/$metadata#Referrals`,
    value: sorted.slice(offset, next).map(present),
  };
  if (withCount) page["@odata.count"] = sorted.length;
  if (next < sorted.length) {
    const options: [string, string | undefined][] = [
      ["$filter", filter],
      ["$orderby", orderby],
      ["$top", requestedTop === undefined ? undefined : String(shape.pageSize)],
      ["$count", query.count === undefined ? undefined : String(withCount)],
      ["$skiptoken", encodeSkipToken(next, shape)],
    ];
    const search = options.flatMap(([name, value]) =>
      value === undefined ? [] : [`${name}=${encodeURIComponent(value)}`],
    );
    page["@odata.nextLink"] = `${referralsUrl(settings.apiBaseUrl)}?${search.join("&")}`;
  }
  return page;
}

function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === "" ? undefined : text;
}

function parseTop(top: number | string): number {
  const value = typeof top === "number" ? top : /^\s*\d+\s*$/.test(top) ? Number(top) : Number.NaN;
  if (Number.isInteger(value) && value >= 1) return value;
  throw new PartnerCenterError(400, "InvalidQuery", `$top must be a whole number of 1 or more; got '${String(top)}'.`, [
    { option: "$top", value: top },
  ]);
}

function parseCount(count: boolean | string | undefined): boolean {
  if (count === undefined || count === false || count === "false") return false;
  if (count === true || count === "true") return true;
  throw new PartnerCenterError(400, "InvalidQuery", `$count must be true or false; got '${count}'.`, [
    { option: "$count", value: count },
  ]);
}

/** Runs OData parsing and turns its errors into Partner Center 400s that keep the parser's position. */
function readOData<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ODataQueryError)) throw error;
    throw new PartnerCenterError(400, "InvalidQuery", error.message, [
      { option: error.option, position: error.position, detail: error.detail },
    ]);
  }
}
