/**
 * Reads everything the sync maps for one opportunity (core/mapping/snapshot.ts) in two round trips:
 *  1. the row with its account, contact and currency through `$expand` of single-valued navigations (§4.1), every
 *     column included because the field mapping may name any column (csb_CountryField, csb_FieldMapping);
 *  2. in parallel, the owner's systemuser row and the catalogue entries of the row's csb_products, which depend on
 *     values of the first answer.
 * The owner is read by id rather than expanded: in Dataverse `ownerid` leads to the `owner` (principal) entity, which
 * has no first name or email, and the `owninguser` navigation that leads to systemuser is not in the emulator.
 * Formatted-value annotations are not requested: core/mapping/readDeal.ts reads raw values only.
 */
import {
  accountTable,
  contactTable,
  currencyTable,
  opportunityTable,
  partnerCenterSolutionTable,
  solutionIdsOfColumn,
  systemUserTable,
  type OpportunitySnapshot,
  type PartnerTeamMember,
  type SolutionCatalogEntry,
} from "../../../core";
import type { OpportunityReading } from "../../sync/ports";
import { guid, literal } from "../http/odata";
import type { DataverseWebApi, Row } from "./webApi";

const columns = opportunityTable.columns;
const user = systemUserTable.columns;
const catalog = partnerCenterSolutionTable.columns;

/** Navigation → what it fills; the account and contact fall back to the polymorphic customer lookup. */
const ACCOUNT_NAVIGATIONS = [columns.account, `${columns.customer}_${accountTable.logicalName}`] as const;
const CONTACT_NAVIGATIONS = [columns.contact, `${columns.customer}_${contactTable.logicalName}`] as const;
export const EXPAND = [
  ...ACCOUNT_NAVIGATIONS,
  ...CONTACT_NAVIGATIONS,
  `${columns.currency}($select=${currencyTable.columns.isoCode})`,
].join(",");
export const OWNER_SELECT = [user.firstName, user.lastName, user.email, user.phone].join(",");
/** Above this many ids the filter would make a very long URL; the whole catalogue is read instead. */
const MAX_FILTERED_IDS = 30;

export async function readOpportunity(api: DataverseWebApi, id: string): Promise<OpportunityReading | null> {
  const opportunityId = guid(id, "The opportunity id");
  const resource = `${opportunityTable.entitySet}(${opportunityId})`;
  const row = await api.getOrNull(resource, { $expand: EXPAND });
  if (row === null) return null;
  const { etag, modifiedOn } = versionOf(api, row, resource);
  const ownerId = ownerIdOf(row);
  const [owner, solutionCatalog] = await Promise.all([
    ownerId === null ? Promise.resolve(null) : readOwner(api, ownerId),
    readCatalogEntries(api, productIdsOf(row)),
  ]);
  return { id: opportunityId, snapshot: snapshotOf(row, owner, solutionCatalog), etag, modifiedOn };
}

/** The row's ETag and modifiedon. @throws ApiError (malformed) when Dataverse left either out. */
export function versionOf(api: DataverseWebApi, row: Row, resource: string): { etag: string; modifiedOn: string } {
  const etag = row["@odata.etag"];
  const modifiedOn = row[columns.modifiedOn];
  if (typeof etag !== "string" || typeof modifiedOn !== "string") {
    throw api.malformed("GET", resource, "the row has no @odata.etag or modifiedon");
  }
  return { etag, modifiedOn };
}

export function ownerIdOf(row: Row): string | null {
  const ownerId = row[`_${columns.owner}_value`];
  return typeof ownerId === "string" ? ownerId : null;
}

/** The solution ids in the row's csb_products. */
export function productIdsOf(row: Row): string[] {
  return solutionIdsOfColumn(row[opportunityTable.cosellColumns.products]);
}

/** Everything mapping reads, from the expanded row, its owner and its catalogue entries. */
export function snapshotOf(
  row: Row,
  owner: PartnerTeamMember | null,
  solutionCatalog: SolutionCatalogEntry[],
): OpportunitySnapshot {
  const currency = row[columns.currency];
  return {
    opportunity: plainRow(row, [...ACCOUNT_NAVIGATIONS, ...CONTACT_NAVIGATIONS, columns.currency]),
    account: firstRow(row, ACCOUNT_NAVIGATIONS),
    contact: firstRow(row, CONTACT_NAVIGATIONS),
    currencyCode: isRow(currency) ? text(currency[currencyTable.columns.isoCode]) : null,
    solutionCatalog,
    owner,
  };
}

/** The owning user as a referral team member; null when a team owns the row (no systemuser has its id). */
async function readOwner(api: DataverseWebApi, ownerId: string): Promise<PartnerTeamMember | null> {
  const row = await api.getOrNull(`${systemUserTable.entitySet}(${guid(ownerId, "The owner id")})`, {
    $select: OWNER_SELECT,
  });
  return row === null ? null : teamMemberOf(row);
}

export function teamMemberOf(row: Row): PartnerTeamMember {
  return {
    firstName: text(row[user.firstName]),
    lastName: text(row[user.lastName]),
    email: text(row[user.email]),
    phoneNumber: text(row[user.phone]),
  };
}

/** The catalogue entries for these solution ids, matched without regard to case; unknown ids are left out. */
export async function readCatalogEntries(
  api: DataverseWebApi,
  ids: readonly string[],
): Promise<SolutionCatalogEntry[]> {
  if (ids.length === 0) return [];
  const select = `${catalog.solutionId},${catalog.name}`;
  const filter =
    ids.length > MAX_FILTERED_IDS ? undefined : ids.map((id) => `${catalog.solutionId} eq ${literal(id)}`).join(" or ");
  const wanted = new Set(ids.map((id) => id.toUpperCase()));
  const entries = new Map<string, SolutionCatalogEntry>();
  for await (const page of api.pages(partnerCenterSolutionTable.entitySet, { $select: select, $filter: filter })) {
    for (const entry of page) {
      const solutionId = text(entry[catalog.solutionId]);
      if (solutionId === null || !wanted.has(solutionId.toUpperCase())) continue;
      entries.set(solutionId.toUpperCase(), { id: solutionId, name: text(entry[catalog.name]) ?? solutionId });
    }
  }
  return [...entries.values()];
}

function firstRow(row: Row, navigations: readonly string[]): Row | null {
  for (const navigation of navigations) {
    const related = row[navigation];
    if (isRow(related)) return plainRow(related, []);
  }
  return null;
}

/** The row without OData annotations and without the expanded navigations. */
function plainRow(row: Row, navigations: readonly string[]): Row {
  const drop = new Set(navigations);
  return Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith("@odata.") && !drop.has(key)));
}

function isRow(value: unknown): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
