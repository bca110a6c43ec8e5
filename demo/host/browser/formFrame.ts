/**
 * The Dynamics-like form around the control: a command bar (Save, Refresh, then the solution's commands, which
 * xrm/commandBar.ts adds), the record's header with a link back to the opportunity list and the save state, the
 * notification bar, and the visible sections of the solution's form definition: a section of standard fields
 * (formFields.ts) and the co-sell section holding the control's container.
 */
import type { PageOptions } from "../shared/pageOptions";
import type { RawValue } from "./columnValues";
import { element } from "./element";
import { FORM_COLUMNS, type FormColumn } from "./formColumns";
import {
  createFormField,
  rawOfField,
  showFieldNotification,
  showFieldValue,
  type FieldValues,
  type FormField,
} from "./formFields";
import type { HostStrings } from "./hostStrings";
import { createNotificationBar, type NotificationBar } from "./notificationBar";

export type SaveState = "clean" | "unsaved" | "saving" | "saved";

export interface FormFrame {
  readonly controlContainer: HTMLElement;
  /** The command bar (role toolbar); the solution's commands are added after Save and Refresh. */
  readonly commandBar: HTMLElement;
  readonly notifications: NotificationBar;
  setTitle(name: string): void;
  /** Shows the record's current values in the fields. */
  showFields(values: FieldValues): void;
  showSaveState(state: SaveState): void;
  /** A control notification under a column's field (or under the control for its host column); null clears it. */
  showControlNotification(column: string, text: string | null): void;
  onFieldChange(listener: (column: FormColumn, value: RawValue) => void): void;
  onSave(listener: () => void): void;
  onRefresh(listener: () => void): void;
}

/** Where the opportunity list is (the demo's site serves it). */
export const OPPORTUNITY_LIST_URL = "/";

export function createFormFrame(
  root: HTMLElement,
  strings: HostStrings,
  controlTitle: string,
  options: PageOptions,
): FormFrame {
  const save = element("button", { type: "button", class: "command" }, strings.save);
  const refresh = element("button", { type: "button", class: "command" }, strings.refresh);
  const commandBar = element(
    "div",
    { role: "toolbar", "aria-label": strings.commands, class: "command-bar" },
    save,
    refresh,
  );
  const title = element("h1", { class: "record-title" });
  const saveState = element("span", { role: "status", "aria-label": strings.saveStatus, class: "save-state" });
  const back = element("a", { href: OPPORTUNITY_LIST_URL, class: "back-link" }, `← ${strings.opportunities}`);
  const header = element(
    "header",
    { class: "record-header" },
    back,
    element("p", { class: "entity-name" }, strings.entityName),
    title,
    saveState,
  );
  const notifications = createNotificationBar(strings);
  const controlContainer = element("div", { class: "control-container" });
  const controlNotification = element("p", { class: "field-notification", id: "control-notification" });
  controlNotification.hidden = true;
  const hostColumn = FORM_COLUMNS.find((column) => column.component);
  const fields: FormField[] = [];
  const sections: HTMLElement[] = [];
  for (const name of [...new Set(FORM_COLUMNS.filter((column) => column.visible).map((column) => column.section))]) {
    if (name === hostColumn?.section) {
      sections.push(section(name, controlTitle, controlContainer, controlNotification));
      continue;
    }
    const sectionFields = FORM_COLUMNS.filter((column) => column.section === name).map((column) =>
      createFormField(column, strings, options),
    );
    fields.push(...sectionFields);
    sections.push(section(name, strings.summary, ...sectionFields.map((field) => field.element)));
  }
  const body = element("main", { class: "form-body" }, ...sections);
  const form = element("div", { class: "form" }, commandBar, header, notifications.element, body);
  save.disabled = options.disabled;
  root.replaceChildren(form);

  return {
    controlContainer,
    commandBar,
    notifications,
    setTitle(name) {
      title.textContent = name;
      document.title = `${name} · ${strings.entityName}`;
    },
    showFields(values) {
      for (const field of fields) showFieldValue(field, values);
    },
    showSaveState(state) {
      const texts = { clean: "", unsaved: strings.unsaved, saving: strings.saving, saved: strings.saved };
      saveState.textContent = texts[state];
      save.disabled = options.disabled || state === "saving";
    },
    showControlNotification(column, text) {
      const field = fields.find((candidate) => candidate.column.column === column);
      if (field !== undefined) {
        showFieldNotification(field, text);
      } else if (column === hostColumn?.column) {
        controlNotification.textContent = text ?? "";
        controlNotification.hidden = text === null;
      }
    },
    onFieldChange(listener) {
      for (const field of fields) {
        field.input.addEventListener("change", () => {
          listener(field.column, rawOfField(field));
        });
      }
    },
    onSave(listener) {
      save.addEventListener("click", listener);
    },
    onRefresh(listener) {
      refresh.addEventListener("click", listener);
    },
  };
}

function section(id: string, heading: string, ...children: Node[]): HTMLElement {
  const headingElement = element("h2", { id: `${id}-heading`, class: "section-heading" }, heading);
  return element(
    "section",
    { class: `form-section ${id}`, "aria-labelledby": `${id}-heading` },
    headingElement,
    ...children,
  );
}
