/** A parsed `Content-Type` value: `multipart/mixed; boundary="batch_1"` → type "multipart/mixed", boundary param. */
export interface MediaType {
  /** "type/subtype" in lower case. */
  readonly type: string;
  /** Parameters by lower-case name; quoted values are unquoted. */
  readonly parameters: Readonly<Record<string, string>>;
}

/**
 * Reads a media type with its parameters. Quoted parameter values may contain ";" and escaped characters, since
 * §4.3's `boundary="batch_<id>"` is quoted while clients such as dynamics-web-api send `multipart/mixed;boundary=x`.
 */
export function parseMediaType(value: string): MediaType {
  const semicolon = value.indexOf(";");
  const type = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  const parameters: Record<string, string> = {};
  let position = semicolon === -1 ? value.length : semicolon + 1;
  while (position < value.length) {
    const equals = value.indexOf("=", position);
    if (equals === -1) break;
    const name = value.slice(position, equals).trim().toLowerCase();
    const { text, end } = readParameterValue(value, equals + 1);
    if (name !== "" && !(name in parameters)) parameters[name] = text;
    const next = value.indexOf(";", end);
    position = next === -1 ? value.length : next + 1;
  }
  return { type, parameters };
}

function readParameterValue(value: string, start: number): { text: string; end: number } {
  let position = start;
  while (value[position] === " " || value[position] === "\t") position += 1;
  if (value[position] !== '"') {
    const semicolon = value.indexOf(";", position);
    const end = semicolon === -1 ? value.length : semicolon;
    return { text: value.slice(position, end).trim(), end };
  }
  let text = "";
  position += 1;
  while (position < value.length && value[position] !== '"') {
    if (value[position] === "\\" && position + 1 < value.length) position += 1;
    text += value[position] ?? "";
    position += 1;
  }
  return { text, end: position + 1 };
}
