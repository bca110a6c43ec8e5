/**
 * A form definition as a `FormXml/forms/systemform` element (CustomizationsSolution.xsd SystemFormsType, FormXml.xsd
 * FormType). A PCF control sits in its host column's cell: the cell's control gets a `uniqueid`, and a
 * `controlDescription` for that id lists the standard control (the fallback) and the PCF control for each form factor
 * (0 web, 1 tablet, 2 phone) with its properties bound to columns by name.
 */
import { derivedId } from "../definition/derivedIds";
import { firstReleaseVersion } from "../definition/identity";
import {
  controlClassIds,
  type ComponentCell,
  type FormCell,
  type FormDefinition,
  type FormEvent,
  type FormSection,
  type FormTab,
} from "../definition/formModel";
import { braced, labelList } from "./labels";
import { element, textElement, type XmlNode } from "./xmlNode";

/** The web, tablet and phone form factors: a PCF control is configured for each. */
const formFactors = [0, 1, 2] as const;

/** What the packer found in the built control: which of the cell's bindings to write. */
export interface FormContext {
  /** The properties of each component (by name) that the form may bind; bindings to other properties are left out. */
  readonly boundProperties: ReadonlyMap<string, ReadonlySet<string>>;
}

function cellElement(form: FormDefinition, cell: FormCell): XmlNode {
  const uniqueId = cell.kind === "component" ? braced(derivedId(form.id, `control:${cell.column}`)) : undefined;
  return element(
    "cell",
    { id: braced(derivedId(form.id, `cell:${cell.column}`)), showlabel: true, locklevel: 0 },
    labelList("labels", "label", cell.label),
    element("control", {
      id: cell.column,
      classid: controlClassIds[cell.control],
      datafieldname: cell.column,
      disabled: false,
      uniqueid: uniqueId,
    }),
  );
}

function sectionElement(form: FormDefinition, section: FormSection): XmlNode {
  return element(
    "section",
    {
      name: section.name,
      showlabel: section.showLabel,
      showbar: false,
      id: braced(derivedId(form.id, `section:${section.name}`)),
      IsUserDefined: "0",
      columns: 1,
      visible: section.visible,
    },
    labelList("labels", "label", section.label),
    element(
      "rows",
      {},
      section.cells.map((cell) => element("row", {}, cellElement(form, cell))),
    ),
  );
}

function tabElement(form: FormDefinition, tab: FormTab): XmlNode {
  return element(
    "tab",
    {
      name: tab.name,
      id: braced(derivedId(form.id, `tab:${tab.name}`)),
      IsUserDefined: "0",
      showlabel: true,
      expanded: true,
      verticallayout: true,
    },
    labelList("labels", "label", tab.label),
    element(
      "columns",
      {},
      element(
        "column",
        { width: "100%" },
        element(
          "sections",
          {},
          tab.sections.map((section) => sectionElement(form, section)),
        ),
      ),
    ),
  );
}

function eventElement(form: FormDefinition, event: FormEvent): XmlNode {
  const { handler } = event;
  const source = event.event === "onchange" ? event.column : "form";
  return element(
    "event",
    {
      name: event.event,
      application: false,
      active: false,
      attribute: event.event === "onchange" ? event.column : undefined,
    },
    element(
      "Handlers",
      {},
      element("Handler", {
        functionName: handler.functionName,
        libraryName: handler.library,
        handlerUniqueId: braced(derivedId(form.id, `handler:${event.event}:${source}:${handler.functionName}`)),
        enabled: true,
        parameters: "",
        passExecutionContext: true,
      }),
    ),
  );
}

function libraries(form: FormDefinition): XmlNode {
  const names = [...new Set(form.events.map((event) => event.handler.library))];
  return element(
    "formLibraries",
    {},
    names.map((name) => element("Library", { name, libraryUniqueId: braced(derivedId(form.id, `library:${name}`)) })),
  );
}

function componentCells(form: FormDefinition): ComponentCell[] {
  return form.tabs.flatMap((tab) =>
    tab.sections.flatMap((section) => section.cells.filter((cell): cell is ComponentCell => cell.kind === "component")),
  );
}

function controlDescription(form: FormDefinition, cell: ComponentCell, context: FormContext): XmlNode {
  const bindable = context.boundProperties.get(cell.component.name) ?? new Set<string>();
  const parameters = Object.entries(cell.component.bindings)
    .filter(([property]) => bindable.has(property))
    .map(([property, column]) => textElement(property, column));
  return element(
    "controlDescription",
    { forControl: braced(derivedId(form.id, `control:${cell.column}`)) },
    element(
      "customControl",
      { id: controlClassIds[cell.control] },
      element("parameters", {}, textElement("datafieldname", cell.column)),
    ),
    formFactors.map((formFactor) =>
      element("customControl", { formFactor, name: cell.component.name }, element("parameters", {}, parameters)),
    ),
  );
}

/** The `forms` element of the form's type holding its systemform. */
export function formsElement(form: FormDefinition, context: FormContext): XmlNode {
  const components = componentCells(form);
  return element(
    "forms",
    { type: form.type },
    element(
      "systemform",
      {},
      textElement("formid", braced(form.id)),
      textElement("IntroducedVersion", firstReleaseVersion),
      textElement("FormPresentation", 1),
      textElement("FormActivationState", 1),
      element(
        "form",
        {},
        element(
          "tabs",
          {},
          form.tabs.map((tab) => tabElement(form, tab)),
        ),
        element(
          "events",
          {},
          form.events.map((event) => eventElement(form, event)),
        ),
        libraries(form),
        components.length === 0
          ? undefined
          : element(
              "controlDescriptions",
              {},
              components.map((cell) => controlDescription(form, cell, context)),
            ),
      ),
      textElement("IsCustomizable", "1"),
      textElement("CanBeDeleted", "1"),
      labelList("LocalizedNames", "LocalizedName", form.name),
      labelList("Descriptions", "Description", form.description),
    ),
  );
}
