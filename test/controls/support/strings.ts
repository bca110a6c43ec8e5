/**
 * The panel's real strings, read from its resx files, so tests find elements by the names a user hears.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";
import { type Translate, translatorOf } from "../../../controls/CoSellPanel/model/strings";

// A path, not a URL object: under jsdom, URL is jsdom's and node:url won't take it.
const stringsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../../controls/CoSellPanel/strings");

/** Key → text of strings/CoSellPanel.<lcid>.resx. */
export function readResx(lcid: 1033 | 1049): ReadonlyMap<string, string> {
  const xml = readFileSync(resolve(stringsFolder, `CoSellPanel.${String(lcid)}.resx`), "utf8");
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => name === "data",
  }).parse(xml) as { root: { data: { name: string; value: string | number }[] } };
  return new Map(parsed.root.data.map((entry) => [entry.name, String(entry.value)]));
}

/** context.resources.getString over a resx: a missing key comes back as the key, as in model-driven apps. */
export function getStringOf(lcid: 1033 | 1049): (key: string) => string {
  const strings = readResx(lcid);
  return (key) => strings.get(key) ?? key;
}

export const english: Translate = translatorOf(getStringOf(1033));
export const russian: Translate = translatorOf(getStringOf(1049));
