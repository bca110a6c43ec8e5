/**
 * Plans the global choices (`optionsets` of customizations.xml): a choice the organization lacks is added, one it has
 * is kept. The organization can't change a choice once added, so differing options become a warning.
 */
import type { MetadataCatalog } from "../model";
import type { OptionSetDefinition, SolutionWarning } from "../solution";
import { choiceOptions, labelText, optionDifference } from "./columnSpecs";
import type { ChoiceChange } from "./planContext";

/** The global option sets that become choices: picklists. Other kinds only exist inside their attribute. */
export function importableOptionSets(optionSets: readonly OptionSetDefinition[]): OptionSetDefinition[] {
  return optionSets.filter((optionSet) => optionSet.kind === "picklist");
}

/** What happens to each global option set of the package. */
export function planChoices(
  catalog: MetadataCatalog,
  optionSets: readonly OptionSetDefinition[],
  warnings: SolutionWarning[],
): ChoiceChange[] {
  for (const optionSet of optionSets) {
    if (optionSet.kind !== "picklist") {
      warnings.push({
        part: `choice ${optionSet.name}`,
        message:
          `is a global option set of type ${optionSet.kind}; only picklists become global choices, so it is ` +
          "left out.",
      });
    }
  }
  return importableOptionSets(optionSets).map((optionSet) => {
    const definition = {
      name: optionSet.name,
      displayName: labelText(optionSet.displayNames, optionSet.name),
      options: choiceOptions(optionSet),
    };
    const existing = catalog.choice(optionSet.name);
    if (existing === undefined) return { definition, outcome: "created" };
    const difference = optionDifference(existing.options, definition.options);
    if (difference !== undefined) {
      warnings.push({
        part: `choice ${optionSet.name}`,
        message:
          `differs from the organization's: ${difference}. The emulator can't change a choice once it exists, so ` +
          "the organization keeps its options; start from a fresh organization to get the solution's.",
      });
    }
    return { definition, outcome: "unchanged" };
  });
}
