/**
 * Reads the saved opportunity with its account, customer contact and currency in one request, as the snapshot core's
 * validation takes (core/mapping/snapshot.ts). Every column of the row is read, because the admin's field mapping
 * may name any column; the account and contact fall back to the polymorphic customer lookup, as the sync service
 * reads them (server/clients/dataverse/opportunityReader.ts).
 */
import {
  type DataverseRow,
  type OpportunitySnapshot,
  accountTable,
  contactTable,
  currencyTable,
  opportunityTable,
} from "../../../core";
import { type DataverseReader, odataQuery } from "./dataverse";

const columns = opportunityTable.columns;
const accountNavigations = [columns.account, `${columns.customer}_${accountTable.logicalName}`] as const;
const contactNavigations = [columns.contact, `${columns.customer}_${contactTable.logicalName}`] as const;

export const opportunitySnapshotQuery = odataQuery({
  $expand: [
    ...accountNavigations,
    ...contactNavigations,
    `${columns.currency}($select=${currencyTable.columns.isoCode})`,
  ].join(","),
});

export function readOpportunitySnapshot(reader: DataverseReader, id: string): Promise<OpportunitySnapshot> {
  return reader.retrieveRecord(opportunityTable.logicalName, id, opportunitySnapshotQuery).then(snapshotOf);
}

function snapshotOf(row: DataverseRow): OpportunitySnapshot {
  const currency = row[columns.currency];
  const isoCode = isRow(currency) ? currency[currencyTable.columns.isoCode] : null;
  return {
    opportunity: plainRow(row, [...accountNavigations, ...contactNavigations, columns.currency]),
    account: firstRelated(row, accountNavigations),
    contact: firstRelated(row, contactNavigations),
    currencyCode: typeof isoCode === "string" && isoCode !== "" ? isoCode : null,
  };
}

function firstRelated(row: DataverseRow, navigations: readonly string[]): DataverseRow | null {
  for (const navigation of navigations) {
    const related = row[navigation];
    if (isRow(related)) return plainRow(related, []);
  }
  return null;
}

/** The row without OData annotations and without the expanded navigations. */
function plainRow(row: DataverseRow, navigations: readonly string[]): DataverseRow {
  const dropped = new Set(navigations);
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(row)) if (!key.includes("@") && !dropped.has(key)) plain[key] = row[key];
  return plain;
}

function isRow(value: unknown): value is DataverseRow {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
