/**
 * Reads environment variables, which live outside customizations.xml (shared/reference/toolchain.md §4):
 * `environmentvariabledefinitions/<schemaname>/environmentvariabledefinition.xml` (root `environmentvariabledefinition`
 * with defaultvalue, displayname/description with `default` and labels, isrequired, type) and, beside it, the current
 * value in `environmentvariablevalues.json` as `{"environmentvariablevalues":{"environmentvariablevalue": … }}`, one
 * object or a list. Type codes: shared/reference/dataverse.md §4.5.
 */
import {
  environmentVariableTypeNames,
  type EnvironmentVariableDefinition,
  type EnvironmentVariableTypeCode,
} from "./componentModel";
import type { EnvironmentVariableValue } from "./componentModel";
import { ElementReader } from "./elementReader";
import {
  environmentVariableDefinitionFile,
  environmentVariablesFolder,
  environmentVariableValuesFile,
} from "./partPaths";
import type { Findings } from "./problems";
import { parseXmlPart } from "./xmlPart";
import { childNamed } from "./xmlElement";
import type { SolutionFiles } from "./zipArchive";
import { readValuesFile } from "./environmentVariableValues";

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === "" ? undefined : trimmed;
}

function isTypeCode(code: number): code is EnvironmentVariableTypeCode {
  return Object.hasOwn(environmentVariableTypeNames, code);
}

/** Dataverse stores the value as text; these checks catch a default the consumers could not use. */
function defaultValueProblem(type: EnvironmentVariableTypeCode, value: string): string | undefined {
  const typeName = environmentVariableTypeNames[type];
  if (typeName === "Number" && !Number.isFinite(Number(value))) return "is a Number but its default is not a number.";
  if (typeName === "Boolean" && value !== "yes" && value !== "no")
    return "is a Boolean; its default should be yes or no.";
  if (typeName === "JSON") {
    try {
      JSON.parse(value);
    } catch {
      return "is JSON but its default is not valid JSON.";
    }
  }
  return undefined;
}

function readDefinition(
  folderName: string,
  bytes: Uint8Array,
  part: string,
  findings: Findings,
): EnvironmentVariableDefinition | undefined {
  const root = parseXmlPart(bytes, part, "environmentvariabledefinition", findings);
  if (root === undefined) return undefined;
  const definition = new ElementReader(root, `The environment variable '${folderName}'`, { part, findings });
  const schemaName = definition.requiredAttribute("schemaname");
  if (schemaName !== "" && schemaName !== folderName) {
    definition.problem(
      `has schemaname="${schemaName}" but lives in the folder '${folderName}'; they must be the same.`,
      "ComponentMismatch",
    );
  }
  const displayName = childNamed(root, "displayname");
  if (displayName?.attributes.default === undefined || displayName.attributes.default.trim() === "") {
    definition.problem('has no display name: add <displayname default="…"> with its labels.');
  }
  const description = childNamed(root, "description");
  const typeCode = definition.integer("type");
  if (typeCode === undefined || !isTypeCode(typeCode)) {
    definition.problem("needs a <type> of 100000000 (String) to 100000005 (Secret), e.g. 100000000 for text.");
  }
  const type = typeCode !== undefined && isTypeCode(typeCode) ? typeCode : 100_000_000;
  const defaultValue = definition.text("defaultvalue");
  const valueProblem = defaultValue === undefined ? undefined : defaultValueProblem(type, defaultValue);
  if (valueProblem !== undefined) definition.warn(valueProblem);
  return {
    schemaName: schemaName || folderName,
    displayName: displayName?.attributes.default?.trim() ?? "",
    displayNames: definition.labelsIn(displayName, "label"),
    description: nonEmpty(description?.attributes.default),
    descriptions: definition.labelsIn(description, "label"),
    type,
    defaultValue,
    isRequired: definition.flag("isrequired") ?? false,
    isCustomizable: definition.flag("iscustomizable"),
    introducedVersion: definition.text("introducedversion"),
  };
}

/** The definitions and values of the zip, and the folder names (schema names) found, for the cross-checks. */
export interface EnvironmentVariables {
  definitions: EnvironmentVariableDefinition[];
  values: EnvironmentVariableValue[];
  /** Every definition folder, and those with a values file, named as written. */
  folders: string[];
  valueFolders: string[];
}

/** Reads every definition folder. Files the format does not have there are reported as warnings and ignored. */
export function readEnvironmentVariables(files: SolutionFiles, findings: Findings): EnvironmentVariables {
  const folders = new Map<string, Set<string>>();
  for (const entry of files.keys()) {
    if (!entry.startsWith(environmentVariablesFolder)) continue;
    const [folder, file, ...deeper] = entry.slice(environmentVariablesFolder.length).split("/");
    if (folder === undefined || file === undefined || deeper.length > 0) {
      findings.warn(entry, "The file is not where an environment variable keeps its files; it is ignored.");
      continue;
    }
    folders.set(folder, (folders.get(folder) ?? new Set()).add(file));
  }
  const result: EnvironmentVariables = { definitions: [], values: [], folders: [...folders.keys()], valueFolders: [] };
  for (const [folder, names] of folders) {
    const base = `${environmentVariablesFolder}${folder}/`;
    const definitionBytes = files.get(`${base}${environmentVariableDefinitionFile}`);
    if (definitionBytes === undefined) {
      findings.problem(
        "MissingFile",
        base,
        `The environment variable folder '${folder}' has no ${environmentVariableDefinitionFile}. Add it.`,
      );
    } else {
      const definition = readDefinition(
        folder,
        definitionBytes,
        `${base}${environmentVariableDefinitionFile}`,
        findings,
      );
      if (definition !== undefined) result.definitions.push(definition);
    }
    const valuesBytes = files.get(`${base}${environmentVariableValuesFile}`);
    if (valuesBytes !== undefined) {
      result.valueFolders.push(folder);
      result.values.push(
        ...readValuesFile(folder, valuesBytes, { part: `${base}${environmentVariableValuesFile}`, findings }),
      );
    }
    for (const name of names) {
      if (name !== environmentVariableDefinitionFile && name !== environmentVariableValuesFile) {
        findings.warn(`${base}${name}`, "The file is not part of an environment variable; it is ignored.");
      }
    }
  }
  if (files.has(environmentVariableValuesFile)) {
    findings.warn(
      environmentVariableValuesFile,
      `The values file is ignored at the root of the zip: values belong in ${environmentVariablesFolder}<schemaname>/${environmentVariableValuesFile}.`,
    );
  }
  return result;
}
