/**
 * The solution's environment variables (dataverse.md §4.5): each definition with its value row expanded, in one
 * query for every `csb_` definition. "When a value is present, it is used, even if a default value is also present."
 */
import { environmentVariables, solutionIdentity } from "../../../core";
import type { EnvironmentVariableValues } from "../../sync/ports";
import { literal } from "../http/odata";
import type { DataverseWebApi } from "./webApi";

const VALUES = "environmentvariabledefinition_environmentvariablevalue";

export async function readEnvironmentVariables(api: DataverseWebApi): Promise<EnvironmentVariableValues> {
  // Every variable the solution defines is present, null until a definition (and value or default) exists.
  const values: Record<string, string | null> = Object.fromEntries(
    Object.values(environmentVariables).map((variable) => [variable.schemaName, null]),
  );
  const query = {
    $select: "schemaname,defaultvalue",
    $filter: `startswith(schemaname,${literal(`${solutionIdentity.publisherPrefix}_`)})`,
    $expand: `${VALUES}($select=value)`,
  };
  for await (const page of api.pages("environmentvariabledefinitions", query)) {
    for (const definition of page) {
      const { schemaname: schemaName, defaultvalue: defaultValue } = definition;
      if (typeof schemaName !== "string") continue;
      const [current] = Array.isArray(definition[VALUES]) ? (definition[VALUES] as Record<string, unknown>[]) : [];
      const value = current?.value;
      values[schemaName] = typeof value === "string" ? value : typeof defaultValue === "string" ? defaultValue : null;
    }
  }
  return values;
}
