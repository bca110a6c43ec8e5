/**
 * The metadata half of an import: plans the choices, tables and columns of the package, then applies the plan. The
 * organization's metadata is not transactional, so applying starts only after the whole plan is free of problems
 * and has been rehearsed on a copy of the organization.
 */
import type { MetadataCatalog } from "../model";
import type { SolutionPackage, SolutionWarning } from "../solution";
import { asComponent } from "./applyContext";
import type { ApplyProblems } from "./applyProblems";
import { planChoices } from "./choicePlan";
import type { ComponentTally } from "./importResult";
import type { MetadataPlan } from "./planContext";
import { planTables } from "./tablePlan";

/** Logical names of the tables the package creates and the organization doesn't have yet. */
export function newTablesOf(catalog: MetadataCatalog, solutionPackage: SolutionPackage): Set<string> {
  return new Set(
    solutionPackage.entities
      .filter((entity) => entity.kind === "new" && catalog.findTable(entity.logicalName) === undefined)
      .map((entity) => entity.logicalName),
  );
}

/** Plans every metadata change of the package; problems go to `problems`, findings to `warnings`. */
export function planMetadata(
  catalog: MetadataCatalog,
  solutionPackage: SolutionPackage,
  problems: ApplyProblems,
  warnings: SolutionWarning[],
): MetadataPlan {
  const choices = planChoices(catalog, solutionPackage.optionSets, warnings);
  // A choice the organization has keeps its options; the package's own are added as they are.
  const planned = new Map(choices.map(({ definition }) => [definition.name, definition.options]));
  const choiceOptions = (name: string) => catalog.choice(name)?.options ?? planned.get(name);
  const newTables = newTablesOf(catalog, solutionPackage);
  return { choices, ...planTables({ catalog, solutionPackage, problems, warnings, newTables, choiceOptions }) };
}

/** Makes the planned changes: choices first, since columns use them, then tables, then columns. */
export function applyMetadata(catalog: MetadataCatalog, plan: MetadataPlan, tally: ComponentTally): void {
  for (const { definition, outcome } of plan.choices) {
    if (outcome === "created") asComponent(`choice ${definition.name}`, () => catalog.addChoice(definition));
    tally.record("choice", definition.name, outcome);
  }
  for (const { logicalName, spec, outcome } of plan.tables) {
    if (spec !== undefined) asComponent(`table ${logicalName}`, () => catalog.addTable(spec));
    tally.record("table", logicalName, outcome);
  }
  for (const { table, spec, inTableSpec, outcome } of plan.columns) {
    if (outcome === "created" && !inTableSpec) {
      asComponent(`column ${table}.${spec.logicalName}`, () => catalog.addColumn(table, spec));
    }
    tally.record("column", `${table}.${spec.logicalName}`, outcome);
  }
}
