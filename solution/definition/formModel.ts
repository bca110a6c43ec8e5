/**
 * The types of a form definition and the platform's control class ids (FormXml `control/@classid`). The class ids
 * are fixed values of Dataverse's out-of-the-box field controls, the same in every environment.
 */
import type { ScriptFunction } from "./model";

/** The standard field controls the solution's forms use, by the kind of column they edit. */
export const controlClassIds = {
  text: "{4273EDBD-AC1D-40D3-9FB2-095C621B552D}",
  url: "{71716B6C-711E-476C-8AB8-5D11542BFB47}",
  memo: "{E0DECE4B-6FC8-4A8F-A065-082708572369}",
  yesNo: "{67FAC785-CD58-4F9F-ABB3-4B7DDC6ED5ED}",
  choice: "{3EF39988-22BB-4F0B-BBBE-64B5A3748AEE}",
  multiChoice: "{4AA28AB7-9C13-4F57-A73D-AD894D048B5F}",
  dateTime: "{5B773807-9FB2-42DB-97C3-7A91EFF8ADFF}",
  money: "{533B9E00-756B-4312-95A0-DC888637AC78}",
  lookup: "{270BD3DB-D9AF-4782-9025-509E298DEC0A}",
} as const;

/** The kind of standard control of a cell. */
export type StandardControl = keyof typeof controlClassIds;

/** A cell showing one column with a standard control. */
export interface FieldCell {
  readonly kind: "field";
  readonly column: string;
  readonly label: string;
  readonly control: StandardControl;
}

/**
 * A cell whose column is shown by a PCF control instead of the standard one. `control` stays the fallback the
 * platform uses where the PCF control isn't available; the component's other properties are bound per `bindings`.
 */
export interface ComponentCell {
  readonly kind: "component";
  readonly column: string;
  readonly label: string;
  readonly control: StandardControl;
  readonly component: {
    /** `<prefix>_<namespace>.<constructor>`. */
    readonly name: string;
    /** Property name → column. */
    readonly bindings: Readonly<Record<string, string>>;
  };
}

export type FormCell = FieldCell | ComponentCell;

export interface FormSection {
  readonly name: string;
  readonly label: string;
  readonly showLabel: boolean;
  /** False keeps the section's columns on the form (scripts can read them) without showing them. */
  readonly visible: boolean;
  readonly cells: readonly FormCell[];
}

export interface FormTab {
  readonly name: string;
  readonly label: string;
  readonly sections: readonly FormSection[];
}

/** A form event and the script function it calls; `column` names the column of an onchange event. */
export type FormEvent =
  | { readonly event: "onload" | "onsave"; readonly handler: ScriptFunction }
  | { readonly event: "onchange"; readonly column: string; readonly handler: ScriptFunction };

export interface FormDefinition {
  readonly id: string;
  readonly table: string;
  readonly type: "main";
  readonly name: string;
  readonly description: string;
  readonly tabs: readonly FormTab[];
  readonly events: readonly FormEvent[];
}
