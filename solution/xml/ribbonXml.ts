/**
 * The command bar as a table's `RibbonDiffXml` (RibbonCore.xsd RibbonEntityDiffXmlType): one CustomAction per button
 * at the command bar's location, one CommandDefinition calling the button's function with the form (PrimaryControl),
 * one EnableRule running its enable function, and the labels as LocLabels. Functions are referenced as
 * `$webresource:<name>`, the way ribbon XML names a script web resource.
 */
import type { CommandBarDefinition, CommandButton } from "../definition/commandBar";
import { baseLanguageCode, publisher } from "../definition/identity";
import type { ScriptFunction } from "../definition/model";
import { element, type XmlNode } from "./xmlNode";

/** The ids of one button's parts, derived from the publisher prefix, the table and the button's key. */
function idsOf(table: string, button: CommandButton) {
  const base = `${publisher.prefix}.${table}.${button.key}`;
  return {
    action: `${base}.CustomAction`,
    button: `${base}.Button`,
    command: `${base}.Command`,
    enableRule: `${base}.EnableRule`,
    label: `${base}.LabelText`,
    tooltip: `${base}.ToolTipDescription`,
  };
}

function webResourceReference(name: string): string {
  return `$webresource:${name}`;
}

/** A script call with the form as its only parameter, as an action (JavaScriptFunction) or a rule (CustomRule). */
function scriptCall(elementName: "JavaScriptFunction" | "CustomRule", call: ScriptFunction, extra = {}): XmlNode {
  return element(
    elementName,
    { FunctionName: call.functionName, Library: webResourceReference(call.library), ...extra },
    element("CrmParameter", { Value: "PrimaryControl" }),
  );
}

function customAction(bar: CommandBarDefinition, button: CommandButton): XmlNode {
  const ids = idsOf(bar.table, button);
  return element(
    "CustomAction",
    { Id: ids.action, Location: bar.location, Sequence: button.sequence },
    element(
      "CommandUIDefinition",
      {},
      element("Button", {
        Id: ids.button,
        Command: ids.command,
        LabelText: `$LocLabels:${ids.label}`,
        ToolTipTitle: `$LocLabels:${ids.label}`,
        ToolTipDescription: `$LocLabels:${ids.tooltip}`,
        Sequence: button.sequence,
        TemplateAlias: "o1",
        ModernImage: webResourceReference(button.icon),
      }),
    ),
  );
}

function commandDefinition(bar: CommandBarDefinition, button: CommandButton): XmlNode {
  const ids = idsOf(bar.table, button);
  return element(
    "CommandDefinition",
    { Id: ids.command },
    element("EnableRules", {}, element("EnableRule", { Id: ids.enableRule })),
    element("DisplayRules"),
    element("Actions", {}, scriptCall("JavaScriptFunction", button.action)),
  );
}

function enableRule(bar: CommandBarDefinition, button: CommandButton): XmlNode {
  // Default false: while the rule's function hasn't answered (or fails), the button stays disabled.
  return element(
    "EnableRule",
    { Id: idsOf(bar.table, button).enableRule },
    scriptCall("CustomRule", button.enableRule, { Default: false }),
  );
}

function locLabel(id: string, text: string): XmlNode {
  return element(
    "LocLabel",
    { Id: id },
    element("Titles", {}, element("Title", { description: text, languagecode: baseLanguageCode })),
  );
}

/** The table's RibbonDiffXml with every button of the command bar. */
export function ribbonDiffXml(bar: CommandBarDefinition): XmlNode {
  return element(
    "RibbonDiffXml",
    {},
    element(
      "CustomActions",
      {},
      bar.buttons.map((button) => customAction(bar, button)),
    ),
    element("Templates", {}, element("RibbonTemplates", { Id: "Mscrm.Templates" })),
    element(
      "CommandDefinitions",
      {},
      bar.buttons.map((button) => commandDefinition(bar, button)),
    ),
    element(
      "RuleDefinitions",
      {},
      element("TabDisplayRules"),
      element("DisplayRules"),
      element(
        "EnableRules",
        {},
        bar.buttons.map((button) => enableRule(bar, button)),
      ),
    ),
    element(
      "LocLabels",
      {},
      bar.buttons.flatMap((button) => {
        const ids = idsOf(bar.table, button);
        return [locLabel(ids.label, button.label), locLabel(ids.tooltip, button.tooltip)];
      }),
    ),
  );
}
