/**
 * The panel's own texts, by resx key (strings/CoSellPanel.<lcid>.resx). The keys are listed in model/stringKeys.ts,
 * so the compiler checks every use and a test checks that each language file has every key.
 */
import type { stringKeys } from "./stringKeys";

export type StringKey = (typeof stringKeys)[number];

/** A localized text by key, with `{0}` and `{1}` replaced by the arguments (no text needs more). */
export type Translate = (key: StringKey, first?: string | number, second?: string | number) => string;

/**
 * Wraps `context.resources.getString`. A key missing from the resx comes back as the key itself or as an empty
 * string depending on the host, so an empty answer falls back to the key: a visible key is easier to report than a
 * blank label.
 */
export function translatorOf(getString: (key: string) => string): Translate {
  // Two named parameters rather than rest arguments: Babel turns rest arguments into a copying loop at every use.
  return (key, first, second) => {
    const template = getString(key);
    return fillPlaceholders(template === "" ? key : template, [first, second]);
  };
}

export function fillPlaceholders(template: string, args: readonly (string | number | undefined)[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}
