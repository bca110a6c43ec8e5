/**
 * The Dynamics-like form around the control: a command bar (Save, Refresh), the record's header with its save state,
 * a notification bar for errors, a Summary section with the fields the control also reads (topic, revenue, close
 * date) and the co-sell section holding the control's container.
 */
import type { PageOptions } from "../shared/pageOptions";
import { boundProperty, type BoundProperty } from "./boundProperties";
import { dateOnly, isoDateOf, type RawValue } from "./columnValues";
import type { HostStrings } from "./hostStrings";

export interface FormFrame {
  readonly controlContainer: HTMLElement;
  setTitle(name: string): void;
  /** Shows the record's current values in the Summary fields. */
  showFields(valueOf: (property: BoundProperty) => RawValue): void;
  showSaveState(state: "clean" | "unsaved" | "saving" | "saved"): void;
  /** A message in the notification bar (role="alert"); null hides it. */
  notify(message: string | null): void;
  onFieldChange(listener: (property: BoundProperty, value: RawValue) => void): void;
  onSave(listener: () => void): void;
  onRefresh(listener: () => void): void;
}

interface SummaryField {
  readonly property: BoundProperty;
  readonly input: HTMLInputElement;
}

export function createFormFrame(
  root: HTMLElement,
  strings: HostStrings,
  sectionTitle: string,
  options: PageOptions,
): FormFrame {
  const save = element("button", { type: "button", class: "command" }, strings.save);
  const refresh = element("button", { type: "button", class: "command" }, strings.refresh);
  const commands = element(
    "div",
    { role: "toolbar", "aria-label": strings.commands, class: "command-bar" },
    save,
    refresh,
  );
  const title = element("h1", { class: "record-title" });
  const saveState = element("span", { role: "status", "aria-label": strings.saveStatus, class: "save-state" });
  const header = element(
    "header",
    { class: "record-header" },
    element("p", { class: "entity-name" }, strings.entityName),
    title,
    saveState,
  );
  const notification = element("div", { role: "alert", class: "form-notification" });
  notification.hidden = true;
  const fields = [
    summaryField("topic", strings.topic, "text", options),
    summaryField("dealValue", strings.dealValue, "number", options),
    summaryField("estimatedCloseDate", strings.closeDate, "date", options),
  ];
  const summary = section(
    "summary",
    strings.summary,
    ...fields.map((field) => field.input.parentElement ?? field.input),
  );
  const controlContainer = element("div", { class: "control-container" });
  const coSell = section("cosell", sectionTitle, controlContainer);
  const body = element("main", { class: "form-body" }, summary, coSell);
  const form = element("div", { class: "form" }, commands, header, notification, body);
  save.disabled = options.disabled;
  root.replaceChildren(form);

  return {
    controlContainer,
    setTitle(name) {
      title.textContent = name;
      document.title = `${name} · ${strings.entityName}`;
    },
    showFields(valueOf) {
      for (const { property, input } of fields) {
        if (input.dataset.masked === "true") continue;
        input.value = inputTextOf(valueOf(property));
      }
    },
    showSaveState(state) {
      const texts = { clean: "", unsaved: strings.unsaved, saving: strings.saving, saved: strings.saved };
      saveState.textContent = texts[state];
      save.disabled = options.disabled || state === "saving";
    },
    notify(message) {
      notification.textContent = message ?? "";
      notification.hidden = message === null;
    },
    onFieldChange(listener) {
      for (const { property, input } of fields) {
        input.addEventListener("change", () => {
          listener(property, rawOfInput(input));
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

function summaryField(
  name: string,
  label: string,
  type: "text" | "number" | "date",
  options: PageOptions,
): SummaryField {
  const property = boundProperty(name);
  if (property === undefined) throw new Error(`${name} is not a bound property`);
  const masked = options.masked.includes(name);
  const input = element("input", { type: masked ? "text" : type, id: `field-${name}` });
  input.disabled = masked || options.disabled || options.readOnly.includes(name);
  if (masked) {
    input.value = "***";
    input.dataset.masked = "true";
  }
  element("label", { class: "field" }, element("span", { class: "field-label" }, label), input);
  return { property, input };
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

function inputTextOf(value: RawValue): string {
  if (value === null) return "";
  if (value instanceof Date) return isoDateOf(value);
  return String(value);
}

function rawOfInput(input: HTMLInputElement): RawValue {
  const text = input.value.trim();
  if (text === "") return null;
  if (input.type === "number") return Number.isFinite(Number(text)) ? Number(text) : null;
  if (input.type === "date") return dateOnly(text);
  return text;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
