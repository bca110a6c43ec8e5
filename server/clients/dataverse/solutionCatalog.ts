/**
 * Keeps csb_partnercentersolution equal to the partner's co-sell catalogue: one row per solution id (compared without
 * regard to case), created when missing, renamed when Partner Center renamed it, and removed when the solution left
 * the catalogue (csb_products holds ids as text, so no lookup points at these rows).
 */
import { partnerCenterSolutionTable, type SolutionCatalogEntry } from "../../../core";
import type { DataverseWebApi, Row } from "./webApi";

const { entitySet, primaryKey, columns } = partnerCenterSolutionTable;

export interface CatalogChanges {
  created: number;
  updated: number;
  /** Rows of solutions no longer in the catalogue, and duplicate rows of one solution. */
  removed: number;
}

export async function replaceSolutionCatalog(
  api: DataverseWebApi,
  entries: readonly SolutionCatalogEntry[],
): Promise<CatalogChanges> {
  const existing = new Map<string, Row>();
  const changes: CatalogChanges = { created: 0, updated: 0, removed: 0 };
  const query = { $select: [primaryKey, columns.solutionId, columns.name].join(",") };
  const surplus: string[] = [];
  for await (const page of api.pages(entitySet, query)) {
    for (const row of page) {
      const solutionId = row[columns.solutionId];
      const key = typeof solutionId === "string" ? solutionId.toUpperCase() : "";
      if (existing.has(key)) surplus.push(String(row[primaryKey]));
      else existing.set(key, row);
    }
  }
  const wanted = new Map(entries.map((entry) => [entry.id.toUpperCase(), entry]));
  for (const [key, entry] of wanted) {
    const values = { [columns.solutionId]: entry.id, [columns.name]: entry.name };
    const row = existing.get(key);
    if (row === undefined) {
      await api.create(entitySet, values);
      changes.created += 1;
    } else if (row[columns.solutionId] !== entry.id || row[columns.name] !== entry.name) {
      await api.update(entitySet, String(row[primaryKey]), values);
      changes.updated += 1;
    }
  }
  for (const [key, row] of existing) if (!wanted.has(key)) surplus.push(String(row[primaryKey]));
  for (const id of surplus) {
    await api.delete(entitySet, id);
    changes.removed += 1;
  }
  return changes;
}
