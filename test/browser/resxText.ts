/**
 * The resx strings as the tests read them, to expect exactly what the page shows: the CoSellPanel's (getString) and
 * the form scripts' (Xrm.Utility.getResourceString).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseResx } from "../../demo/host/server/resxStrings";

/** The strings of one resx file. */
export interface ResxStrings {
  readonly all: Readonly<Record<string, string>>;
  /** @throws Error when the resx has no such key. */
  text(key: string): string;
}

/** The strings of one resx file; text() refuses a key the file lacks, so a test can't pass on a missing string. */
async function stringsOf(file: string): Promise<ResxStrings> {
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

/** The control's strings of one language, as the host serves them to getString. */
export function controlStrings(languageId: number): Promise<ResxStrings> {
  return stringsOf(join("controls/CoSellPanel/strings", `CoSellPanel.${languageId}.resx`));
}

/** The form scripts' strings of one language, as the host serves them to Xrm.Utility.getResourceString. */
export function scriptStrings(languageId: number): Promise<ResxStrings> {
  return stringsOf(join("out/webresources/csb_/strings", `opportunity.${languageId}.resx`));
}

/** The fixed start of a template such as "✔ Synced with Partner Center on {0}.", before its first placeholder. */
export function templateStart(template: string): string {
  return template.split("{")[0]?.trim() ?? template;
}
