/**
 * What the planning steps share: the organization's metadata as it is, the package, and where problems and warnings
 * go; and the metadata changes they decide on, which are applied only once the whole plan is free of problems.
 */
import type { ChoiceDefinition, ChoiceOption, ColumnSpec, MetadataCatalog, TableSpec } from "../model";
import type { SolutionPackage, SolutionWarning } from "../solution";
import type { ApplyProblems } from "./applyProblems";
import type { ComponentOutcome } from "./importResult";

/** The state a planning step reads and reports into. */
export interface PlanContext {
  readonly catalog: MetadataCatalog;
  readonly solutionPackage: SolutionPackage;
  readonly problems: ApplyProblems;
  readonly warnings: SolutionWarning[];
  /** Logical names of the tables the package creates and the organization doesn't have yet. */
  readonly newTables: ReadonlySet<string>;
  /** The options of a global choice once the package's choices are added; undefined when there is no such choice. */
  readonly choiceOptions: (name: string) => readonly ChoiceOption[] | undefined;
}

/** A global choice to add, or one the organization already has. */
export interface ChoiceChange {
  readonly definition: ChoiceDefinition;
  readonly outcome: Exclude<ComponentOutcome, "updated">;
}

/** A table to add, or one that is already there; a new table's own columns are in `columns` as created. */
export interface TableChange {
  readonly logicalName: string;
  readonly spec: TableSpec | undefined;
  readonly outcome: Exclude<ComponentOutcome, "updated">;
}

/** A column to add to a table that exists (or is added before it), or one that is already there. */
export interface ColumnChange {
  readonly table: string;
  readonly spec: ColumnSpec;
  /** Part of its new table's spec: counted as created, but not added on its own. */
  readonly inTableSpec: boolean;
  readonly outcome: Exclude<ComponentOutcome, "updated">;
}

/** Every metadata change of the import, in the order they must be made: choices, tables, columns. */
export interface MetadataPlan {
  readonly choices: readonly ChoiceChange[];
  readonly tables: readonly TableChange[];
  readonly columns: readonly ColumnChange[];
}
