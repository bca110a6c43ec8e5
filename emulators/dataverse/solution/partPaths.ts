/**
 * Names of the parts of a solution zip (shared/reference/toolchain.md §4) and how a `FileName` inside
 * customizations.xml ("/WebResources/…", "/Controls/…/ControlManifest.xml") names a zip entry.
 */

/** The solution manifest. */
export const solutionPart = "solution.xml";
/** The components, except environment variables. */
export const customizationsPart = "customizations.xml";
/** The content types of the zip's files (Open Packaging Conventions). */
export const contentTypesPart = "[Content_Types].xml";

/** Environment variable definitions live outside customizations.xml, one folder per schema name. */
export const environmentVariablesFolder = "environmentvariabledefinitions/";
/** The definition file inside each environment variable folder. */
export const environmentVariableDefinitionFile = "environmentvariabledefinition.xml";
/** The optional current value beside it. */
export const environmentVariableValuesFile = "environmentvariablevalues.json";

/**
 * The zip entry a `FileName` names: the path is relative to the root of the zip, written with a leading slash as
 * Dataverse exports do. Undefined when the name could point outside the zip or uses backslashes.
 */
export function entryOfFileName(fileName: string): string | undefined {
  const relative = fileName.replace(/^\//, "");
  const segments = relative.split("/");
  const unsafe =
    relative.includes("\\") || segments.some((segment) => segment === "" || segment === "." || segment === "..");
  return unsafe ? undefined : relative;
}

/** Joins a path relative to a folder of the zip (as in ControlManifest.xml resources) to that folder. */
export function entryInFolder(folder: string, relativePath: string): string | undefined {
  return entryOfFileName(`${folder.replace(/\/$/, "")}/${relativePath.replace(/^\.\//, "")}`);
}
