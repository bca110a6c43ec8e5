/**
 * The resx strings as the tests read them, to expect exactly what the page shows: the CoSellPanel's (getString) and
 * the form scripts' (Xrm.Utility.getResourceString).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseResx } from "../../demo/host/server/resxStrings";

/** The control's strings of one language, as the host serves them to getString. */
export interface ResxStrings {
  readonly all: Readonly<Record<string, string>>;
  /** @throws Error when the resx has no such key. */
  text(key: string): string;
}

export async function controlStrings(languageId: number): Promise<ResxStrings> {
  const file = join("controls/CoSellPanel/strings", `CoSellPanel.${languageId}.resx`);
  const all = parseResx(await readFile(file, "utf8"), file);
  return {
    all,
    text: (key) => {
      const value = all[key];
      if (value === undefined) throw new Error(`${file} has no string ${key}`);
      return value;
    },
  };
}

/** The form scripts' strings of one language, as the host serves them to Xrm.Utility.getResourceString. */
export async function scriptStrings(languageId: number): Promise<ResxStrings> {
  const file = join("out/webresources/csb_/strings", `opportunity.${languageId}.resx`);
  const all = parseResx(await readFile(file, "utf8"), file);
  return {
    all,
    text: (key) => {
      const value = all[key];
      if (value === undefined) throw new Error(`${file} has no string ${key}`);
      return value;
    },
  };
}

/** The fixed start of a template such as "✔ Synced with Partner Center on {0}.", before its first placeholder. */
export function templateStart(template: string): string {
  return template.split("{")[0]?.trim() ?? template;
}
