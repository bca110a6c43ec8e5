/**
 * Checks that a column definition is sound before the catalog takes it: names shaped like logical names, positive
 * lengths, choices that exist and don't repeat values, lookups with targets and unique relationship names.
 */
import { logicalNamePattern } from "../../../../core";
import { invalidArgument } from "../errors";
import type { ChoiceOption, ColumnDefinition, ColumnSpec, LookupTarget } from "./types";

/** What the checks need to know about the rest of the catalog. */
export interface ColumnRules {
  hasChoice(name: string): boolean;
  hasRelationship(name: string): boolean;
}

/**
 * Checks and completes column specs without changing anything, so that a refused table leaves no trace.
 * @throws DataverseError 400 naming the first problem.
 */
export function buildColumns(
  table: string,
  existing: ReadonlyMap<string, ColumnDefinition>,
  specs: readonly ColumnSpec[],
  rules: ColumnRules,
): Map<string, ColumnDefinition> {
  const built = new Map<string, ColumnDefinition>();
  const relationships = new Set<string>();
  for (const spec of specs) {
    checkName("column", spec.logicalName);
    if (existing.has(spec.logicalName) || built.has(spec.logicalName)) {
      throw invalidArgument(`The table '${table}' already has a column named '${spec.logicalName}'.`);
    }
    const column = normalize(table, spec, rules);
    for (const name of relationshipsOf(column)) {
      if (rules.hasRelationship(name) || relationships.has(name)) {
        throw invalidArgument(`A relationship named '${name}' already exists.`);
      }
      relationships.add(name);
    }
    built.set(column.logicalName, column);
  }
  return built;
}

/** The relationship names a column creates: one per lookup target. */
export function relationshipsOf(column: ColumnDefinition): string[] {
  return column.type === "Lookup" ? column.targets.map((target) => target.relationship) : [];
}

export function checkName(what: string, name: string): void {
  if (!logicalNamePattern.test(name)) {
    throw invalidArgument(`'${name}' is not a valid ${what} name: use lowercase letters, digits and underscores.`);
  }
}

export function checkOptions(owner: string, options: readonly ChoiceOption[]): void {
  const values = options.map((option) => option.value);
  if (values.length === 0) throw invalidArgument(`The choice '${owner}' needs at least one option.`);
  if (values.some((value) => !Number.isInteger(value))) {
    throw invalidArgument(`The choice '${owner}' has a value that is not a whole number.`);
  }
  if (new Set(values).size !== values.length) throw invalidArgument(`The choice '${owner}' repeats an option value.`);
}

function normalize(table: string, spec: ColumnSpec, rules: ColumnRules): ColumnDefinition {
  switch (spec.type) {
    case "String":
    case "Memo":
      if (!Number.isInteger(spec.maxLength) || spec.maxLength < 1) {
        throw invalidArgument(`The column '${spec.logicalName}' needs a positive maximum length.`);
      }
      return structuredClone(spec);
    case "Picklist":
    case "MultiSelectPicklist":
    case "State":
    case "Status":
      if ("global" in spec.options && !rules.hasChoice(spec.options.global)) {
        throw invalidArgument(`The column '${spec.logicalName}' uses the unknown choice '${spec.options.global}'.`);
      }
      if ("local" in spec.options) checkOptions(spec.logicalName, spec.options.local);
      return structuredClone(spec);
    case "Lookup": {
      if (spec.targets.length === 0)
        throw invalidArgument(`The lookup '${spec.logicalName}' needs at least one target.`);
      const single = spec.targets.length === 1;
      const targets = spec.targets.map((target): LookupTarget => ({
        table: target.table,
        // Dataverse names the navigation after the column, or column_table when the lookup is polymorphic.
        navigationProperty:
          target.navigationProperty ?? (single ? spec.logicalName : `${spec.logicalName}_${target.table}`),
        relationship: target.relationship ?? `${target.table}_${table}_${spec.logicalName}`,
        onDelete: target.onDelete ?? "RemoveLink",
      }));
      return { ...structuredClone(spec), targets };
    }
    default:
      return structuredClone(spec);
  }
}
