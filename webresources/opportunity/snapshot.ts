/**
 * The OpportunitySnapshot core validates (core/mapping/snapshot.ts), built from what the seller sees: opportunity
 * columns from the form (unsaved edits included), columns the form does not hold from the saved row, and the
 * account, contact and currency rows the lookups point at. Rows are read once and kept, so that OnSave, which must
 * decide synchronously (preventDefault only works synchronously, form-onsave docs), can usually validate at once.
 */
import {
  accountTable,
  contactTable,
  cosellColumns,
  currencyTable,
  opportunityStandardColumns as columns,
  opportunityTable,
} from "../../core/dataverse/schema";
import type { DataverseTable, FieldMapping } from "../../core/mapping/fields";
import type { OpportunitySnapshot } from "../../core/mapping/snapshot";
import type { DataverseReader, Row } from "../dataverse/dataverseReader";
import { attributeOf, lookupIdOf, recordIdOf, webApiValueOf } from "./formValues";

/** One row to read: its table, its id and the columns wanted. */
interface RowRead {
  readonly table: string;
  readonly id: string;
  readonly columns: readonly string[];
}

/** The snapshot, or the rows it still needs before it can be built. */
type Assembly = { readonly snapshot: OpportunitySnapshot } | { readonly missing: readonly RowRead[] };

const CUSTOMER = columns.customer;
/** The lookups the snapshot follows to the account, contact and currency rows. */
const LOOKUPS = [columns.account, columns.contact, columns.currency];

/** The columns of `table` the mapping reads, each once; the currency lookup is read through its own row. */
function mappedColumns(mapping: FieldMapping, table: DataverseTable): string[] {
  const mapped = Object.values(mapping)
    .filter((entry) => entry.table === table && entry.kind !== "currencyCode")
    .map((entry) => entry.column);
  return [...new Set(mapped)];
}

/** The opportunity columns the snapshot holds. */
function opportunityColumns(mapping: FieldMapping): string[] {
  return [...new Set([...mappedColumns(mapping, "opportunity"), cosellColumns.referralId])];
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

/** What the form lacks of the saved opportunity: mapped columns and lookups; null when it lacks nothing. */
function savedRead(form: Xrm.FormContext, mapping: FieldMapping): RowRead | null {
  const id = recordIdOf(form);
  if (id === null) return null;
  const missing = opportunityColumns(mapping).filter((column) => attributeOf(form, column) === null);
  const lookups = LOOKUPS.filter((name) => attributeOf(form, name) === null).map((name) => `_${name}_value`);
  const wanted = [...missing, ...lookups];
  return wanted.length === 0 ? null : { table: opportunityTable.logicalName, id, columns: wanted };
}

/** The account, contact and currency rows the lookups point at (null where there is nothing to read). */
function relatedReads(form: Xrm.FormContext, mapping: FieldMapping, saved: Row): (RowRead | null)[] {
  const read = (table: string, candidates: readonly string[], wanted: readonly string[]): RowRead | null => {
    const id = lookupId(form, saved, candidates, table);
    return id === null || wanted.length === 0 ? null : { table, id, columns: wanted };
  };
  return [
    read(accountTable.logicalName, [columns.account, CUSTOMER], mappedColumns(mapping, "account")),
    read(contactTable.logicalName, [columns.contact, CUSTOMER], mappedColumns(mapping, "contact")),
    read(currencyTable.logicalName, [columns.currency], [currencyTable.columns.isoCode]),
  ];
}

function keyOf(read: RowRead): string {
  return `${read.table}(${read.id})?${read.columns.join(",")}`;
}

/** The snapshot from the form and the rows `rowOf` has, or the rows it lacks. */
function assemble(form: Xrm.FormContext, mapping: FieldMapping, rowOf: (read: RowRead) => Row | undefined): Assembly {
  const savedPlan = savedRead(form, mapping);
  let saved: Row = {};
  if (savedPlan !== null) {
    const row = rowOf(savedPlan);
    if (row === undefined) return { missing: [savedPlan] };
    saved = row;
  }
  const reads = relatedReads(form, mapping, saved);
  const rows = reads.map((read) => (read === null ? null : rowOf(read)));
  const missing = reads.filter((read, index): read is RowRead => read !== null && rows[index] === undefined);
  if (missing.length > 0) return { missing };
  const [account, contact, currency] = rows;
  return { snapshot: build(form, mapping, saved, account ?? null, contact ?? null, currency ?? null) };
}

export interface SnapshotSource {
  /** Forget every row read (after a save, whose lookups may now point elsewhere). */
  forget(): void;
  /** The snapshot from the form and rows already read, or null while a row it needs has not been read yet. */
  now(form: Xrm.FormContext, mapping: FieldMapping): OpportunitySnapshot | null;
  /** Reads what is missing (the saved row first: the others may depend on its lookups), then builds the snapshot. */
  load(form: Xrm.FormContext, mapping: FieldMapping): Promise<OpportunitySnapshot>;
}

export function snapshotSource(reader: () => DataverseReader): SnapshotSource {
  const rows = new Map<string, Row>();

  async function read(wanted: RowRead): Promise<Row> {
    const key = keyOf(wanted);
    const known = rows.get(key);
    if (known !== undefined) return known;
    const row = await reader().retrieve(wanted.table, wanted.id, wanted.columns);
    rows.set(key, row);
    return row;
  }

  return {
    forget() {
      rows.clear();
    },
    now(form, mapping) {
      const assembly = assemble(form, mapping, (wanted) => rows.get(keyOf(wanted)));
      return "snapshot" in assembly ? assembly.snapshot : null;
    },
    async load(form, mapping) {
      // Rows this load read, kept apart from the shared ones, which a save may forget meanwhile.
      const loaded = new Map<string, Row>();
      for (;;) {
        const assembly = assemble(form, mapping, (wanted) => loaded.get(keyOf(wanted)));
        if ("snapshot" in assembly) return assembly.snapshot;
        await Promise.all(
          assembly.missing.map(async (wanted) => {
            loaded.set(keyOf(wanted), await read(wanted));
          }),
        );
      }
    },
  };
}

function build(
  form: Xrm.FormContext,
  mapping: FieldMapping,
  saved: Row,
  account: Row | null,
  contact: Row | null,
  currency: Row | null,
): OpportunitySnapshot {
  const opportunity: Record<string, unknown> = { [columns.id]: recordIdOf(form) };
  for (const column of opportunityColumns(mapping)) {
    const attribute = attributeOf(form, column);
    opportunity[column] = attribute === null ? (saved[column] ?? null) : webApiValueOf(attribute);
  }
  const isoCode = currency?.[currencyTable.columns.isoCode];
  return { opportunity, account, contact, currencyCode: typeof isoCode === "string" ? isoCode : null };
}
