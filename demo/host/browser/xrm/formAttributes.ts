/**
 * formContext.getAttribute(name): one attribute per column of the form definition, over the form's record (the one
 * the control and the fields show). Values are what the platform gives scripts: booleans, option numbers and arrays,
 * strings, Dates, lookups as `[{ id: "{GUID}", name, entityType }]`; a column the user may not read is null.
 * OnChange runs the form definition's handlers for the column, then those scripts added, when the seller or the
 * control changes the value or a script calls fireOnChange; setValue by a script does not fire it, as in Dynamics
 * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/attributes/setvalue).
 */
import type { ScriptFunction } from "../../../../solution/definition/model";
import type { PageOptions } from "../../shared/pageOptions";
import type { RawValue } from "../columnValues";
import type { FormColumn } from "../formColumns";
import type { FormRecord } from "../formRecord";
import { reportError } from "../hostConsole";
import type { Handler } from "./formEvents";
import { callAdded, type ScriptFailureNotice, type ScriptFunctions } from "./scriptFunctions";
import { guardXrm, reportXrmGap } from "./xrmGuard";

/** What an attribute needs from the form around it. */
export interface AttributeHost {
  readonly record: FormRecord;
  readonly options: PageOptions;
  readonly scripts: ScriptFunctions;
  readonly notice: ScriptFailureNotice;
  /** A script changed these columns: show the new values (no OnChange). */
  scriptChanged(columns: readonly string[]): void;
  /** The execution context of one OnChange of `attribute`. */
  changeContext(attribute: object): object;
}

const ATTRIBUTE_TYPES: Readonly<Record<FormColumn["type"], string>> = {
  TwoOptions: "boolean",
  OptionSet: "optionset",
  MultiSelectOptionSet: "multiselectoptionset",
  "SingleLine.Text": "string",
  "SingleLine.URL": "string",
  Multiple: "memo",
  Currency: "money",
  "DateAndTime.DateAndTime": "datetime",
  "DateAndTime.DateOnly": "datetime",
  Lookup: "lookup",
};

/** Whether `value` has the type Xrm's setValue takes for the column; [] stands for "no option" and is stored null. */
function acceptable(type: FormColumn["type"], value: unknown): value is RawValue {
  if (value === null) return true;
  switch (type) {
    case "TwoOptions":
      return typeof value === "boolean";
    case "OptionSet":
    case "Currency":
      return typeof value === "number" && Number.isFinite(value);
    case "MultiSelectOptionSet":
      return Array.isArray(value) && value.every((item) => typeof item === "number");
    case "DateAndTime.DateAndTime":
    case "DateAndTime.DateOnly":
      return value instanceof Date && !Number.isNaN(value.getTime());
    case "Lookup":
      return false;
    default:
      return typeof value === "string";
  }
}

export class FormAttribute {
  private readonly added: Handler[] = [];
  /** The guarded attribute, which handlers see as their event source. */
  private source: object = this;

  constructor(
    private readonly column: FormColumn,
    private readonly formHandlers: readonly ScriptFunction[],
    private readonly host: AttributeHost,
  ) {}

  getName(): string {
    return this.column.column;
  }

  getAttributeType(): string {
    return ATTRIBUTE_TYPES[this.column.type];
  }

  getValue(): unknown {
    const { column, host } = this;
    const property = column.property?.name;
    if (property !== undefined && host.options.masked.includes(property)) return null;
    if (column.type === "Lookup") {
      const lookup = host.record.lookup(column.column);
      return lookup === null
        ? null
        : [{ id: `{${lookup.id.toUpperCase()}}`, name: lookup.name, entityType: lookup.table }];
    }
    return host.record.value({ column: column.column, type: column.type });
  }

  setValue(value: unknown): void {
    const { column, host } = this;
    if (column.type === "Lookup") {
      reportXrmGap(`formContext.getAttribute("${column.column}").setValue (lookups are read-only on this demo form)`);
      return;
    }
    const stored = Array.isArray(value) && value.length === 0 ? null : value;
    if (!acceptable(column.type, stored)) {
      reportError(
        `setValue(${JSON.stringify(value)}) on ${column.column}: the value is not a ${this.getAttributeType()}.`,
      );
      return;
    }
    if (host.record.set({ column: column.column, type: column.type }, stored)) host.scriptChanged([column.column]);
  }

  getIsDirty(): boolean {
    return this.host.record.isChanged(this.column.column);
  }

  addOnChange(handler: Handler): void {
    if (typeof handler === "function") this.added.push(handler);
  }

  removeOnChange(handler: Handler): void {
    const index = this.added.indexOf(handler);
    if (index >= 0) this.added.splice(index, 1);
  }

  fireOnChange(): void {
    this.runOnChange();
  }

  /** What scripts hold instead of this object: the guarded attribute. */
  seenAs(guarded: object): void {
    this.source = guarded;
  }

  /** Runs the OnChange pipeline: the form definition's handlers, then those the scripts added. */
  runOnChange(): void {
    const context = this.host.changeContext(this.source);
    for (const handler of this.formHandlers) this.host.scripts.call(handler, context);
    for (const handler of [...this.added]) callAdded(handler, this.host.notice, context);
  }
}

/** The form's attributes by column, as scripts see them (guarded), and their OnChange pipelines. */
export class FormAttributes {
  private readonly byColumn = new Map<string, { readonly attribute: FormAttribute; readonly guarded: object }>();

  constructor(columns: readonly FormColumn[], handlersOf: (column: string) => ScriptFunction[], host: AttributeHost) {
    for (const column of columns) {
      const attribute = new FormAttribute(column, handlersOf(column.column), host);
      const guarded = guardXrm(attribute, `formContext.getAttribute("${column.column}")`);
      attribute.seenAs(guarded);
      this.byColumn.set(column.column, { attribute, guarded });
    }
  }

  /** What getAttribute(name) returns: the guarded attribute, or null when the form does not hold the column. */
  get(name: string): object | null {
    return this.byColumn.get(name.toLowerCase())?.guarded ?? null;
  }

  all(): object[] {
    return [...this.byColumn.values()].map((entry) => entry.guarded);
  }

  /** Fires OnChange of each column (the seller or the control changed it). */
  fireOnChange(columns: readonly string[]): void {
    for (const column of columns) this.byColumn.get(column)?.attribute.runOnChange();
  }
}
