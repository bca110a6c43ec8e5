/**
 * Plans the tables and columns of the package against the organization's metadata: a new table is added with its
 * own columns (the platform adds the rest), columns on existing tables are added when missing and kept when they
 * already exist with the same type. Clashes become problems; nothing is changed here.
 */
import { DataverseError, MetadataCatalog, type ChoiceOption, type ColumnSpec, type TableSpec } from "../model";
import type { SolutionAttribute, SolutionEntity } from "../solution";
import { referencesResolve } from "./columnReferences";
import { columnDifference, columnSpecOf, labelText, ownershipTypeOf, stateModelOf } from "./columnSpecs";
import type { ColumnChange, PlanContext, TableChange } from "./planContext";

/** The table and column changes of the package. */
export interface TablePlan {
  tables: TableChange[];
  columns: ColumnChange[];
}

/** Plans every entity of the package, reporting clashes into `context.problems`. */
export function planTables(context: PlanContext): TablePlan {
  const plan: TablePlan = { tables: [], columns: [] };
  for (const entity of context.solutionPackage.entities) planEntity(entity, context, plan);
  return plan;
}

function ownerOf(solution: string): string {
  return solution === "System" ? "the platform" : `the solution '${solution}'`;
}

function planEntity(entity: SolutionEntity, context: PlanContext, plan: TablePlan): void {
  const table = entity.logicalName;
  const existing = context.catalog.findTable(table);
  const uniqueName = context.solutionPackage.manifest.uniqueName;
  if (existing === undefined) {
    if (entity.kind === "new") planNewTable(entity, context, plan);
    else {
      context.problems.add(
        "MissingTable",
        `table ${table}`,
        "The solution adds columns to this table, but the organization doesn't have it. Import the solution that " +
          "creates the table first, or include the whole table in this solution.",
      );
    }
    return;
  }
  if (entity.kind === "new" && existing.solution !== uniqueName) {
    context.problems.add(
      "TableOwnedElsewhere",
      `table ${table}`,
      `The solution creates this table, but the organization already has it from ${ownerOf(existing.solution)}. ` +
        "Rename the table in the solution, or remove the other table first.",
    );
    return;
  }
  // On a re-import of the solution's own table, the platform's columns are skipped as they were when it was created.
  const platformNames =
    entity.kind === "new" ? platformColumnNames(tableSpecBase(entity, context), `table ${table}`, context) : new Set();
  if (platformNames === undefined) return;
  if (entity.kind === "new") plan.tables.push({ logicalName: table, spec: undefined, outcome: "unchanged" });
  for (const attribute of entity.attributes) {
    if (!platformNames.has(attribute.logicalName)) planColumnOfExistingTable(table, attribute, context, plan);
  }
}

function planColumnOfExistingTable(
  table: string,
  attribute: SolutionAttribute,
  context: PlanContext,
  plan: TablePlan,
): void {
  const spec = columnSpecOf(attribute);
  if (spec === undefined) return;
  const component = `column ${table}.${attribute.logicalName}`;
  const existing = context.catalog.column(table, attribute.logicalName);
  if (existing !== undefined) {
    if (existing.type !== spec.type) {
      context.problems.add(
        "ColumnTypeClash",
        component,
        `The column exists in the organization as ${existing.type}, but the solution makes it ${spec.type}. A ` +
          "column's type can't change: delete the column (and its data) in the organization, or give the " +
          "solution's column another name.",
      );
      return;
    }
    const existingOptions = "options" in existing ? context.catalog.optionsOf(existing) : [];
    const difference = columnDifference(existing, existingOptions, spec, wantedOptions(spec, context));
    if (difference !== undefined) {
      context.warnings.push({
        part: component,
        message:
          `differs from the organization's: ${difference}. The emulator can't change an existing column, so it ` +
          "is kept as it is.",
      });
    }
    plan.columns.push({ table, spec, inTableSpec: false, outcome: "unchanged" });
    return;
  }
  if (!attribute.isCustom) {
    context.warnings.push({
      part: component,
      message: "is a platform column that the emulator's table doesn't have; it is left out.",
    });
    return;
  }
  if (referencesResolve(spec, attribute, component, context)) {
    plan.columns.push({ table, spec, inTableSpec: false, outcome: "created" });
  }
}

function wantedOptions(spec: ColumnSpec, context: PlanContext): readonly ChoiceOption[] {
  if (!("options" in spec)) return [];
  return "local" in spec.options ? spec.options.local : (context.choiceOptions(spec.options.global) ?? []);
}

/** The new table as the organization takes it, without its columns and primary name. */
function tableSpecBase(entity: SolutionEntity, context: PlanContext) {
  const table = entity.logicalName;
  const stateModel = stateModelOf(entity.attributes);
  const primaryKey = entity.attributes.find((attribute) => attribute.type === "PrimaryKey")?.logicalName;
  return {
    logicalName: table,
    // Dataverse's default entity set name is the plural of the logical name; exports always write it anyway.
    entitySetName: entity.entitySetName ?? `${table}s`,
    displayName: labelText(entity.displayNames, entity.schemaName),
    primaryIdAttribute: entity.primaryIdAttribute ?? primaryKey ?? `${table}id`,
    ownershipType: ownershipTypeOf(entity.ownership),
    isCustomEntity: true,
    isManaged: context.solutionPackage.manifest.managed,
    solution: context.solutionPackage.manifest.uniqueName,
    ...(stateModel === undefined ? {} : { stateModel }),
  } satisfies TableSpec;
}

function planNewTable(entity: SolutionEntity, context: PlanContext, plan: TablePlan): void {
  const table = entity.logicalName;
  const component = `table ${table}`;
  const base = tableSpecBase(entity, context);
  const taken = context.catalog.findTable(base.entitySetName);
  if (taken !== undefined) {
    context.problems.add(
      "NameTaken",
      component,
      `The entity set name '${base.entitySetName}' is already used by the table '${taken.logicalName}'. Give ` +
        "the new table another entity set name.",
    );
    return;
  }
  const platformNames = platformColumnNames(base, component, context);
  if (platformNames === undefined) return;
  const columns: ColumnSpec[] = [];
  for (const attribute of entity.attributes) {
    const spec = platformNames.has(attribute.logicalName) ? undefined : columnSpecOf(attribute);
    if (spec === undefined || !referencesResolve(spec, attribute, `column ${table}.${attribute.logicalName}`, context))
      continue;
    columns.push(spec);
    plan.columns.push({ table, spec, inTableSpec: true, outcome: "created" });
  }
  const primaryName = entity.primaryNameAttribute ?? entity.attributes.find((attribute) => attribute.isPrimaryName);
  const primaryNameAttribute = typeof primaryName === "object" ? primaryName.logicalName : (primaryName ?? null);
  plan.tables.push({ logicalName: table, spec: { ...base, primaryNameAttribute, columns }, outcome: "created" });
}

/**
 * The columns the platform gives such a table (primary key, createdon, statecode...), learnt from a scratch catalog
 * so that they follow the model; the zip lists them too, but they are the platform's, not the solution's.
 */
function platformColumnNames(spec: TableSpec, component: string, context: PlanContext): Set<string> | undefined {
  try {
    const scratch = new MetadataCatalog();
    scratch.addTable(spec);
    return new Set(scratch.columns(spec.logicalName).map((column) => column.logicalName));
  } catch (error) {
    if (!(error instanceof DataverseError)) throw error;
    context.problems.add("Refused", component, `The organization can't create the table: ${error.message}`);
    return undefined;
  }
}
