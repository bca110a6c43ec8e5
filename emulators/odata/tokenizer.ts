import { ODataQueryError, type QueryOption } from "./errors";
import { parseTemporal, type TemporalValue } from "./temporal";

export type Punctuation = "(" | ")" | "," | "/" | ":";

/** One lexical unit; `position` is the zero-based offset of its first character. */
export type Token =
  | { readonly kind: "identifier" | "number" | "guid" | "end"; readonly text: string; readonly position: number }
  | { readonly kind: "punctuation"; readonly text: Punctuation; readonly position: number }
  | { readonly kind: "string"; readonly text: string; readonly value: string; readonly position: number }
  | {
      readonly kind: "temporal";
      readonly text: string;
      readonly temporal: TemporalValue;
      readonly position: number;
    };

const WHITESPACE = /\s/;
const DIGIT = /\d/;
const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_CHARACTER = /[A-Za-z0-9_]/;
// Sticky patterns match exactly at lastIndex, so each one is tried at the current position only.
const GUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/y;
const GUID_LIKE = /[0-9A-Fa-f]{8}-[0-9A-Za-z-]*/y;
const TEMPORAL = /\d{4}-\d{2}-\d{2}(?:T[0-9:.]*(?:Z|[+-][0-9:]*)?)?/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const WORD_TAIL = /[A-Za-z0-9_.:+-]*/y;

/**
 * Splits query option text into tokens, always ending with an `end` token.
 * Keywords are left as identifiers because they are only keywords in some positions (a property may be called `all`).
 * @throws ODataQueryError for characters or literals that cannot start a token.
 */
export function tokenize(text: string, option: QueryOption): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    const character = text.charAt(position);
    if (WHITESPACE.test(character)) {
      position += 1;
      continue;
    }
    const token = readToken(text, position, option);
    tokens.push(token);
    position += token.text.length;
  }
  tokens.push({ kind: "end", text: "", position: text.length });
  return tokens;
}

function readToken(text: string, position: number, option: QueryOption): Token {
  const character = text.charAt(position);
  if (character === "'") return readString(text, position, option);
  if (isPunctuation(character)) return { kind: "punctuation", text: character, position };

  // GUIDs are tried first: one may start with digits (`65edc0b5-...`) or letters (`f889cdf9-...`).
  const guid = matchAt(GUID, text, position);
  if (guid !== undefined && !continuesWord(text, position + guid.length)) return { kind: "guid", text: guid, position };
  const guidLike = matchAt(GUID_LIKE, text, position);
  if (guidLike !== undefined) {
    throw new ODataQueryError(option, `malformed GUID '${guidLike}' (expected 8-4-4-4-12 hex digits)`, position);
  }

  if (DIGIT.test(character)) {
    const temporal = matchAt(TEMPORAL, text, position);
    if (temporal !== undefined) return readTemporal(text, temporal, position, option);
  }
  if (DIGIT.test(character) || (character === "-" && DIGIT.test(text.charAt(position + 1)))) {
    const number = matchAt(NUMBER, text, position) ?? character;
    if (continuesWord(text, position + number.length) || !Number.isFinite(Number(number))) {
      throw new ODataQueryError(option, `invalid number '${wordAt(text, position)}'`, position);
    }
    return { kind: "number", text: number, position };
  }
  if (IDENTIFIER_START.test(character)) {
    return { kind: "identifier", text: matchAt(IDENTIFIER, text, position) ?? character, position };
  }
  throw new ODataQueryError(option, `unexpected character '${character}'`, position);
}

function readString(text: string, start: number, option: QueryOption): Token {
  let value = "";
  let position = start + 1;
  for (;;) {
    const quote = text.indexOf("'", position);
    if (quote === -1) throw new ODataQueryError(option, "unterminated string starting", start);
    value += text.slice(position, quote);
    // OData escapes a quote inside a string by doubling it: 'O''Neil'.
    if (text.charAt(quote + 1) !== "'") {
      return { kind: "string", text: text.slice(start, quote + 1), value, position: start };
    }
    value += "'";
    position = quote + 2;
  }
}

function readTemporal(text: string, literal: string, position: number, option: QueryOption): Token {
  const temporal = parseTemporal(literal);
  if (temporal === undefined || continuesWord(text, position + literal.length)) {
    throw new ODataQueryError(option, `invalid date or date-time '${wordAt(text, position)}'`, position);
  }
  if (temporal.hasTime && !temporal.hasOffset) {
    throw new ODataQueryError(option, `date-time '${literal}' needs a time zone such as 'Z' or '+01:00'`, position);
  }
  return { kind: "temporal", text: literal, temporal, position };
}

function isPunctuation(character: string): character is Punctuation {
  return character === "(" || character === ")" || character === "," || character === "/" || character === ":";
}

function matchAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position;
  return pattern.exec(text)?.[0];
}

function continuesWord(text: string, position: number): boolean {
  return IDENTIFIER_CHARACTER.test(text.charAt(position));
}

/** The run of literal-like characters at `position`, so a message quotes the whole bad literal, not its first part. */
function wordAt(text: string, position: number): string {
  return text.charAt(position) + (matchAt(WORD_TAIL, text, position + 1) ?? "");
}
