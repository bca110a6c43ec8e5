/**
 * Parsers for configuration values. Each returns the value or a reason saying what is wrong; reasons never quote the
 * text they were given, because a secret pasted into the wrong variable must not end up in a log.
 */
import { isIP } from "node:net";
import { Secret } from "./secret";

/** A parsed value, or why the text is not valid (a phrase such as "must be a whole number from 1 to 100"). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** Turns the text of one setting (already trimmed, never empty) into a value. */
export type Parser<T> = (text: string) => Parsed<T>;

/** A successful parse. */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A failed parse with its reason. */
export function fail<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

/** Whole numbers written with digits only (no sign, no decimals, no exponent), from min to max inclusive. */
export function integerParser(min: number, max: number): Parser<number> {
  return (text) => {
    if (!/^\d+$/.test(text)) return fail(`must be a whole number written with digits only, from ${min} to ${max}`);
    const value = Number(text);
    return value >= min && value <= max ? ok(value) : fail(`must be from ${min} to ${max}`);
  };
}

const trueWords = new Set(["true", "1", "yes"]);
const falseWords = new Set(["false", "0", "no"]);

/** true/false, 1/0 or yes/no, in any letter case. */
export const parseBoolean: Parser<boolean> = (text) => {
  const word = text.toLowerCase();
  if (trueWords.has(word)) return ok(true);
  if (falseWords.has(word)) return ok(false);
  return fail("must be true or false (1/0 and yes/no are accepted too)");
};

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID in its 8-4-4-4-12 form, without braces; returned in lower case. */
export const parseGuid: Parser<string> = (text) =>
  GUID_PATTERN.test(text) ? ok(text.toLowerCase()) : fail("must be a GUID in the form 8-4-4-4-12 hexadecimal digits");

/** One of a fixed set of words, matched without regard to letter case. */
export function choiceParser<T extends string>(choices: readonly T[]): Parser<T> {
  return (text) => {
    const match = choices.find((choice) => choice === text.toLowerCase());
    return match === undefined ? fail(`must be one of ${choices.join(", ")}`) : ok(match);
  };
}

/** Text without spaces or control characters, e.g. an audience such as api://<guid>. */
/** A PostgreSQL schema name the service can write into SQL unquoted (server/store/identifiers.ts has the same rule). */
export const parseSchemaName: Parser<string> = (text) =>
  /^[a-z_][a-z0-9_]{0,44}$/.test(text)
    ? ok(text)
    : fail("must be 1 to 45 lower-case letters, digits or underscores, starting with a letter or an underscore");

export const parseToken: Parser<string> = (text) =>
  /^[\x21-\x7e]+$/.test(text) ? ok(text) : fail("must not contain spaces or non-ASCII characters");

const DNS_NAME_PATTERN =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** An IP address or a DNS name (no scheme, no port), returned in lower case. */
export const parseHost: Parser<string> = (text) => {
  const host = text.toLowerCase();
  if (isIP(host) !== 0 || DNS_NAME_PATTERN.test(host)) return ok(host);
  return fail("must be an IP address or a host name, without a scheme or a port");
};

/**
 * A host name or IP address with an optional port, as found in a URL's authority ("host", "host:port",
 * "[::1]:7071"); returned in lower case. Used for allowlists that are compared with URL.host.
 */
export const parseHostWithPort: Parser<string> = (text) => {
  if (text.includes("://") || text.includes("/")) return fail("must be a host name such as example.com, not a URL");
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(text.toLowerCase());
  const host = match?.[1];
  const port = match?.[2];
  const validHost = host?.startsWith("[") === true ? isIP(host.slice(1, -1)) === 6 : DNS_NAME_PATTERN.test(host ?? "");
  if (host === undefined || !validHost) return fail("must be a host name, optionally with :port");
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return fail("has a port outside 1 to 65535");
  return ok(port === undefined ? host : `${host}:${port}`);
};

/**
 * A secret of at least minLength characters. Whitespace anywhere is refused: no credential we use contains any, so it
 * is a copy-and-paste accident (a trailing newline, a wrapped line) that would otherwise fail later and obscurely.
 */
export function secretParser(minLength = 1): Parser<Secret> {
  return (text) => {
    if (/\s/.test(text)) return fail("must not contain spaces or line breaks");
    if (text.length < minLength) return fail(`must be at least ${minLength} characters long`);
    return ok(new Secret(text));
  };
}

/** A file-system path: any text without NUL characters. */
export const parsePath: Parser<string> = (text) =>
  text.includes("\0") ? fail("must be a file-system path") : ok(text);

/**
 * A comma-separated list (blank items are ignored, duplicates kept once). An item's reason is prefixed with its
 * position, e.g. "item 2 must be ...", so the admin can find it without the value being repeated.
 */
export function listParser<T>(item: Parser<T>): Parser<readonly T[]> {
  return (text) => {
    const parts = text
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
    if (parts.length === 0) return fail("must list at least one item, separated by commas");
    const values: T[] = [];
    for (const [index, part] of parts.entries()) {
      const parsed = item(part);
      if (!parsed.ok) return fail(`item ${index + 1} ${parsed.reason}`);
      if (!values.includes(parsed.value)) values.push(parsed.value);
    }
    return ok(values);
  };
}

const MILLISECONDS_PER_UNIT = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 } as const;
type DurationUnit = keyof typeof MILLISECONDS_PER_UNIT;
const UNIT_NAMES: Record<DurationUnit, string> = {
  ms: "milliseconds",
  s: "seconds",
  m: "minutes",
  min: "minutes",
  h: "hours",
};

function isDurationUnit(unit: string): unit is DurationUnit {
  return Object.hasOwn(MILLISECONDS_PER_UNIT, unit);
}

/** Renders a number of milliseconds in the largest unit that divides it, e.g. 900000 → "15 min". */
export function formatDuration(milliseconds: number): string {
  if (milliseconds % 3_600_000 === 0) return `${milliseconds / 3_600_000} h`;
  if (milliseconds % 60_000 === 0) return `${milliseconds / 60_000} min`;
  if (milliseconds % 1000 === 0) return `${milliseconds / 1000} s`;
  return `${milliseconds} ms`;
}

/**
 * A duration in milliseconds: a whole number in `bareUnit` (so a variable named *_MINUTES takes minutes), or a whole
 * number with a unit: ms, s, m or min, h (e.g. "90s", "2h"). The result must lie within [minMs, maxMs].
 */
export function durationParser(bareUnit: DurationUnit, minMs: number, maxMs: number): Parser<number> {
  const range = `from ${formatDuration(minMs)} to ${formatDuration(maxMs)}`;
  return (text) => {
    const match = /^(\d+)\s*([a-z]*)$/.exec(text.toLowerCase());
    const unit = match?.[2] === "" ? bareUnit : match?.[2];
    if (match?.[1] === undefined || unit === undefined || !isDurationUnit(unit)) {
      return fail(`must be a whole number of ${UNIT_NAMES[bareUnit]}, or a whole number with a unit: ms, s, m or h`);
    }
    const milliseconds = Number(match[1]) * MILLISECONDS_PER_UNIT[unit];
    return milliseconds >= minMs && milliseconds <= maxMs ? ok(milliseconds) : fail(`must be ${range}`);
  };
}
