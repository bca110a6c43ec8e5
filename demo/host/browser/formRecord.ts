/**
 * The opportunity as the form holds it: the values last read from Dataverse and the seller's unsaved changes (from
 * the control's outputs and the form's own fields). Saving PATCHes only the changed columns, then reads the record
 * again, as a Dynamics form does.
 */
import { opportunityTable } from "../../../core/dataverse/schema";
import { BOUND_PROPERTIES, type BoundProperty } from "./boundProperties";
import { rawOfWebApi, sameRaw, webApiOfRaw, type RawValue } from "./columnValues";
import { callWebApi } from "./dataverseClient";

export class FormRecord {
  private saved = new Map<string, RawValue>();
  private readonly changed = new Map<string, RawValue>();
  private currency: string | null = null;

  constructor(readonly id: string) {}

  /** Reads the record and forgets unsaved changes. @throws WebApiError, e.g. 404 for an id that doesn't exist. */
  async load(): Promise<void> {
    const select = BOUND_PROPERTIES.map((property) => property.column).join(",");
    const expand = `${opportunityTable.columns.currency}($select=isocurrencycode)`;
    const answer = await callWebApi(
      "GET",
      `${opportunityTable.entitySet}(${this.id})?$select=${select}&$expand=${expand}`,
    );
    const row = answer.body ?? {};
    this.saved = new Map(
      BOUND_PROPERTIES.map((property) => [property.column, rawOfWebApi(property.type, row[property.column])]),
    );
    this.changed.clear();
    const currency = row[opportunityTable.columns.currency] as { isocurrencycode?: unknown } | null | undefined;
    this.currency = typeof currency?.isocurrencycode === "string" ? currency.isocurrencycode : null;
  }

  value(property: BoundProperty): RawValue {
    return this.changed.has(property.column) ? (this.changed.get(property.column) ?? null) : this.savedValue(property);
  }

  /** Records a change; false when the value is what the form already holds. */
  set(property: BoundProperty, value: RawValue): boolean {
    if (sameRaw(this.value(property), value)) return false;
    if (sameRaw(this.savedValue(property), value)) this.changed.delete(property.column);
    else this.changed.set(property.column, value);
    return true;
  }

  get isDirty(): boolean {
    return this.changed.size > 0;
  }

  /** The ISO code of the record's currency, for formatting its money columns. */
  get currencyCode(): string | null {
    return this.currency;
  }

  /** PATCHes the changed columns and reads the record again. @throws WebApiError when Dataverse refuses. */
  async save(): Promise<void> {
    if (this.changed.size === 0) return;
    const body: Record<string, unknown> = {};
    for (const property of BOUND_PROPERTIES) {
      if (this.changed.has(property.column)) body[property.column] = webApiOfRaw(property.type, this.value(property));
    }
    // If-Match: * makes the PATCH an update only: a record deleted meanwhile is reported, not created again.
    await callWebApi("PATCH", `${opportunityTable.entitySet}(${this.id})`, { body, ifMatch: "*" });
    await this.load();
  }

  /** The value as last read from Dataverse. */
  savedValue(property: BoundProperty): RawValue {
    return this.saved.get(property.column) ?? null;
  }
}
