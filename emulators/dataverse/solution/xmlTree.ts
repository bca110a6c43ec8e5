/**
 * Turns fast-xml-parser's order-preserving output into XmlElement trees. Two properties of fast-xml-parser 5 shape
 * this module: it refuses names such as `constructor` (ControlManifest.xml has `constructor="…"`) and renames others
 * (`toString`), so every tag and attribute name reaches it behind a prefix that XML names can't contain; and it leaves
 * numeric character references undecoded, so entity processing is switched off there and done here, in one pass.
 */
import { XMLParser } from "fast-xml-parser";
import type { XmlElement } from "./xmlElement";

/** U+00A7 is neither a NameStartChar nor a NameChar of XML 1.0, so no real name contains it. */
const namePrefix = "\u00a7";
const textKey = "#text";
const cdataKey = "#cdata";
const attributesKey = ":@";

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: namePrefix,
  // fast-xml-parser applies the transform twice to self-closing tags, so unprefixing strips every leading mark.
  transformTagName: (name) => `${namePrefix}${name}`,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  cdataPropName: cdataKey,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** A reference to an entity XML does not predefine, or to a character XML does not allow. */
export class XmlEntityError extends Error {
  constructor(readonly reference: string) {
    super(`the reference ${reference} is not allowed`);
    this.name = "XmlEntityError";
  }
}

const predefinedEntities: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Decodes the five predefined entities and numeric character references (XML 1.0 §4.1, §4.6). */
export function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (reference, body: string) => {
    if (!body.startsWith("#")) {
      const replacement = predefinedEntities[body];
      if (replacement === undefined) throw new XmlEntityError(reference);
      return replacement;
    }
    const codePoint = body.startsWith("#x") ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!isXmlCharacter(codePoint)) throw new XmlEntityError(reference);
    return String.fromCodePoint(codePoint);
  });
}

function unprefixed(name: string): string {
  let start = 0;
  while (name.startsWith(namePrefix, start)) start += namePrefix.length;
  return name.slice(start);
}

type ParsedNode = Record<string, unknown>;

function isParsedNode(value: unknown): value is ParsedNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function attributesOf(node: ParsedNode): Record<string, string> {
  const raw = node[attributesKey];
  if (!isParsedNode(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [unprefixed(name), decodeReferences(String(value))]),
  );
}

/** The literal text of a CDATA section node. */
function cdataText(value: unknown): string {
  const [first] = Array.isArray(value) ? (value as unknown[]) : [];
  const text = isParsedNode(first) ? first[textKey] : undefined;
  return typeof text === "string" ? text : "";
}

function convertNodes(nodes: unknown): (XmlElement | string)[] {
  if (!Array.isArray(nodes)) return [];
  const content: (XmlElement | string)[] = [];
  for (const node of nodes as unknown[]) {
    if (!isParsedNode(node)) continue;
    const key = Object.keys(node).find((candidate) => candidate !== attributesKey);
    if (key === undefined) continue;
    if (key === textKey) content.push(decodeReferences(String(node[textKey])));
    else if (key === cdataKey) content.push(cdataText(node[cdataKey]));
    else content.push({ name: unprefixed(key), attributes: attributesOf(node), content: convertNodes(node[key]) });
  }
  return content;
}

/**
 * The top-level content of a document already checked to be well-formed. Throws XmlEntityError for an undefined
 * entity, and fast-xml-parser's own errors for what its parser refuses.
 */
export function parseXmlTree(text: string): (XmlElement | string)[] {
  return convertNodes(parser.parse(text));
}
