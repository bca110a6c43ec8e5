/**
 * A small XML tree builder and a deterministic serializer for the solution's parts. Every part of the zip is written
 * through it, so escaping and formatting live in one place: attributes in the order given, two-space indentation,
 * elements holding only text on one line, empty elements self-closed, LF line ends. The same tree always gives the
 * same text, which keeps the packer's output byte-for-byte repeatable.
 */

/** An attribute value; `undefined` leaves the attribute out, so optional attributes can be written inline. */
export type AttributeValue = string | number | boolean | undefined;

/** One element: its name, attributes in document order, and its children (elements or text). */
export interface XmlNode {
  readonly name: string;
  readonly attributes: readonly (readonly [string, string])[];
  readonly children: readonly (XmlNode | string)[];
}

/** What `element` accepts as children: nodes, text, numbers, nested lists, and nothing (undefined/false/null). */
export type XmlChild = XmlNode | string | number | undefined | null | false | readonly XmlChild[];

function flatten(children: readonly XmlChild[], into: (XmlNode | string)[]): (XmlNode | string)[] {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) flatten(child as readonly XmlChild[], into);
    else if (typeof child === "number") into.push(String(child));
    else into.push(child as XmlNode | string);
  }
  return into;
}

/** Builds an element. Attributes whose value is undefined are left out; booleans are written true/false. */
export function element(
  name: string,
  attributes: Readonly<Record<string, AttributeValue>> = {},
  ...children: readonly XmlChild[]
): XmlNode {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => [key, String(value)] as const);
  return { name, attributes: written, children: flatten(children, []) };
}

/** An element holding one text value, e.g. `<Version>1.0.0.0</Version>`; numbers and booleans as text. */
export function textElement(name: string, value: string | number | boolean): XmlNode {
  return element(name, {}, String(value));
}

/** A Dataverse TrueFalse01Type value: 1 or 0. */
export function flag(value: boolean): string {
  return value ? "1" : "0";
}

const textEscapes: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const attributeEscapes: Readonly<Record<string, string>> = {
  ...textEscapes,
  '"': "&quot;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};

/** Escapes element text. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (character) => textEscapes[character] ?? character);
}

/** Escapes an attribute value (double-quoted); line breaks and tabs as references so they survive parsing. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\n\r\t]/g, (character) => attributeEscapes[character] ?? character);
}

function openingTag(node: XmlNode): string {
  const attributes = node.attributes.map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join("");
  return `<${node.name}${attributes}`;
}

function serializeNode(node: XmlNode, indent: string, lines: string[]): void {
  const open = openingTag(node);
  if (node.children.length === 0) {
    lines.push(`${indent}${open} />`);
    return;
  }
  if (node.children.every((child) => typeof child === "string")) {
    lines.push(`${indent}${open}>${escapeText(node.children.join(""))}</${node.name}>`);
    return;
  }
  lines.push(`${indent}${open}>`);
  for (const child of node.children) {
    // Mixed content never occurs in solution parts; text next to elements would be reformatted, so refuse it.
    if (typeof child === "string") throw new Error(`<${node.name}> mixes text and elements; write one or the other.`);
    serializeNode(child, `${indent}  `, lines);
  }
  lines.push(`${indent}</${node.name}>`);
}

/** The element as XML text, indented, without a declaration. */
export function serializeElement(node: XmlNode, indent = ""): string {
  const lines: string[] = [];
  serializeNode(node, indent, lines);
  return lines.join("\n");
}

/** A whole XML document: the UTF-8 declaration, the root element and a final line break. */
export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${serializeElement(root)}\n`;
}
