/**
 * formContext.getControl(name): one control per cell of the form definition, each bound to its attribute. A control
 * notification (setNotification) shows under its field, or under the CoSellPanel for the control's host column; a
 * control in a hidden section keeps it where nobody sees it, as on the platform. Any control notification blocks
 * saving, and a save then lists them at the top of the form
 * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/controls/setnotification).
 */
import type { FormColumn } from "../formColumns";
import { guardXrm } from "./xrmGuard";

/** Where a control's notification is shown; null clears it. */
export type ShowControlNotification = (column: string, text: string | null) => void;

const CONTROL_TYPES: Partial<Record<FormColumn["type"], string>> = {
  Lookup: "lookup",
  OptionSet: "optionset",
  MultiSelectOptionSet: "multiselectoptionset",
};

export class FormControl {
  /** Notifications by their unique id, in the order they were set. */
  private readonly notes = new Map<string, string>();

  constructor(
    private readonly column: FormColumn,
    private readonly attribute: object | null,
    private readonly show: ShowControlNotification,
  ) {}

  getName(): string {
    return this.column.column;
  }

  getAttribute(): object | null {
    return this.attribute;
  }

  getLabel(): string {
    return this.column.label;
  }

  getVisible(): boolean {
    return this.column.visible;
  }

  getControlType(): string {
    return this.column.component ? "customcontrol" : (CONTROL_TYPES[this.column.type] ?? "standard");
  }

  setNotification(message: string, uniqueId?: string): boolean {
    const id = uniqueId ?? "";
    this.notes.delete(id);
    this.notes.set(id, message);
    this.display();
    return true;
  }

  /** Without an id, clears every notification of the control. */
  clearNotification(uniqueId?: string): boolean {
    const cleared = uniqueId === undefined ? this.notes.size > 0 : this.notes.has(uniqueId);
    if (uniqueId === undefined) this.notes.clear();
    else this.notes.delete(uniqueId);
    this.display();
    return cleared;
  }

  private display(): void {
    this.show(this.column.column, [...this.notes.values()].pop() ?? null);
  }
}

export interface BlockingNotification {
  readonly label: string;
  readonly texts: readonly string[];
}

export class FormControls {
  private readonly byColumn = new Map<string, { readonly control: FormControl; readonly guarded: object }>();
  private readonly shown = new Map<string, string>();

  constructor(
    columns: readonly FormColumn[],
    attributeOf: (column: string) => object | null,
    show: ShowControlNotification,
  ) {
    for (const column of columns) {
      const control = new FormControl(column, attributeOf(column.column), (name, text) => {
        if (text === null) this.shown.delete(name);
        else this.shown.set(name, text);
        show(name, text);
      });
      this.byColumn.set(column.column, {
        control,
        guarded: guardXrm(control, `formContext.getControl("${column.column}")`),
      });
    }
  }

  /** What getControl(name) returns: the guarded control, or null when the form has none for that name. */
  get(name: string): object | null {
    return this.byColumn.get(name.toLowerCase())?.guarded ?? null;
  }

  all(): object[] {
    return [...this.byColumn.values()].map((entry) => entry.guarded);
  }

  /** The controls whose notification blocks saving, with their labels. */
  blocking(): BlockingNotification[] {
    return [...this.shown].map(([name, text]) => ({
      label: this.byColumn.get(name)?.control.getLabel() ?? name,
      texts: [text],
    }));
  }
}
