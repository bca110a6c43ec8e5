/**
 * A small, order-preserving XML element tree built from fast-xml-parser's output, with the few navigation helpers the
 * part readers need. Element and attribute names are matched exactly: Microsoft's schema is case-sensitive
 * (CustomizationsSolution.xsd names `WebResources` but `optionsets`), so a differently cased name is another element.
 */

/** One XML element: its name, attributes, child elements in document order and its own text (not trimmed). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Child elements and text runs in document order; text runs are strings. */
  readonly content: readonly (XmlElement | string)[];
}

/** The child elements of an element, in document order. */
export function elementsOf(element: XmlElement): XmlElement[] {
  return element.content.filter((item): item is XmlElement => typeof item !== "string");
}

/** The first child element with exactly this name. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return elementsOf(element).find((child) => child.name === name);
}

/** Every child element with exactly this name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return elementsOf(element).filter((child) => child.name === name);
}

/** The grandchildren `itemName` inside the first child `listName`, e.g. every `WebResource` in `WebResources`. */
export function listItems(element: XmlElement, listName: string, itemName: string): XmlElement[] {
  const list = childNamed(element, listName);
  return list === undefined ? [] : childrenNamed(list, itemName);
}

/** The text directly inside an element (not inside its children), trimmed. */
export function textOf(element: XmlElement): string {
  return element.content
    .filter((item): item is string => typeof item === "string")
    .join("")
    .trim();
}

/** The trimmed text of the first child with this name; undefined when the child is absent or empty. */
export function childText(element: XmlElement, name: string): string | undefined {
  const child = childNamed(element, name);
  if (child === undefined) return undefined;
  const text = textOf(child);
  return text === "" ? undefined : text;
}

/** Every element below `element` (not itself), depth first, in document order. */
export function descendantsOf(element: XmlElement): XmlElement[] {
  return elementsOf(element).flatMap((child) => [child, ...descendantsOf(child)]);
}

function escapeXml(text: string, quote: boolean): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return quote ? escaped.replace(/"/g, "&quot;") : escaped;
}

/**
 * Writes an element back as XML text: attributes in their original order, text escaped, empty elements
 * self-closed. Used for form definitions (FormXml), which the model keeps as a string.
 */
export function serializeElement(element: XmlElement): string {
  const attributes = Object.entries(element.attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(value, true)}"`)
    .join("");
  if (element.content.length === 0) return `<${element.name}${attributes} />`;
  const inner = element.content
    .map((item) => (typeof item === "string" ? escapeXml(item, false) : serializeElement(item)))
    .join("");
  return `<${element.name}${attributes}>${inner}</${element.name}>`;
}
