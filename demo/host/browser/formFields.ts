/**
 * The standard field controls of the form's visible sections, from the form definition's cells: text, number and
 * date inputs the seller edits, a text area for memo columns, and lookups shown read-only (this demo form does not
 * pick records). Under each field is the place for its control notification (Xrm's control.setNotification), tied
 * to the input with aria-describedby and aria-invalid, as the platform shows a control's error under it.
 */
import type { PageOptions } from "../shared/pageOptions";
import { dateOnly, isoDateOf, type RawValue } from "./columnValues";
import type { FormColumn, ValueColumn } from "./formColumns";
import type { LookupReference } from "./formRecord";
import type { HostStrings } from "./hostStrings";

/** What the fields show: the record's current values. */
export interface FieldValues {
  value(column: ValueColumn): RawValue;
  lookup(column: string): LookupReference | null;
}

export interface FormField {
  readonly column: FormColumn;
  readonly element: HTMLElement;
  readonly input: HTMLInputElement | HTMLTextAreaElement;
  readonly notification: HTMLElement;
}

/** The Summary fields' words in the page's language; other columns keep the definition's label. */
function labelOf(column: FormColumn, strings: HostStrings): string {
  const labels: Readonly<Record<string, string>> = {
    name: strings.topic,
    parentaccountid: strings.account,
    parentcontactid: strings.contact,
    transactioncurrencyid: strings.currency,
    estimatedvalue: strings.dealValue,
    estimatedclosedate: strings.closeDate,
    description: strings.description,
  };
  return labels[column.column] ?? column.label;
}

function inputFor(column: FormColumn): HTMLInputElement | HTMLTextAreaElement {
  if (column.type === "Multiple") return document.createElement("textarea");
  const input = document.createElement("input");
  const types: Partial<Record<FormColumn["type"], string>> = { Currency: "number", "DateAndTime.DateOnly": "date" };
  input.type = types[column.type] ?? "text";
  if (input.type === "number") input.step = "any";
  return input;
}

export function createFormField(column: FormColumn, strings: HostStrings, options: PageOptions): FormField {
  const propertyName = column.property?.name;
  const masked = propertyName !== undefined && options.masked.includes(propertyName);
  const readOnly = propertyName !== undefined && options.readOnly.includes(propertyName);
  const input = masked ? document.createElement("input") : inputFor(column);
  input.id = `field-${column.column}`;
  // Lookups and date-times are shown, not edited, on this demo form (no record picker, no time zone handling).
  const shownOnly = column.type === "Lookup" || column.type === "DateAndTime.DateAndTime";
  input.disabled = masked || readOnly || options.disabled || shownOnly;
  if (masked) {
    input.value = "***";
    input.dataset.masked = "true";
  }
  const notification = document.createElement("p");
  notification.id = `${input.id}-notification`;
  notification.className = "field-notification";
  notification.hidden = true;
  input.setAttribute("aria-describedby", notification.id);
  const label = document.createElement("label");
  label.className = "field-label";
  label.htmlFor = input.id;
  label.textContent = labelOf(column, strings);
  const element = document.createElement("div");
  element.className = "field";
  element.append(label, input, notification);
  return { column, element, input, notification };
}

export function showFieldValue(field: FormField, values: FieldValues): void {
  if (field.input.dataset.masked === "true") return;
  const { column } = field;
  field.input.value =
    column.type === "Lookup"
      ? (values.lookup(column.column)?.name ?? "")
      : inputTextOf(values.value(valueColumn(column)), column.type);
}

/** The control notification under the field; null clears it. */
export function showFieldNotification(field: FormField, text: string | null): void {
  field.notification.textContent = text ?? "";
  field.notification.hidden = text === null;
  if (text === null) field.input.removeAttribute("aria-invalid");
  else field.input.setAttribute("aria-invalid", "true");
}

/** What the seller typed, as the column's raw value. */
export function rawOfField(field: FormField): RawValue {
  const text = field.input.value.trim();
  if (text === "") return null;
  switch (field.column.type) {
    case "Currency":
      return Number.isFinite(Number(text)) ? Number(text) : null;
    case "DateAndTime.DateOnly":
      return dateOnly(text);
    default:
      return text;
  }
}

export function valueColumn(column: FormColumn): ValueColumn {
  if (column.type === "Lookup") throw new Error(`${column.column} is a lookup, not a value column`);
  return { column: column.column, type: column.type };
}

function inputTextOf(value: RawValue, type: FormColumn["type"]): string {
  if (value === null) return "";
  if (value instanceof Date) return type === "DateAndTime.DateOnly" ? isoDateOf(value) : value.toISOString();
  return String(value);
}
