/**
 * The co-sell solutions of a deal: a text column (csb_products) in Dynamics holding solution ids separated by commas,
 * semicolons or line breaks, and details.requirements.solutions in the referral.
 */
import type { SolutionTag } from "../referral/model";
import type { SolutionCatalogEntry } from "./snapshot";

/** Unique ids in sorted order; ids differing only in letter case count once. */
export function normalizeSolutionIds(ids: Iterable<string>): string[] {
  const byFoldedId = new Map<string, string>();
  for (const id of ids) {
    const trimmed = id.trim();
    if (trimmed !== "" && !byFoldedId.has(trimmed.toUpperCase())) byFoldedId.set(trimmed.toUpperCase(), trimmed);
  }
  return [...byFoldedId.entries()].sort(([left], [right]) => (left < right ? -1 : 1)).map(([, id]) => id);
}

export function solutionIdsOfColumn(raw: unknown): string[] {
  return typeof raw === "string" ? normalizeSolutionIds(raw.split(/[,;\r\n]+/)) : [];
}

export function columnOfSolutionIds(ids: readonly string[]): string | null {
  return ids.length === 0 ? null : normalizeSolutionIds(ids).join(", ");
}

export function solutionIdsOfTags(tags: readonly SolutionTag[] | null | undefined): string[] {
  return normalizeSolutionIds((tags ?? []).map((tag) => tag.id).filter((id) => typeof id === "string"));
}

/** Solution tags for a referral, named from the catalogue where it knows the id. */
export function tagsOfSolutionIds(
  ids: readonly string[],
  catalog: readonly SolutionCatalogEntry[] = [],
): SolutionTag[] {
  return normalizeSolutionIds(ids).map((id) => {
    const name = catalog.find((entry) => entry.id.toUpperCase() === id.toUpperCase())?.name;
    return name === undefined ? { id, type: "Name" } : { id, name, type: "Name" };
  });
}
