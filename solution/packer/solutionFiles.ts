/**
 * Assembles every file of the solution zip, in memory: solution.xml, customizations.xml and [Content_Types].xml
 * written from the definitions, the built control under Controls/<name>/, the web resources under WebResources/, and
 * the environment variable definitions in their folders. XML parts the packer writes start with the UTF-8 byte order
 * mark, as Dataverse's exports do; the control's files go in byte for byte.
 */
import { coSellPanel } from "../definition/coSellPanel";
import { extendedTable } from "../definition/columns";
import { environmentVariableDefinitions } from "../definition/environmentVariables";
import { webResources } from "../definition/webResources";
import { controlFolder, webResourceEntry } from "../xml/componentXml";
import { contentTypesEntry, contentTypesXml } from "../xml/contentTypesXml";
import { customizationsXml } from "../xml/customizationsXml";
import { environmentVariableEntry, environmentVariableXml } from "../xml/environmentVariableXml";
import type { FormContext } from "../xml/formXml";
import { solutionXml } from "../xml/solutionXml";
import type { BuiltInputs } from "./builtInputs";
import type { SolutionFiles } from "./zipWriter";

const byteOrderMark = [0xef, 0xbb, 0xbf];
const utf8 = new TextEncoder();

function xmlBytes(text: string): Uint8Array {
  const body = utf8.encode(text);
  const bytes = new Uint8Array(byteOrderMark.length + body.length);
  bytes.set(byteOrderMark);
  bytes.set(body, byteOrderMark.length);
  return bytes;
}

export interface SolutionBuild extends FormContext {
  /** The 4-part Dataverse version. */
  readonly version: string;
  readonly managed: boolean;
  readonly webhookUrl: string;
}

/** Every file of the zip, by entry name, in a fixed order. */
export function solutionFiles(inputs: BuiltInputs, build: SolutionBuild): SolutionFiles {
  const files = new Map<string, Uint8Array>();
  files.set(
    "solution.xml",
    xmlBytes(solutionXml({ ...build, controlName: coSellPanel.name, extendedTable: extendedTable.logicalName })),
  );
  files.set(
    "customizations.xml",
    xmlBytes(customizationsXml({ ...build, controlName: coSellPanel.name, extendedTable })),
  );
  const folder = controlFolder(coSellPanel.name);
  // Sorted by code unit, not by locale, so every machine writes the same order.
  for (const [path, bytes] of [...inputs.control.files].sort(([left], [right]) => (left < right ? -1 : 1))) {
    files.set(`${folder}/${path}`, bytes);
  }
  for (const webResource of webResources) {
    const bytes = inputs.webResources.get(webResource.name);
    if (bytes !== undefined) files.set(webResourceEntry(webResource), bytes);
  }
  for (const variable of environmentVariableDefinitions) {
    files.set(environmentVariableEntry(variable.schemaName), xmlBytes(environmentVariableXml(variable)));
  }
  // The content types are computed last, from every other entry, and go first in the zip.
  const contentTypes = xmlBytes(contentTypesXml([...files.keys()]));
  return new Map([[contentTypesEntry, contentTypes], ...files]);
}
