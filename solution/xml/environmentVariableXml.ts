/**
 * An environment variable definition's own file, environmentvariabledefinitions/<schemaname>/
 * environmentvariabledefinition.xml (shared/reference/toolchain.md §4): default value, display name and description
 * (each a default text plus labels), required flag and type. Never a value, and never secret store.
 */
import { firstReleaseVersion } from "../definition/identity";
import { environmentVariableTypes, type EnvironmentVariableDefinition } from "../definition/environmentVariables";
import { label } from "./labels";
import { element, textElement, xmlDocument } from "./xmlNode";

/** The zip entry of a definition. */
export function environmentVariableEntry(schemaName: string): string {
  return `environmentvariabledefinitions/${schemaName}/environmentvariabledefinition.xml`;
}

export function environmentVariableXml(variable: EnvironmentVariableDefinition): string {
  return xmlDocument(
    element(
      "environmentvariabledefinition",
      { schemaname: variable.schemaName },
      variable.defaultValue === "" ? undefined : textElement("defaultvalue", variable.defaultValue),
      element("description", { default: variable.description }, label("label", variable.description)),
      element("displayname", { default: variable.displayName }, label("label", variable.displayName)),
      textElement("introducedversion", firstReleaseVersion),
      textElement("iscustomizable", "1"),
      // Not required: an import without a value must not fail; the service and the form say when one is missing.
      textElement("isrequired", "0"),
      textElement("secretstore", "0"),
      textElement("type", environmentVariableTypes[variable.type]),
    ),
  );
}
