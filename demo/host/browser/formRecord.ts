/**
 * The opportunity as the form holds it: the values last read from Dataverse and the seller's unsaved changes (from
 * the control's outputs, the form's own fields and the scripts' setValue). The control, the Summary fields and the
 * scripts' Xrm attributes all read this one record. Saving PATCHes only the changed columns, then reads the record
 * again, as a Dynamics form does. Lookups are read (id, name, table) but not changed on this demo form.
 */
import { opportunityTable } from "../../../core/dataverse/schema";
import { rawOfWebApi, sameRaw, webApiOfRaw, type RawValue } from "./columnValues";
import { callWebApi } from "./dataverseClient";
import { lookupColumns, valueColumns, type ValueColumn } from "./formColumns";

/** A lookup's value as the Web API annotates `_<column>_value`. */
export interface LookupReference {
  /** Lower case, without braces. */
  readonly id: string;
  readonly name: string | null;
  readonly table: string;
}

const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
const LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname";

export class FormRecord {
  private saved = new Map<string, RawValue>();
  private readonly changed = new Map<string, RawValue>();
  private lookups = new Map<string, LookupReference | null>();
  private currency: string | null = null;
  private readonly columns = valueColumns();
  private readonly lookupNames = lookupColumns();

  constructor(readonly id: string) {}

  /** Reads the record and forgets unsaved changes. @throws WebApiError, e.g. 404 for an id that doesn't exist. */
  async load(): Promise<void> {
    const select = [
      ...this.columns.map((column) => column.column),
      ...this.lookupNames.map((name) => `_${name}_value`),
    ].join(",");
    const expand = `${opportunityTable.columns.currency}($select=isocurrencycode)`;
    const answer = await callWebApi(
      "GET",
      `${opportunityTable.entitySet}(${this.id})?$select=${select}&$expand=${expand}`,
    );
    const row = answer.body ?? {};
    this.saved = new Map(this.columns.map((column) => [column.column, rawOfWebApi(column.type, row[column.column])]));
    this.lookups = new Map(this.lookupNames.map((name) => [name, lookupOf(row, name)]));
    this.changed.clear();
    const currency = row[opportunityTable.columns.currency] as { isocurrencycode?: unknown } | null | undefined;
    this.currency = typeof currency?.isocurrencycode === "string" ? currency.isocurrencycode : null;
  }

  value(column: ValueColumn): RawValue {
    return this.changed.has(column.column) ? (this.changed.get(column.column) ?? null) : this.savedValue(column);
  }

  /** Records a change; false when the value is what the form already holds. */
  set(column: ValueColumn, value: RawValue): boolean {
    if (sameRaw(this.value(column), value)) return false;
    if (sameRaw(this.savedValue(column), value)) this.changed.delete(column.column);
    else this.changed.set(column.column, value);
    return true;
  }

  /** Whether the column holds an unsaved change. */
  isChanged(column: string): boolean {
    return this.changed.has(column);
  }

  get isDirty(): boolean {
    return this.changed.size > 0;
  }

  /** A lookup column's value, or null when it is empty (or not a lookup of the form). */
  lookup(column: string): LookupReference | null {
    return this.lookups.get(column) ?? null;
  }

  /** The ISO code of the record's currency, for formatting its money columns. */
  get currencyCode(): string | null {
    return this.currency;
  }

  /** PATCHes the changed columns and reads the record again. @throws WebApiError when Dataverse refuses. */
  async save(): Promise<void> {
    if (this.changed.size === 0) return;
    const body: Record<string, unknown> = {};
    for (const column of this.columns) {
      if (this.changed.has(column.column)) body[column.column] = webApiOfRaw(column.type, this.value(column));
    }
    // If-Match: * makes the PATCH an update only: a record deleted meanwhile is reported, not created again.
    await callWebApi("PATCH", `${opportunityTable.entitySet}(${this.id})`, { body, ifMatch: "*" });
    await this.load();
  }

  /** The value as last read from Dataverse. */
  savedValue(column: ValueColumn): RawValue {
    return this.saved.get(column.column) ?? null;
  }
}

function lookupOf(row: Readonly<Record<string, unknown>>, column: string): LookupReference | null {
  const key = `_${column}_value`;
  const id = row[key];
  const table = row[`${key}${LOOKUP_TABLE}`];
  const name = row[`${key}${FORMATTED}`];
  if (typeof id !== "string" || id === "") return null;
  return {
    id: id.toLowerCase(),
    name: typeof name === "string" ? name : null,
    table: typeof table === "string" ? table : "",
  };
}
