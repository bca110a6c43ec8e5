/**
 * JSON text written the way .NET's DataContractJsonSerializer writes it, so the emulator's body bytes match what
 * Dataverse sends (dataverse.md §3.3: "The JSON escapes `/` as `\/`"). Beyond JSON.stringify it escapes `/`, every
 * UTF-16 surrogate, U+FFFE/U+FFFF and the Unicode line separators (U+0085, U+2028, U+2029), with lower-case hex;
 * the control characters it can abbreviate become \b \t \n \f \r. No whitespace is written.
 */

/** A JSON tree; object keys are written in insertion order, which is how the context fixes its member order. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: "\\b",
  0x09: "\\t",
  0x0a: "\\n",
  0x0c: "\\f",
  0x0d: "\\r",
  0x22: '\\"',
  0x2f: "\\/",
  0x5c: "\\\\",
};

function needsUnicodeEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code >= 0xfffe ||
    code === 0x85 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/** A JSON string literal, quotes included. Works on UTF-16 code units, as .NET does. */
export function quoteDataContractString(text: string): string {
  let out = '"';
  let plainFrom = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const escape = SHORT_ESCAPES[code] ?? (needsUnicodeEscape(code) ? `\\u${code.toString(16).padStart(4, "0")}` : "");
    if (escape === "") continue;
    out += text.slice(plainFrom, index) + escape;
    plainFrom = index + 1;
  }
  return `${out}${text.slice(plainFrom)}"`;
}

function writeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`JSON has no encoding for the number ${String(value)}`);
  return String(value);
}

/** Serializes `value` as compact DataContract-style JSON text. */
export function writeDataContractJson(value: JsonValue): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return writeNumber(value);
  if (typeof value === "string") return quoteDataContractString(value);
  if (isJsonArray(value)) return `[${value.map(writeDataContractJson).join(",")}]`;
  const members = Object.entries(value).map(
    ([key, member]) => `${quoteDataContractString(key)}:${writeDataContractJson(member)}`,
  );
  return `{${members.join(",")}}`;
}

// Array.isArray does not narrow readonly arrays, hence the guard.
function isJsonArray(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}

/**
 * A DateTime the way DataContractJsonSerializer writes one: `/Date(<ms>)/` for UTC values, or with an offset such as
 * `/Date(<ms>+0000)/` (OperationCreatedOn since 2024, §3.3). The writer turns `/` into `\/`.
 */
export function dataContractDate(at: Date, offset?: string): string {
  const milliseconds = at.getTime();
  if (Number.isNaN(milliseconds)) throw new RangeError("cannot encode an invalid Date");
  return `/Date(${milliseconds}${offset ?? ""})/`;
}
