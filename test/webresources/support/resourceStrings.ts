/**
 * The scripts' real string resources (webresources/strings/opportunity.<lcid>.resx) served the way Dynamics serves
 * them to Xrm.Utility.getResourceString: the user's language, else the organization's base language; null for a key
 * neither has; an exception for a web resource name that is not a dependency of the script.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { XrmMockGenerator } from "xrm-mock";
import { parseResx } from "../../../demo/host/server/resxStrings";
import { STRINGS_WEB_RESOURCE, languageOf, type Language } from "../../../webresources/i18n/strings";

export const STRINGS_FOLDER = path.resolve(import.meta.dirname, "../../../webresources/strings");

/** The languages the solution ships resx files for; 1033 is the base language of the test organization. */
export const SHIPPED_LANGUAGES = [1033, 1049] as const;
const BASE_LANGUAGE = 1033;

export function resxFile(lcid: number): string {
  return path.join(STRINGS_FOLDER, `opportunity.${lcid}.resx`);
}

/** key → text of one shipped resx file. */
export function resxStrings(lcid: number): Readonly<Record<string, string>> {
  const file = resxFile(lcid);
  return parseResx(readFileSync(file, "utf8"), file);
}

/** What getResourceString answers for a user of `lcid`. */
export function getResourceStringFor(lcid: number): (webResourceName: string, key: string) => string | null {
  const shipped = (language: number) =>
    (SHIPPED_LANGUAGES as readonly number[]).includes(language) ? resxStrings(language) : null;
  return (webResourceName, key) => {
    if (webResourceName !== STRINGS_WEB_RESOURCE) throw new Error(`${webResourceName} does not exist.`);
    return shipped(lcid)?.[key] ?? shipped(BASE_LANGUAGE)?.[key] ?? null;
  };
}

/** A Language over the shipped resx files, for code that takes one directly. */
export function resxLanguage(lcid: number): Language {
  const lookup = getResourceStringFor(lcid);
  return languageOf((key) => lookup(STRINGS_WEB_RESOURCE, key));
}

type GetResourceString = (webResourceName: string, key: string) => string | null;

/** Replaces Xrm.Utility.getResourceString of the current xrm-mock page. */
export function setGetResourceString(getResourceString: GetResourceString): void {
  (Xrm.Utility as { getResourceString: GetResourceString }).getResourceString = getResourceString;
}

/**
 * Gives xrm-mock's Xrm.Utility (whose getResourceString only throws "not implemented") the shipped strings, in the
 * language Xrm.Utility.getGlobalContext().userSettings.languageId names at each call.
 */
export function installResourceStrings(): void {
  setGetResourceString((webResourceName, key) =>
    getResourceStringFor(XrmMockGenerator.context.userSettings.languageId)(webResourceName, key),
  );
}
