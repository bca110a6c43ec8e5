/**
 * Reads one XML part of the zip into an XmlElement tree. Solution parts are UTF-8; Dataverse writes them with a
 * byte order mark (shared/reference/toolchain.md §4), pcf-scripts writes ControlManifest.xml without one, so the mark
 * is optional. Well-formedness is checked first so that a broken part is refused with its line and column rather
 * than half-read: fast-xml-parser's parser itself is lenient (it accepts mismatched closing tags).
 */
import { XMLValidator } from "fast-xml-parser";
import type { Findings } from "./problems";
import type { XmlElement } from "./xmlElement";
import { parseXmlTree, XmlEntityError } from "./xmlTree";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function lineAndColumn(text: string, index: number): string {
  const before = text.slice(0, index).split("\n");
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Decodes the bytes as UTF-8 (dropping the optional byte order mark) or says why it can't. */
function decodeUtf8(bytes: Uint8Array): string | { problem: string } {
  const [first, second] = bytes;
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) {
    return { problem: "The file is UTF-16 text. Solution parts must be UTF-8; save it again as UTF-8." };
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return { problem: "The file is not valid UTF-8 text. Save it again as UTF-8." };
  }
}

/** Why the text is not a well-formed UTF-8 XML document, with the position where the reader gave up. */
function wellFormednessProblem(text: string): string | undefined {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype !== null) {
    return (
      `The file has a DOCTYPE declaration at ${lineAndColumn(text, doctype.index)}. Solution parts never have ` +
      "one (it could define entities); remove it."
    );
  }
  // fast-xml-parser marks XMLValidator deprecated in favour of a separate package that this project doesn't install;
  // it is the only well-formedness check available here and still ships with v5.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const result = XMLValidator.validate(text);
  if (result !== true) {
    const { line, col, msg } = result.err;
    const position = Number.isFinite(col) ? `line ${line}, column ${col}` : `line ${line}`;
    return `The XML is not well-formed at ${position}: ${msg} Correct the XML at that spot.`;
  }
  const encoding = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (encoding !== undefined && encoding.toLowerCase() !== "utf-8") {
    return `The XML declaration says encoding="${encoding}", but solution parts are UTF-8. Declare encoding="utf-8".`;
  }
  return undefined;
}

/** The document's content, or why it can't be read. */
function parseContent(text: string): (XmlElement | string)[] | { problem: string } {
  try {
    return parseXmlTree(text);
  } catch (error) {
    if (error instanceof XmlEntityError) {
      const at = lineAndColumn(text, text.indexOf(error.reference));
      return {
        problem: `The XML uses ${error.reference} at ${at}, which XML does not define. Write the character itself.`,
      };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: `The XML can't be read (${reason}). Correct the XML.` };
  }
}

/**
 * Parses the XML part `partName` and checks that its single root element is `expectedRoot`. Returns undefined after
 * recording a "MalformedXml" problem when it can't.
 */
export function parseXmlPart(
  bytes: Uint8Array,
  partName: string,
  expectedRoot: string,
  findings: Findings,
): XmlElement | undefined {
  const text = decodeUtf8(bytes);
  const problem = typeof text === "string" ? wellFormednessProblem(text) : text.problem;
  const content = typeof text === "string" && problem === undefined ? parseContent(text) : { problem: problem ?? "" };
  if (!Array.isArray(content)) {
    findings.problem("MalformedXml", partName, content.problem);
    return undefined;
  }
  const roots = content.filter((item): item is XmlElement => typeof item !== "string");
  const [root] = roots;
  if (roots.length !== 1 || root?.name !== expectedRoot) {
    const found = roots.map((element) => `<${element.name}>`).join(", ") || "no element";
    findings.problem(
      "MalformedXml",
      partName,
      `The document must have exactly one root element <${expectedRoot}>, but has ${found}.`,
    );
    return undefined;
  }
  return root;
}
