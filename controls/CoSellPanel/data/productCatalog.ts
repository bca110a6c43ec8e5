/**
 * The partner's co-sell solutions (csb_partnercentersolution, filled from Partner Center by the sync service): search
 * by name or id for the product picker, and names for the ids already on the opportunity.
 */
import { type SolutionCatalogEntry, partnerCenterSolutionTable, toText } from "../../../core";
import { type DataverseReader, odataQuery, odataString } from "./dataverse";

const table = partnerCenterSolutionTable;
const { name: nameColumn, solutionId: idColumn } = table.columns;

export const maxSuggestions = 10;
/** Above this many ids the filter would make a very long URL; ids beyond it are shown without names. */
const maxNamedIds = 30;

export interface ProductCatalog {
  search(text: string): Promise<SolutionCatalogEntry[]>;
  namesOf(ids: readonly string[]): Promise<SolutionCatalogEntry[]>;
}

export function productCatalogOf(reader: DataverseReader): ProductCatalog {
  return {
    search: (text) => searchSolutions(reader, text),
    namesOf: (ids) => namesOfSolutions(reader, ids),
  };
}

/** Solutions whose name or id contains `text` (case-insensitive in Dataverse), by name, at most maxSuggestions. */
export function searchSolutions(reader: DataverseReader, text: string): Promise<SolutionCatalogEntry[]> {
  const wanted = text.trim();
  if (wanted === "") return Promise.resolve([]);
  const literal = odataString(wanted);
  const query = odataQuery({
    $select: `${nameColumn},${idColumn}`,
    $filter: `contains(${nameColumn},${literal}) or contains(${idColumn},${literal})`,
    $orderby: nameColumn,
    $top: String(maxSuggestions),
  });
  return reader.retrieveMultiple(table.logicalName, query).then(entriesOf);
}

export function namesOfSolutions(reader: DataverseReader, ids: readonly string[]): Promise<SolutionCatalogEntry[]> {
  const named = ids.slice(0, maxNamedIds);
  if (named.length === 0) return Promise.resolve([]);
  const query = odataQuery({
    $select: `${nameColumn},${idColumn}`,
    $filter: named.map((id) => `${idColumn} eq ${odataString(id)}`).join(" or "),
  });
  return reader.retrieveMultiple(table.logicalName, query).then(entriesOf);
}

function entriesOf(rows: readonly Readonly<Record<string, unknown>>[]): SolutionCatalogEntry[] {
  const entries: SolutionCatalogEntry[] = [];
  for (const row of rows) {
    const id = toText(row[idColumn]);
    if (id !== null) entries.push({ id, name: toText(row[nameColumn]) ?? id });
  }
  return entries;
}
