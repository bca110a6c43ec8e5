/**
 * Localized strings from resx files, read as Dynamics reads them (every `<data name>` to its `<value>`): the control's
 * `controls/CoSellPanel/strings/CoSellPanel.<lcid>.resx` for context.resources.getString, and the web resources'
 * String (RESX) files for Xrm.Utility.getResourceString. Read on every request, so a string edited (or rebuilt) while
 * the host runs shows on the next page load.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

/** The language whose resx every control must ship; Dynamics falls back to it for other languages. */
export const BASE_LANGUAGE_ID = 1033;

interface ResxData {
  readonly "@_name"?: unknown;
  readonly value?: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Resx values keep their spaces (xml:space="preserve") and are text even when they look like numbers.
  trimValues: false,
  parseTagValue: false,
  isArray: (name) => name === "data",
});

/** key → text of one resx document. @throws Error naming the file when it is not a resx document. */
export function parseResx(xml: string, fileName: string): Record<string, string> {
  const document = parser.parse(xml) as { root?: { data?: ResxData[] } };
  if (document.root === undefined) throw new Error(`${fileName} is not a resx file: it has no <root> element.`);
  const strings: Record<string, string> = {};
  for (const data of document.root.data ?? []) {
    const name = data["@_name"];
    if (typeof name !== "string") throw new Error(`${fileName} has a <data> element without a name.`);
    strings[name] = typeof data.value === "string" ? data.value : "";
  }
  return strings;
}

/** The strings of one language, or null when the control has no resx for it. */
export function readControlStrings(
  stringsFolder: string,
  controlName: string,
  languageId: number,
): Promise<Record<string, string> | null> {
  return readResxFile(join(stringsFolder, `${controlName}.${languageId}.resx`));
}

/** The strings of one resx file, or null when there is no such file. */
export async function readResxFile(fileName: string): Promise<Record<string, string> | null> {
  let xml: string;
  try {
    xml = await readFile(fileName, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return parseResx(xml, fileName);
}
