/**
 * The OpportunitySnapshot core validates (core/mapping/snapshot.ts), built from what the seller sees: opportunity
 * columns from the form (unsaved edits included), columns the form does not hold from the saved row, and the
 * account, contact and currency rows the lookups point at. Rows are read once and kept, so that OnSave, which must
 * decide synchronously (preventDefault only works synchronously, form-onsave docs), can usually validate at once.
 */
import { accountTable, contactTable, currencyTable, opportunityTable } from "../../core/dataverse/schema";
import type { FieldMapping } from "../../core/mapping/fields";
import type { OpportunitySnapshot } from "../../core/mapping/snapshot";
import type { DataverseReader, Row } from "../dataverse/dataverseReader";
import { attributeOf, lookupIdOf, recordIdOf, webApiValueOf } from "./formValues";

interface RowRead {
  readonly table: string;
  readonly id: string;
  readonly columns: readonly string[];
}

interface Related {
  readonly account: RowRead | null;
  readonly contact: RowRead | null;
  readonly currency: RowRead | null;
}

const { columns } = opportunityTable;
const CUSTOMER = columns.customer;

/** The opportunity columns the mapping reads; the currency lookup is read through its own row. */
function opportunityColumns(mapping: FieldMapping): string[] {
  const mapped = Object.values(mapping)
    .filter((entry) => entry.table === "opportunity" && entry.kind !== "currencyCode")
    .map((entry) => entry.column);
  return [...new Set([...mapped, opportunityTable.cosellColumns.referralId])];
}

function tableColumns(mapping: FieldMapping, table: "account" | "contact"): string[] {
  return [
    ...new Set(
      Object.values(mapping)
        .filter((entry) => entry.table === table)
        .map((entry) => entry.column),
    ),
  ];
}

/** A lookup's id from the form, or from the saved row (`_name_value`) when the form lacks every candidate. */
function lookupId(form: Xrm.FormContext, saved: Row, candidates: readonly string[], table: string): string | null {
  const onForm = candidates.filter((name) => attributeOf(form, name) !== null);
  if (onForm.length === 0) {
    const value = saved[`_${candidates[0] ?? ""}_value`];
    return typeof value === "string" ? value.toLowerCase() : null;
  }
  for (const name of onForm) {
    const id = lookupIdOf(form, name, name === CUSTOMER ? table : undefined);
    if (id !== null) return id;
  }
  return null;
}

function savedRead(form: Xrm.FormContext, mapping: FieldMapping): RowRead | null {
  const id = recordIdOf(form);
  if (id === null) return null;
  const missing = opportunityColumns(mapping).filter((column) => attributeOf(form, column) === null);
  const lookups = [columns.account, columns.contact, columns.currency]
    .filter((name) => attributeOf(form, name) === null)
    .map((name) => `_${name}_value`);
  const wanted = [...missing, ...lookups];
  return wanted.length === 0 ? null : { table: opportunityTable.logicalName, id, columns: wanted };
}

function relatedReads(form: Xrm.FormContext, mapping: FieldMapping, saved: Row): Related {
  const read = (table: string, id: string | null, wanted: readonly string[]): RowRead | null =>
    id === null || wanted.length === 0 ? null : { table, id, columns: wanted };
  const accountId = lookupId(form, saved, [columns.account, CUSTOMER], accountTable.logicalName);
  const contactId = lookupId(form, saved, [columns.contact, CUSTOMER], contactTable.logicalName);
  const currencyId = lookupId(form, saved, [columns.currency], currencyTable.logicalName);
  return {
    account: read(accountTable.logicalName, accountId, tableColumns(mapping, "account")),
    contact: read(contactTable.logicalName, contactId, tableColumns(mapping, "contact")),
    currency: read(currencyTable.logicalName, currencyId, [currencyTable.columns.isoCode]),
  };
}

function keyOf(read: RowRead): string {
  return `${read.table}(${read.id})?${read.columns.join(",")}`;
}

export class SnapshotSource {
  private readonly rows = new Map<string, Row>();

  constructor(private readonly reader: () => DataverseReader) {}

  /** Forget every row read (after a save, whose lookups may now point elsewhere). */
  forget(): void {
    this.rows.clear();
  }

  /** The snapshot from the form and rows already read, or null while a row it needs has not been read yet. */
  now(form: Xrm.FormContext, mapping: FieldMapping): OpportunitySnapshot | null {
    const savedPlan = savedRead(form, mapping);
    const saved = savedPlan === null ? {} : this.rows.get(keyOf(savedPlan));
    if (saved === undefined) return null;
    const related = relatedReads(form, mapping, saved);
    const rowOf = (read: RowRead | null) => (read === null ? null : this.rows.get(keyOf(read)));
    const [account, contact, currency] = [rowOf(related.account), rowOf(related.contact), rowOf(related.currency)];
    if (account === undefined || contact === undefined || currency === undefined) return null;
    return build(form, mapping, saved, account, contact, currency);
  }

  /** Reads what is missing, then builds the snapshot. */
  async load(form: Xrm.FormContext, mapping: FieldMapping): Promise<OpportunitySnapshot> {
    const savedPlan = savedRead(form, mapping);
    const saved = savedPlan === null ? {} : await this.read(savedPlan);
    const related = relatedReads(form, mapping, saved);
    const [account, contact, currency] = await Promise.all(
      [related.account, related.contact, related.currency].map((read) =>
        read === null ? Promise.resolve(null) : this.read(read),
      ),
    );
    return build(form, mapping, saved, account ?? null, contact ?? null, currency ?? null);
  }

  private async read(read: RowRead): Promise<Row> {
    const key = keyOf(read);
    const known = this.rows.get(key);
    if (known !== undefined) return known;
    const row = await this.reader().retrieve(read.table, read.id, read.columns);
    this.rows.set(key, row);
    return row;
  }
}

function build(
  form: Xrm.FormContext,
  mapping: FieldMapping,
  saved: Row,
  account: Row | null,
  contact: Row | null,
  currency: Row | null,
): OpportunitySnapshot {
  const opportunity: Record<string, unknown> = { [opportunityTable.primaryKey]: recordIdOf(form) };
  for (const column of opportunityColumns(mapping)) {
    const attribute = attributeOf(form, column);
    opportunity[column] = attribute === null ? (saved[column] ?? null) : webApiValueOf(attribute);
  }
  const isoCode = currency?.[currencyTable.columns.isoCode];
  return { opportunity, account, contact, currencyCode: typeof isoCode === "string" ? isoCode : null };
}
