/**
 * Optimistic concurrency with eTags (shared/reference/partner-center.md §1.6): PUT requires If-Match, PATCH checks it
 * when present. Which status a stale eTag gets is UNCONFIRMED, so it is the `staleEtagStatus` option.
 */
import type { Referral } from "../../../core";
import { PartnerCenterError } from "./errors";
import type { StaleEtagStatus } from "./options";

/** Refuses a PUT without If-Match: the PPC swagger marks the header required. */
export function requireIfMatch(ifMatch: string | undefined, id: string): string {
  if (ifMatch !== undefined && ifMatch.trim() !== "") return ifMatch;
  throw new PartnerCenterError(
    400,
    "IfMatchRequired",
    `Updating referral '${id}' with PUT requires an If-Match header holding the referral's eTag, quotes included ` +
      `(e.g. "\\"6700f96c-…\\""), exactly as the last GET returned it.`,
    [{ id, header: "If-Match" }],
  );
}

/**
 * Passes when If-Match is `*` or equals the referral's current eTag (quotes included), and otherwise throws the
 * configured stale-eTag error.
 */
export function assertETagMatches(current: Referral, ifMatch: string, staleStatus: StaleEtagStatus): void {
  if (ifMatch === "*" || ifMatch === current.eTag) return;
  const data = [{ id: current.id, ifMatch, currentETag: current.eTag }];
  if (staleStatus === 400) throw new PartnerCenterError(400, "2055", "Etag is no longer valid", data);
  const description =
    `If-Match ${ifMatch} is not the current eTag of referral '${current.id}' (now ${current.eTag}): it changed ` +
    `since you read it. GET it again and retry with the new eTag.`;
  if (staleStatus === 409) throw new PartnerCenterError(409, "Conflict", description, data);
  throw new PartnerCenterError(412, "PreconditionFailed", description, data);
}
