/**
 * Reads request headers the same way whatever the HTTP framework: node:http's lower-cased `IncomingHttpHeaders`, a
 * plain record with any casing, or a Fetch API `Headers`.
 */
import { IntakeError } from "./intakeError";

/** A Fetch API `Headers`, or anything with the same `get`. */
export interface HeaderLookup {
  get(name: string): string | null;
}

/** The request headers of a webhook delivery; names are matched case-insensitively. */
export type WebhookHeaders = HeaderLookup | Readonly<Record<string, string | readonly string[] | undefined>>;

function isHeaderLookup(headers: WebhookHeaders): headers is HeaderLookup {
  return typeof (headers as Partial<HeaderLookup>).get === "function";
}

/** Every value given under `name` (any casing), in order. */
function valuesOf(headers: WebhookHeaders, name: string): string[] {
  if (isHeaderLookup(headers)) {
    const value = headers.get(name);
    return value === null ? [] : [value];
  }
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    values.push(...(typeof value === "string" ? [value] : value));
  }
  return values;
}

/**
 * The trimmed value of one header, or undefined when it is absent or blank.
 * @throws IntakeError 400 when the header carries two different values: which one was signed would be a guess.
 */
export function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  const lowerName = name.toLowerCase();
  const distinct = [...new Set(valuesOf(headers, lowerName).map((value) => value.trim()))].filter(
    (value) => value !== "",
  );
  if (distinct.length > 1) {
    throw new IntakeError(
      400,
      "duplicate-header",
      `the ${lowerName} header appears more than once with different values`,
    );
  }
  return distinct[0];
}
