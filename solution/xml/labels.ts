/**
 * Labels as Dataverse writes them: `<item description="…" languagecode="1033" />`, alone or inside a list element
 * (LocalizedNames/LocalizedName, displaynames/displayname, labels/label...). The solution's labels are English.
 */
import { baseLanguageCode } from "../definition/identity";
import { element, type XmlNode } from "./xmlNode";

/** One label element. */
export function label(item: string, text: string): XmlNode {
  return element(item, { description: text, languagecode: baseLanguageCode });
}

/** A list element holding one label, e.g. `<LocalizedNames><LocalizedName …/></LocalizedNames>`. */
export function labelList(list: string, item: string, text: string): XmlNode {
  return element(list, {}, label(item, text));
}

/** A GUID as Dataverse writes it in customizations.xml: braces, lowercase. */
export function braced(id: string): string {
  return `{${id.toLowerCase()}}`;
}
