/**
 * The deal as both sides see it: one canonical value per mapped field, whichever system it was read from. The sync
 * reads an opportunity and a referral into this shape, compares them, and writes each difference to the other side.
 */
import type { HelpCode, ReferralSalesStage } from "../referral/enums";

/** Open covers New and Active referrals; Lost covers Lost, Declined and Expired. */
export type DealOutcome = "Open" | "Won" | "Lost";

export interface DealFields {
  name: string | null;
  notes: string | null;
  dealValue: number | null;
  /** ISO 4217, upper case. */
  currency: string | null;
  /** Calendar date, YYYY-MM-DD. */
  closeDate: string | null;
  outcome: DealOutcome | null;
  salesStage: ReferralSalesStage | null;
  /** Sorted by the API's order of codes, no duplicates, never `Unknown`. */
  helpRequested: readonly HelpCode[];
  sharedWithMicrosoft: boolean;
  /** The partner's co-sell solution ids ("SOL-..."), sorted, no duplicates. */
  solutions: readonly string[];
  customerName: string | null;
  customerAddressLine1: string | null;
  customerAddressLine2: string | null;
  customerCity: string | null;
  customerState: string | null;
  customerPostalCode: string | null;
  /** ISO 3166 alpha-2, upper case. */
  customerCountry: string | null;
  contactFirstName: string | null;
  contactLastName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactTitle: string | null;
  microsoftCrmId: string | null;
}

export type MappedField = keyof DealFields;

/** How a field's values are read, compared and written. */
export type FieldKind =
  | "text"
  | "email"
  | "decimal"
  | "currencyCode"
  | "date"
  | "countryCode"
  | "outcome"
  | "salesStage"
  | "helpCodes"
  | "flag"
  | "solutionIds";

/** Which way changes flow. `none` keeps the field out of the sync altogether. */
export type SyncDirection = "both" | "toPartnerCenter" | "toDataverse" | "none";

/** Who wins when both sides changed a field since the last sync. */
export type FieldOwner = "dataverse" | "partnerCenter";

/** The Dataverse tables a mapped field can live on: the opportunity, its account, or its customer contact. */
export type DataverseTable = "opportunity" | "account" | "contact";

export interface FieldMappingEntry {
  field: MappedField;
  /** Words a seller understands, for audit lines and messages. */
  label: string;
  kind: FieldKind;
  /** JSON Pointer into the referral (RFC 6901). */
  referralPath: string;
  table: DataverseTable;
  column: string;
  direction: SyncDirection;
  owner: FieldOwner;
}

export type FieldMapping = Readonly<Record<MappedField, FieldMappingEntry>>;

/** Kinds whose Dataverse column is fixed by the platform or by our solution, so a mapping can't point them elsewhere. */
export const kindsWithFixedColumn: ReadonlySet<FieldKind> = new Set([
  "outcome",
  "currencyCode",
  "salesStage",
  "helpCodes",
]);

export function flowsToPartnerCenter(entry: FieldMappingEntry): boolean {
  return entry.direction === "both" || entry.direction === "toPartnerCenter";
}

export function flowsToDataverse(entry: FieldMappingEntry): boolean {
  return entry.direction === "both" || entry.direction === "toDataverse";
}

/** The fields in a stable order (the order of the default mapping). */
export function mappingEntries(mapping: FieldMapping): FieldMappingEntry[] {
  return Object.values(mapping);
}
