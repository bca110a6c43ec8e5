/**
 * Reads many opportunities at once, exactly as readOpportunity (opportunityReader.ts) reads one, in two `$batch`
 * requests (dataverse.md §4.3) instead of three requests per opportunity: first each row by id with its account,
 * contact and currency expanded; then, in parallel, one batch with each distinct owner and one query for the
 * catalogue entries of all their csb_products. Each opportunity gets its own outcome, so a row that is refused or
 * comes back without its ETag fails that opportunity alone; a failed batch fails them all, as it would have failed
 * each of their reads.
 */
import { opportunityTable, systemUserTable, type PartnerTeamMember, type SolutionCatalogEntry } from "../../../core";
import type { Settled } from "../../batching/settled";
import type { OpportunityReading } from "../../sync/ports";
import { guid } from "../http/odata";
import type { BatchPart, BatchPartAnswer } from "./batchMultipart";
import {
  EXPAND,
  OWNER_SELECT,
  ownerIdOf,
  productIdsOf,
  readCatalogEntries,
  snapshotOf,
  teamMemberOf,
  versionOf,
} from "./opportunityReader";
import type { DataverseWebApi, Row } from "./webApi";

/** Each part's row (null for 404), or the error its answer stands for. */
async function getEach(api: DataverseWebApi, parts: readonly BatchPart[]): Promise<Settled<Row | null>[]> {
  if (parts.length === 0) return [];
  const answers = await api.batch(parts);
  return parts.map((part, index): Settled<Row | null> => {
    const answer: BatchPartAnswer | undefined = answers[index];
    if (answer?.status === 404) return { ok: true, value: null };
    if (answer !== undefined && answer.status >= 200 && answer.status < 300) {
      const { body } = answer;
      if (typeof body === "object" && body !== null && !Array.isArray(body)) return { ok: true, value: body as Row };
      return { ok: false, error: api.malformed(part.method, part.url, "its answer is not a JSON object") };
    }
    return { ok: false, error: api.partFailure(part, answer ?? notRun()) };
  });
}

/** The stand-in answer of a part Dataverse did not run (it stops at a failure unless continue-on-error works). */
export function notRun(): BatchPartAnswer {
  const body = { error: { code: "", message: "Dataverse did not run this request of the batch" } };
  return { status: 503, headers: new Headers(), body };
}

/** Owners by lower-case id; a failed or missing owner is left out (the opportunity then shows no owner error). */
async function readOwners(api: DataverseWebApi, ownerIds: readonly string[]) {
  const parts = ownerIds.map((id) =>
    api.getPart(`${systemUserTable.entitySet}(${guid(id, "The owner id")})`, { $select: OWNER_SELECT }),
  );
  const rows = await getEach(api, parts);
  const owners = new Map<string, Settled<PartnerTeamMember | null>>();
  ownerIds.forEach((id, index) => {
    const row = rows[index];
    if (row === undefined) return;
    owners.set(id, row.ok ? { ok: true, value: row.value === null ? null : teamMemberOf(row.value) } : row);
  });
  return owners;
}

/** The entries among `all` that the row names, in the order readCatalogEntries returned them. */
function entriesOf(row: Row, all: readonly SolutionCatalogEntry[]): SolutionCatalogEntry[] {
  const wanted = new Set(productIdsOf(row).map((id) => id.toUpperCase()));
  return all.filter((entry) => wanted.has(entry.id.toUpperCase()));
}

function readingOf(
  api: DataverseWebApi,
  id: string,
  row: Row,
  owners: ReadonlyMap<string, Settled<PartnerTeamMember | null>>,
  catalogue: readonly SolutionCatalogEntry[],
): Settled<OpportunityReading> {
  try {
    const { etag, modifiedOn } = versionOf(api, row, `${opportunityTable.entitySet}(${id})`);
    const ownerId = ownerIdOf(row)?.toLowerCase() ?? null;
    const owner = ownerId === null ? { ok: true as const, value: null } : owners.get(ownerId);
    if (owner !== undefined && !owner.ok) return owner;
    const snapshot = snapshotOf(row, owner?.value ?? null, entriesOf(row, catalogue));
    return { ok: true, value: { id, snapshot, etag, modifiedOn } };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * The reading of each id, or null for an opportunity that doesn't exist.
 * @throws ApiError when a batch fails as a whole (throttled, unreachable): every read would have failed alike.
 */
export async function readOpportunities(
  api: DataverseWebApi,
  ids: readonly string[],
): Promise<Map<string, Settled<OpportunityReading | null>>> {
  const wanted = [...new Set(ids.map((id) => guid(id, "The opportunity id")))];
  const parts = wanted.map((id) => api.getPart(`${opportunityTable.entitySet}(${id})`, { $expand: EXPAND }));
  const rows = await getEach(api, parts);
  const found = rows.flatMap((row) => (row.ok && row.value !== null ? [row.value] : []));
  const ownerIds = [...new Set(found.flatMap((row) => ownerIdOf(row)?.toLowerCase() ?? []))];
  const productIds = [...new Map(found.flatMap(productIdsOf).map((id) => [id.toUpperCase(), id])).values()];
  const [owners, catalogue] = await Promise.all([readOwners(api, ownerIds), readCatalogEntries(api, productIds)]);
  const outcomes = new Map<string, Settled<OpportunityReading | null>>();
  wanted.forEach((id, index) => {
    const row = rows[index];
    if (row === undefined || (row.ok && row.value === null)) outcomes.set(id, { ok: true, value: null });
    else if (!row.ok) outcomes.set(id, row);
    else if (row.value !== null) outcomes.set(id, readingOf(api, id, row.value, owners, catalogue));
  });
  return outcomes;
}
