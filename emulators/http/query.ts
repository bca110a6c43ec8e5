import { HttpError } from "./http-error";

/** One `name=value` pair of a query string, both percent-decoded. */
export interface QueryPair {
  readonly name: string;
  readonly value: string;
}

/**
 * Splits a raw query string (without the leading "?") on `&` and the first `=` of each part, and decodes both sides
 * with decodeURIComponent. Unlike URLSearchParams this keeps `+` as a plus sign: OData filters carry time-zone
 * offsets such as `2026-01-01T00:00:00+01:00`, and form-style decoding would turn them into spaces.
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
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, "BadRequest", `The query option '${optionName}' holds malformed percent-encoding.`);
  }
}
