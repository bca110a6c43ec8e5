/**
 * Reads an `optionset` element (CustomizationsSolution.xsd, optionsettype): OptionSetType, IsGlobal, displaynames,
 * Descriptions and the choices in `options/option`, `statuses/status` or `states/state`, each with `labels/label`.
 */
import type { ElementReader } from "./elementReader";
import type { OptionDefinition, OptionSetDefinition, OptionSetKind } from "./entityModel";
import { childNamed, childrenNamed, type XmlElement } from "./xmlElement";

const optionSetKinds: readonly OptionSetKind[] = ["picklist", "bit", "state", "status"];

/** The element names that hold the choices of each kind of option set. */
const choiceElements: Record<OptionSetKind, { list: string; item: string }> = {
  picklist: { list: "options", item: "option" },
  bit: { list: "options", item: "option" },
  state: { list: "states", item: "state" },
  status: { list: "statuses", item: "status" },
};

function readOption(optionSet: ElementReader, element: XmlElement): OptionDefinition | undefined {
  const option = optionSet.child(element, `${optionSet.subject}, choice ${element.attributes.value ?? "(no value)"},`);
  const value = option.integerAttribute("value");
  if (value === undefined) {
    option.problem("has no whole-number value attribute. Give every choice its value.");
    return undefined;
  }
  const labels = option.labelsIn(childNamed(element, "labels"), "label");
  if (labels.length === 0) option.problem("has no label. Give it <labels><label description=… languagecode=…/>.");
  return {
    value,
    labels,
    state: option.integerAttribute("state"),
    defaultStatus: option.integerAttribute("defaultstatus"),
  };
}

function checkChoices(optionSet: ElementReader, kind: OptionSetKind, options: readonly OptionDefinition[]): void {
  const seen = new Set<number>();
  for (const { value } of options) {
    if (seen.has(value)) optionSet.problem(`has the value ${value} twice. Each choice needs its own value.`);
    seen.add(value);
  }
  const values = [...seen].sort((left, right) => left - right).join(",");
  if (kind === "bit" && values !== "0,1") {
    optionSet.problem(`is a Yes/No option set with the values [${values}]; it must have exactly 0 and 1.`);
  }
}

/**
 * Reads an option set. `subject` names it in messages (e.g. "The option set of opportunity.csb_syncstatus").
 * The kind defaults to picklist, as in Microsoft's exports of choice columns without OptionSetType.
 */
export function readOptionSet(parent: ElementReader, element: XmlElement, subject: string): OptionSetDefinition {
  const optionSet = parent.child(element, subject);
  const name = optionSet.requiredAttribute("Name");
  const rawKind = optionSet.text("OptionSetType") ?? "picklist";
  const kind = optionSetKinds.find((candidate) => candidate === rawKind);
  if (kind === undefined) {
    optionSet.problem(`has <OptionSetType>${rawKind}</OptionSetType>; use picklist, bit, state or status.`);
  }
  const effectiveKind = kind ?? "picklist";
  const { list, item } = choiceElements[effectiveKind];
  const listElement = childNamed(element, list);
  const options =
    listElement === undefined
      ? []
      : childrenNamed(listElement, item).flatMap((choice) => readOption(optionSet, choice) ?? []);
  if (options.length === 0) optionSet.problem(`has no choices in <${list}>. Add at least one <${item}>.`);
  checkChoices(optionSet, effectiveKind, options);
  return {
    name,
    kind: effectiveKind,
    isGlobal: optionSet.flag("IsGlobal") ?? false,
    displayNames: optionSet.labels("displaynames", "displayname"),
    descriptions: optionSet.labels("Descriptions", "Description"),
    options,
  };
}
