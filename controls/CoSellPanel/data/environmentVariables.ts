/**
 * Reads the solution's environment variables through the Web API (shared/reference/dataverse.md §4.5): each
 * definition with its value row expanded. "When a value is present, it is used, even if a default value is also
 * present."
 */
import { type DataverseRow, environmentVariables } from "../../../core";
import type { EnvironmentValues } from "../model/settings";
import { type DataverseReader, odataQuery, odataString } from "./dataverse";

const valuesNavigation = "environmentvariabledefinition_environmentvariablevalue";
const schemaNames: readonly string[] = Object.values(environmentVariables).map((variable) => variable.schemaName);

export const environmentVariablesQuery = odataQuery({
  $select: "schemaname,defaultvalue",
  $filter: schemaNames.map((name) => `schemaname eq ${odataString(name)}`).join(" or "),
  $expand: `${valuesNavigation}($select=value)`,
});

/** Every variable of the solution, null when it has no definition (or neither value nor default). */
export function readEnvironmentValues(reader: DataverseReader): Promise<EnvironmentValues> {
  return reader.retrieveMultiple("environmentvariabledefinition", environmentVariablesQuery).then(valuesOf);
}

function valuesOf(rows: readonly DataverseRow[]): EnvironmentValues {
  const values: Record<string, string | null> = Object.fromEntries(schemaNames.map((name) => [name, null]));
  for (const row of rows) {
    const schemaName = row.schemaname;
    if (typeof schemaName !== "string" || !schemaNames.includes(schemaName)) continue;
    const valueRows = row[valuesNavigation];
    const current: unknown = Array.isArray(valueRows) ? (valueRows as unknown[])[0] : undefined;
    const value = typeof current === "object" && current !== null ? (current as { value?: unknown }).value : undefined;
    values[schemaName] =
      typeof value === "string" ? value : typeof row.defaultvalue === "string" ? row.defaultvalue : null;
  }
  return values;
}
