/**
 * Checks `[Content_Types].xml`, the Open Packaging Conventions part that gives every file of the zip a content type:
 * `Types/Default[@Extension]` for extensions and `Types/Override[@PartName]` for single files. Exports use Default
 * entries (xml, js, resx, css…) and one Override per extension-less web resource file (shared/reference/toolchain.md
 * §4). Extensions and part names compare without regard to case, as in the conventions.
 */
import type { Findings } from "./problems";
import { contentTypesPart } from "./partPaths";
import { childrenNamed, type XmlElement } from "./xmlElement";
import type { SolutionFiles } from "./zipArchive";

/** The extension of the last segment of an entry name, lowercase, or undefined when it has none. */
function extensionOf(entry: string): string | undefined {
  const fileName = entry.slice(entry.lastIndexOf("/") + 1);
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 ? undefined : fileName.slice(dot + 1).toLowerCase();
}

function readDeclarations(types: XmlElement, findings: Findings): { extensions: Set<string>; parts: Set<string> } {
  const extensions = new Set<string>();
  const parts = new Set<string>();
  for (const [kind, key] of [
    ["Default", "Extension"],
    ["Override", "PartName"],
  ] as const) {
    for (const element of childrenNamed(types, kind)) {
      const value = element.attributes[key]?.trim() ?? "";
      if (value === "" || (element.attributes.ContentType?.trim() ?? "") === "") {
        findings.problem("InvalidComponent", contentTypesPart, `A <${kind}> lacks ${key} or ContentType. Give both.`);
        continue;
      }
      (kind === "Default" ? extensions : parts).add(value.toLowerCase());
    }
  }
  return { extensions, parts };
}

/** Records a problem for every file of the zip that `[Content_Types].xml` gives no content type. */
export function checkContentTypes(types: XmlElement, files: SolutionFiles, findings: Findings): void {
  const { extensions, parts } = readDeclarations(types, findings);
  const entries = [...files.keys()].filter((entry) => entry !== contentTypesPart);
  for (const entry of entries) {
    const extension = extensionOf(entry);
    if (parts.has(`/${entry}`.toLowerCase()) || (extension !== undefined && extensions.has(extension))) continue;
    const fix =
      extension === undefined
        ? `add <Override PartName="/${entry}" ContentType="application/octet-stream" />`
        : `add <Default Extension="${extension}" ContentType="application/octet-stream" />`;
    findings.problem(
      "ComponentMismatch",
      contentTypesPart,
      `The file '${entry}' has no content type in [Content_Types].xml: ${fix}.`,
    );
  }
  const present = new Set(entries.map((entry) => `/${entry}`.toLowerCase()));
  for (const part of parts) {
    if (!present.has(part))
      findings.warn(contentTypesPart, `There is an Override for '${part}', which is not in the zip.`);
  }
}
