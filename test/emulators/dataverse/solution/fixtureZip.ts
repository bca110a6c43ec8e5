/**
 * Builds solution zips for the reader's tests from named parts (XML strings, other text or bytes) with fflate's
 * zipSync, and small XML helpers for writing those parts. XML parts get the UTF-8 byte order mark that Dataverse
 * writes (shared/reference/toolchain.md §4) unless a test asks for none.
 */
import { zipSync } from "fflate";

/** The files of a zip by entry name. */
export type FixtureParts = Readonly<Record<string, string | Uint8Array>>;

const utf8 = new TextEncoder();
const byteOrderMark = new Uint8Array([0xef, 0xbb, 0xbf]);

/** The UTF-8 bytes of a text, with a byte order mark first when asked. */
export function utf8Bytes(text: string, withByteOrderMark = false): Uint8Array {
  const bytes = utf8.encode(text);
  if (!withByteOrderMark) return bytes;
  const marked = new Uint8Array(byteOrderMark.length + bytes.length);
  marked.set(byteOrderMark);
  marked.set(bytes, byteOrderMark.length);
  return marked;
}

/** Zips the parts; `.xml` parts written as strings start with a byte order mark unless `byteOrderMark` is false. */
export function zipParts(parts: FixtureParts, options: { byteOrderMark?: boolean } = {}): Uint8Array {
  const withMark = options.byteOrderMark ?? true;
  const files = Object.fromEntries(
    Object.entries(parts).map(([name, content]) => [
      name,
      typeof content === "string" ? utf8Bytes(content, withMark && name.endsWith(".xml")) : content,
    ]),
  );
  return zipSync(files, { level: 6 });
}

/** A copy of the parts with `search` replaced in one text part; throws when the text is not there, so a variant can't silently equal the original. */
export function replaceInPart(
  parts: FixtureParts,
  partName: string,
  search: string,
  replacement: string,
): FixtureParts {
  const content = parts[partName];
  if (typeof content !== "string" || !content.includes(search)) {
    throw new Error(`fixture: '${search}' is not in ${partName}`);
  }
  return { ...parts, [partName]: content.replace(search, replacement) };
}

/** A copy of the parts without some of them. */
export function withoutParts(parts: FixtureParts, ...names: string[]): FixtureParts {
  for (const name of names) if (!(name in parts)) throw new Error(`fixture: there is no part ${name}`);
  return Object.fromEntries(Object.entries(parts).filter(([name]) => !names.includes(name)));
}

/** Escapes text for an XML attribute or element. */
export function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** One English label element, e.g. `<displayname description="…" languagecode="1033" />`. */
export function label(element: string, text: string): string {
  return `<${element} description="${xmlText(text)}" languagecode="1033" />`;
}

/** A list holding one English label, e.g. `<displaynames><displayname …/></displaynames>`. */
export function labels(list: string, element: string, text: string): string {
  return `<${list}>${label(element, text)}</${list}>`;
}
