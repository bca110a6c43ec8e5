/** The CoSellPanel's resx strings as the test reads them, to expect exactly what the control's getString returns. */
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
