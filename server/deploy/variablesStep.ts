/**
 * Step 2: the profile's environment variable values (dataverse.md §4.5). A value row is created when the definition
 * has none ("only one value per definition"), updated when it holds something else, and left alone when it already
 * holds the wanted value, so a re-run changes nothing. Values the profile doesn't name are left as the admin set them.
 */
import type { CliIo } from "../cli/command";
import type { DataverseWebApi, Row } from "../clients/dataverse/webApi";
import { guid, literal } from "../clients/http/odata";
import { DeployError } from "./deployError";

const VALUES = "environmentvariabledefinition_environmentvariablevalue";

export type VariableAction = "created" | "updated" | "unchanged";

export async function setEnvironmentValues(
  api: DataverseWebApi,
  values: Readonly<Record<string, string>>,
  io: CliIo,
): Promise<Record<string, VariableAction>> {
  const actions: Record<string, VariableAction> = {};
  for (const [schemaName, value] of Object.entries(values)) {
    actions[schemaName] = await setValue(api, schemaName, value);
    io.err(`  ${schemaName}: ${actions[schemaName]}`);
  }
  return actions;
}

async function setValue(api: DataverseWebApi, schemaName: string, value: string): Promise<VariableAction> {
  const definition = await api.first("environmentvariabledefinitions", {
    $select: "environmentvariabledefinitionid,schemaname",
    $filter: `schemaname eq ${literal(schemaName)}`,
    $expand: `${VALUES}($select=environmentvariablevalueid,value)`,
  });
  const definitionId = definition?.environmentvariabledefinitionid;
  if (definition === null || typeof definitionId !== "string") {
    throw new DeployError(
      "variableUndefined",
      `The environment has no definition of ${schemaName}, so its value can't be set.`,
    );
  }
  const [current] = Array.isArray(definition[VALUES]) ? (definition[VALUES] as Row[]) : [];
  if (current === undefined) {
    await api.create("environmentvariablevalues", {
      schemaname: schemaName,
      value,
      "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${guid(definitionId, "The definition id")})`,
    });
    return "created";
  }
  if (current.value === value) return "unchanged";
  await api.update("environmentvariablevalues", guid(String(current.environmentvariablevalueid), "The value id"), {
    value,
  });
  return "updated";
}
