/**
 * Environment variables (shared/reference/dataverse.md §4.5). Definitions are created or brought up to date (display
 * name, default value, description). A value in the zip is only a starting point: it is created when the organization
 * has none, and a value the admin set is kept on every re-import and upgrade, unless the import is told to overwrite
 * unmanaged customizations. Definitions can't change type, so a type change is refused before anything is written.
 */
import type { DataverseOrganization } from "../model";
import type { EnvironmentVariableDefinition, EnvironmentVariableValue, SolutionPackage } from "../solution";
import { writeComponent, type ApplyContext } from "./applyContext";
import type { ApplyProblems } from "./applyProblems";
import { findRows, quoted } from "./rowWrites";

const definitionTable = "environmentvariabledefinition";
const valueTable = "environmentvariablevalue";

function findDefinition(organization: DataverseOrganization, schemaName: string) {
  return findRows(organization, definitionTable, `schemaname eq ${quoted(schemaName)}`)[0];
}

/** Refuses a definition that exists with another type. */
export function checkEnvironmentVariables(
  organization: DataverseOrganization,
  solutionPackage: SolutionPackage,
  problems: ApplyProblems,
): void {
  for (const definition of solutionPackage.environmentVariables) {
    const existing = findDefinition(organization, definition.schemaName);
    if (existing === undefined || existing.type === definition.type) continue;
    problems.add(
      "EnvironmentVariableTypeClash",
      `environment variable ${definition.schemaName}`,
      `The variable exists in the organization with the type ${String(existing.type)}, and the solution gives it ` +
        `${definition.type}. A variable's type can't change: delete the variable in the organization, or give the ` +
        "solution's variable another schema name.",
    );
  }
}

/** Creates or updates the definitions; returns their ids by schema name. */
function writeDefinitions(
  context: ApplyContext,
  definitions: readonly EnvironmentVariableDefinition[],
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const definition of definitions) {
    const existing = findDefinition(context.organization, definition.schemaName)?.environmentvariabledefinitionid;
    const { id } = writeComponent(context, "environmentVariableDefinition", definition.schemaName, {
      table: definitionTable,
      id: typeof existing === "string" ? existing : undefined,
      fields: {
        displayname: definition.displayName,
        type: definition.type,
        defaultvalue: definition.defaultValue ?? null,
        isrequired: definition.isRequired,
        description: definition.description ?? null,
      },
      createOnly: { schemaname: definition.schemaName },
    });
    ids.set(definition.schemaName.toLowerCase(), id);
  }
  return ids;
}

function writeValue(
  context: ApplyContext,
  value: EnvironmentVariableValue,
  definitionId: string,
  overwrite: boolean,
): void {
  const [current] = findRows(
    context.organization,
    valueTable,
    `_environmentvariabledefinitionid_value eq ${definitionId}`,
  );
  const currentId =
    typeof current?.environmentvariablevalueid === "string" ? current.environmentvariablevalueid : undefined;
  if (currentId !== undefined && !overwrite) {
    context.tally.record("environmentVariableValue", value.schemaName, "unchanged");
    return;
  }
  writeComponent(context, "environmentVariableValue", value.schemaName, {
    table: valueTable,
    id: currentId ?? value.id,
    fields: { value: value.value },
    createOnly: { schemaname: value.schemaName },
    bindings: [
      {
        column: "environmentvariabledefinitionid",
        // The navigation names real clients use for this lookup (§4.5).
        navigation: "EnvironmentVariableDefinitionId",
        entitySet: "environmentvariabledefinitions",
        id: definitionId,
      },
    ],
  });
}

/** Writes the definitions, then the values the organization doesn't have yet (or every value, with `overwrite`). */
export function writeEnvironmentVariables(
  context: ApplyContext,
  solutionPackage: SolutionPackage,
  overwrite: boolean,
): void {
  const definitionIds = writeDefinitions(context, solutionPackage.environmentVariables);
  for (const value of solutionPackage.environmentVariableValues) {
    const definitionId =
      definitionIds.get(value.schemaName.toLowerCase()) ??
      findDefinition(context.organization, value.schemaName)?.environmentvariabledefinitionid;
    if (typeof definitionId === "string") writeValue(context, value, definitionId, overwrite);
    else {
      context.warnings.push({
        part: `environment variable ${value.schemaName}`,
        message: "has a value but no definition in the solution or the organization; the value is left out.",
      });
    }
  }
}
