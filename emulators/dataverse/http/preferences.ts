/**
 * The `Prefer` header (dataverse.md §4.1): `return=representation`, `odata.include-annotations="..."` and
 * `odata.maxpagesize=N`, in one header separated by commas or in several; and the `Preference-Applied` header that
 * says which were honoured.
 */

/** What a request prefers. */
export interface Preferences {
  readonly returnRepresentation: boolean;
  /** The annotation filter without quotes, e.g. `*` or `OData.Community.Display.V1.FormattedValue`. */
  readonly includeAnnotations: string | undefined;
  /** NaN when the value is not a number (the organization refuses it then). */
  readonly maxPageSize: number | undefined;
}

/** Reads the Prefer header of a request (lower-case header names). */
export function preferencesOf(headers: Readonly<Record<string, string>>): Preferences {
  let returnRepresentation = false;
  let includeAnnotations: string | undefined;
  let maxPageSize: number | undefined;
  for (const item of splitOutsideQuotes(headers.prefer ?? "")) {
    const separator = item.indexOf("=");
    const name = (separator === -1 ? item : item.slice(0, separator)).trim().toLowerCase();
    const value = separator === -1 ? "" : unquote(item.slice(separator + 1).trim());
    if (name === "return" && value.toLowerCase() === "representation") returnRepresentation = true;
    else if (name === "odata.include-annotations") includeAnnotations = value;
    else if (name === "odata.maxpagesize") maxPageSize = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  }
  return { returnRepresentation, includeAnnotations, maxPageSize };
}

/** The `Preference-Applied` value for what was honoured, or undefined when nothing was. */
export function preferenceApplied(applied: {
  readonly returnRepresentation?: boolean;
  readonly includeAnnotations?: string | undefined;
  readonly maxPageSize?: number | undefined;
}): Record<string, string> {
  const items: string[] = [];
  if (applied.returnRepresentation === true) items.push("return=representation");
  if (applied.includeAnnotations !== undefined) items.push(`odata.include-annotations="${applied.includeAnnotations}"`);
  if (applied.maxPageSize !== undefined) items.push(`odata.maxpagesize=${applied.maxPageSize}`);
  return items.length === 0 ? {} : { "Preference-Applied": items.join(",") };
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function splitOutsideQuotes(text: string): string[] {
  const items: string[] = [];
  let quoted = false;
  let current = "";
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    if (character === "," && !quoted) {
      items.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== "");
}
