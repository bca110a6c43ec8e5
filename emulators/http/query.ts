import { HttpError } from "./http-error";

/** One `name=value` pair of a query string, both percent-decoded. */
export interface QueryPair {
  readonly name: string;
  readonly value: string;
}

/**
 * Splits a raw query string (without the leading "?") on `&` and the first `=` of each part, and decodes both sides
 * the way the ASP.NET services behind both real APIs do: `+` is a space (curl and URLSearchParams encode spaces so),
 * and a literal plus, such as the one in a time-zone offset `2026-01-01T00:00:00+01:00`, must be sent as `%2B`.
 * @throws HttpError 400 when a part holds malformed percent-encoding.
 */
export function parseQueryPairs(rawQuery: string): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const separator = part.indexOf("=");
    const rawName = separator === -1 ? part : part.slice(0, separator);
    const rawValue = separator === -1 ? "" : part.slice(separator + 1);
    const name = decodeQueryText(rawName, rawName);
    pairs.push({ name, value: decodeQueryText(rawValue, name) });
  }
  return pairs;
}

/**
 * The query options as a map from name to value. When a name repeats, the first occurrence wins; emulators that
 * must reject duplicates can inspect {@link parseQueryPairs} on the raw query instead.
 */
export function parseQuery(rawQuery: string): Readonly<Record<string, string>> {
  // A prototype-free object, so that an option named "__proto__" or "constructor" is just another key.
  const options = Object.create(null) as Record<string, string>;
  for (const { name, value } of parseQueryPairs(rawQuery)) {
    if (!Object.hasOwn(options, name)) options[name] = value;
  }
  return options;
}

function decodeQueryText(raw: string, optionName: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    throw new HttpError(400, "BadRequest", `The query option '${optionName}' holds malformed percent-encoding.`);
  }
}
