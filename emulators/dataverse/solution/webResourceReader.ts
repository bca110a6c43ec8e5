/**
 * Reads `WebResources/WebResource` of customizations.xml (CustomizationsSolution.xsd, webresourcetype) together with
 * the file each one names in `FileName`. Exports store that file without an extension as
 * `WebResources/<name without punctuation><GUID>` (shared/reference/toolchain.md §4); the reader follows FileName
 * wherever it points inside the zip.
 */
import type { SolutionFiles } from "./zipArchive";
import { webResourceTypeNames, type SolutionWebResource, type WebResourceTypeCode } from "./componentModel";
import { ElementReader, type ReadContext } from "./elementReader";
import { entryOfFileName } from "./partPaths";
import { childText, listItems, type XmlElement } from "./xmlElement";

/** Dataverse web resource names: letters, digits, `_`, `-`, `.` and single forward slashes. */
const webResourceNamePattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_.-]+)*$/;

function isWebResourceType(code: number): code is WebResourceTypeCode {
  return Object.hasOwn(webResourceTypeNames, code);
}

function readContent(webResource: ElementReader, fileName: string, files: SolutionFiles): Uint8Array {
  const entry = entryOfFileName(fileName);
  const content = entry === undefined ? undefined : files.get(entry);
  if (content === undefined) {
    webResource.problem(
      `names the file '${fileName}' in <FileName>, but the zip has no such file. Add the file at that path or ` +
        "correct <FileName>.",
      "MissingFile",
    );
  }
  return content ?? new Uint8Array();
}

function readWebResource(element: XmlElement, context: ReadContext, files: SolutionFiles): SolutionWebResource {
  const webResource = new ElementReader(
    element,
    `The web resource '${childText(element, "Name") ?? "(unnamed)"}'`,
    context,
  );
  const name = webResource.requiredText("Name");
  if (name !== "" && !webResourceNamePattern.test(name)) {
    webResource.problem("has a name with characters Dataverse refuses: use letters, digits, _, -, . and single /.");
  }
  const id = webResource.guid("WebResourceId", "element");
  if (id === undefined) webResource.problem("has no valid <WebResourceId>. Give it a GUID.");
  const typeCode = webResource.integer("WebResourceType");
  if (typeCode === undefined || !isWebResourceType(typeCode)) {
    webResource.problem("needs a <WebResourceType> from 1 to 12 (e.g. 3 for JavaScript, 1 for HTML).");
  }
  const fileName = webResource.requiredText("FileName", "MissingFile");
  return {
    id: id ?? "",
    name,
    displayName: webResource.text("DisplayName"),
    description: webResource.text("Description"),
    type: typeCode !== undefined && isWebResourceType(typeCode) ? typeCode : 1,
    fileName,
    content: fileName === "" ? new Uint8Array() : readContent(webResource, fileName, files),
    languageCode: webResource.integer("LanguageCode"),
    introducedVersion: webResource.text("IntroducedVersion"),
    isCustomizable: webResource.flag("IsCustomizable"),
  };
}

/** Reads every web resource with its file. */
export function readWebResources(
  customizations: XmlElement,
  context: ReadContext,
  files: SolutionFiles,
): SolutionWebResource[] {
  const webResources = listItems(customizations, "WebResources", "WebResource").map((element) =>
    readWebResource(element, context, files),
  );
  const seen = new Set<string>();
  for (const { name } of webResources) {
    if (seen.has(name.toLowerCase())) {
      context.findings.problem("InvalidComponent", context.part, `The web resource '${name}' appears twice. Keep one.`);
    }
    seen.add(name.toLowerCase());
  }
  return webResources;
}
