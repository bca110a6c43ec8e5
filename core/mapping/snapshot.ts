/**
 * What the sync reads from Dataverse for one opportunity: the row itself, its account and customer contact, the ISO
 * code of its currency and, for names, the catalogue entries of its co-sell solutions.
 */

/** A row as the Dataverse Web API returns it: logical column names to JSON values. */
export type DataverseRow = Readonly<Record<string, unknown>>;

export interface SolutionCatalogEntry {
  /** The Partner Center solution id, "SOL-...". */
  id: string;
  name: string;
}

/** The partner's seller who owns the opportunity; becomes the referral's team. */
export interface PartnerTeamMember {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phoneNumber: string | null;
}

export interface OpportunitySnapshot {
  opportunity: DataverseRow;
  account: DataverseRow | null;
  contact: DataverseRow | null;
  /** ISO 4217 code of the opportunity's transaction currency, read through its transactioncurrencyid lookup. */
  currencyCode: string | null;
  solutionCatalog?: readonly SolutionCatalogEntry[];
  owner?: PartnerTeamMember | null;
}
