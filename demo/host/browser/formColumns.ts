/**
 * The columns the opportunity form holds, read from the solution's form definition
 * (solution/definition/opportunityForm.ts) so the demo shows what the solution ships: every cell's column, in
 * every section (a hidden section's columns are on the form too: scripts read them with getAttribute), typed as the
 * platform types it. A column bound to the CoSellPanel has its property's type; the others follow their control.
 */
import type { FormCell, StandardControl } from "../../../solution/definition/formModel";
import { opportunityForm } from "../../../solution/definition/opportunityForm";
import { BOUND_PROPERTIES, type BoundProperty, type PropertyType } from "./boundProperties";

/** A column of the form: a value the record holds (a PCF type) or a lookup, which the demo shows read-only. */
export type ColumnType = PropertyType | "Lookup";

export interface FormColumn {
  readonly column: string;
  readonly type: ColumnType;
  /** The label of its cell in the form definition (English, the solution's base language). */
  readonly label: string;
  readonly control: StandardControl;
  /** True for the cell that hosts the CoSellPanel (its column is the control's host column). */
  readonly component: boolean;
  /** The name of the section that holds it; false `visible` when that section is hidden. */
  readonly section: string;
  readonly visible: boolean;
  /** The CoSellPanel property bound to it, if any. */
  readonly property: BoundProperty | undefined;
}

/** A column whose value the record holds as a PCF raw value (everything but lookups). */
export interface ValueColumn {
  readonly column: string;
  readonly type: PropertyType;
}

const TYPE_OF_CONTROL: Readonly<Record<StandardControl, ColumnType>> = {
  text: "SingleLine.Text",
  url: "SingleLine.URL",
  memo: "Multiple",
  yesNo: "TwoOptions",
  choice: "OptionSet",
  multiChoice: "MultiSelectOptionSet",
  dateTime: "DateAndTime.DateAndTime",
  money: "Currency",
  lookup: "Lookup",
};

function formColumn(cell: FormCell, section: string, visible: boolean): FormColumn {
  const property = BOUND_PROPERTIES.find((candidate) => candidate.column === cell.column);
  return {
    column: cell.column,
    type: property?.type ?? TYPE_OF_CONTROL[cell.control],
    label: cell.label,
    control: cell.control,
    component: cell.kind === "component",
    section,
    visible,
    property,
  };
}

export const FORM_COLUMNS: readonly FormColumn[] = opportunityForm.tabs.flatMap((tab) =>
  tab.sections.flatMap((section) => section.cells.map((cell) => formColumn(cell, section.name, section.visible))),
);

export function formColumnOf(column: string): FormColumn | undefined {
  return FORM_COLUMNS.find((candidate) => candidate.column === column);
}

/** Every column whose value the record holds: the form's non-lookup columns and the control's bound columns. */
export function valueColumns(): ValueColumn[] {
  const columns = new Map<string, ValueColumn>();
  for (const { column, type } of FORM_COLUMNS) if (type !== "Lookup") columns.set(column, { column, type });
  for (const { column, type } of BOUND_PROPERTIES) columns.set(column, { column, type });
  return [...columns.values()];
}

export function lookupColumns(): string[] {
  return FORM_COLUMNS.filter((column) => column.type === "Lookup").map((column) => column.column);
}
