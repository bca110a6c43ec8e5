/**
 * How XML parts are decoded: the optional UTF-8 byte order mark, character references, and the encodings and
 * constructs a solution part never has.
 */
import { describe, expect, it } from "vitest";
import { readSolutionZip } from "../../../../emulators/dataverse/solution";
import { controlManifest } from "./coSellBridgeComponents";
import { coSellBridgeParts, coSellBridgeZip, manifestEntry } from "./coSellBridgeFixture";
import { replaceInPart, utf8Bytes, zipParts } from "./fixtureZip";
import { expectProblems, refusalOf } from "./refusal";

const parts = coSellBridgeParts();
const customizationsPart = "customizations.xml";
const syncDescription = '<Description description="Sync with Partner Center" languagecode="1033" />';

/** The description the sync column gets when its Description element is replaced by `description`. */
function syncColumnDescription(description: string): string | undefined {
  const changed = replaceInPart(parts, customizationsPart, syncDescription, description);
  const opportunity = readSolutionZip(zipParts(changed)).entities[0];
  return opportunity?.attributes[0]?.descriptions[0]?.text;
}

describe("the UTF-8 byte order mark", () => {
  it("reads the same solution with and without byte order marks on the XML parts", () => {
    const marked = zipParts(parts, { byteOrderMark: true });
    const unmarked = zipParts(parts, { byteOrderMark: false });
    expect(marked.length).toBeGreaterThan(unmarked.length);
    expect(readSolutionZip(marked)).toEqual(readSolutionZip(unmarked));
  });

  it("reads a control manifest with a byte order mark as well as one without", () => {
    const marked = { ...parts, [manifestEntry]: utf8Bytes(controlManifest, true) };
    expect(readSolutionZip(zipParts(marked)).customControls).toEqual(readSolutionZip(coSellBridgeZip()).customControls);
  });

  it("counts positions after the mark, as an editor shows them", () => {
    const broken = replaceInPart(parts, "solution.xml", "<Version>", "<Version><");
    const marked = refusalOf(zipParts(broken, { byteOrderMark: true }));
    expect(marked.problems[0]).toMatchObject({ code: "MalformedXml", part: "solution.xml" });
    expect(marked.problems).toEqual(refusalOf(zipParts(broken, { byteOrderMark: false })).problems);
  });
});

describe("character references", () => {
  it("decodes numeric and predefined references once", () => {
    expect(
      syncColumnDescription(
        '<Description description="Sync &#233;t&#xE9; &amp;#65; &lt;now&gt;" languagecode="1033" />',
      ),
    ).toBe("Sync été &#65; <now>");
  });

  it("keeps CDATA text literally", () => {
    const broken = replaceInPart(
      parts,
      customizationsPart,
      "<Format>url</Format>",
      "<Format><![CDATA[u&amp;rl]]></Format>",
    );
    const opportunity = readSolutionZip(zipParts(broken)).entities[0];
    expect(opportunity?.attributes.find((column) => column.logicalName === "csb_referrallink")).toMatchObject({
      format: "u&amp;rl",
    });
  });

  it("refuses an entity XML does not define, with its position (MalformedXml)", () => {
    const broken = replaceInPart(parts, customizationsPart, syncDescription, '<Description description="a&nbsp;b" />');
    const text = String(broken[customizationsPart]);
    const before = text.slice(0, text.indexOf("&nbsp;")).split("\n");
    const position = `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
    expectProblems(refusalOf(zipParts(broken)), [
      { code: "MalformedXml", part: customizationsPart, says: `&nbsp; at ${position}` },
    ]);
  });
});

describe("what a solution part never is", () => {
  it("refuses UTF-16 text (MalformedXml)", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x54, 0x00, 0x2f, 0x00, 0x3e, 0x00]);
    const error = refusalOf(zipParts({ ...parts, "[Content_Types].xml": utf16 }));
    expectProblems(error, [{ code: "MalformedXml", part: "[Content_Types].xml", says: /UTF-16/ }]);
  });

  it("refuses bytes that are not UTF-8 (MalformedXml)", () => {
    const error = refusalOf(zipParts({ ...parts, "[Content_Types].xml": new Uint8Array([0x3c, 0xc3, 0x28, 0x3e]) }));
    expectProblems(error, [{ code: "MalformedXml", part: "[Content_Types].xml", says: /not valid UTF-8/ }]);
  });

  it("refuses a declaration of another encoding (MalformedXml)", () => {
    const broken = replaceInPart(parts, "solution.xml", 'encoding="utf-8"', 'encoding="windows-1252"');
    expect(refusalOf(zipParts(broken)).problems[0]?.message).toMatch(/encoding="windows-1252"/);
  });

  it("refuses a DOCTYPE, which could define entities (MalformedXml)", () => {
    const broken = replaceInPart(
      parts,
      customizationsPart,
      "<ImportExportXml",
      '<!DOCTYPE x [<!ENTITY a "b">]>\n<ImportExportXml',
    );
    expectProblems(refusalOf(zipParts(broken)), [
      {
        code: "MalformedXml",
        part: customizationsPart,
        says: /DOCTYPE declaration at line 2, column 1/,
      },
    ]);
  });

  it("refuses the wrong root element (MalformedXml)", () => {
    const broken = replaceInPart(parts, "[Content_Types].xml", "<Types ", "<Type ");
    const fixed = replaceInPart(broken, "[Content_Types].xml", "</Types>", "</Type>");
    expectProblems(refusalOf(zipParts(fixed)), [
      {
        code: "MalformedXml",
        part: "[Content_Types].xml",
        says: "The document must have exactly one root element <Types>, but has <Type>.",
      },
    ]);
  });

  it("reads names fast-xml-parser treats specially, like constructor and toString, as ordinary names", () => {
    const odd = replaceInPart(
      parts,
      customizationsPart,
      "<EntityDataProviders />",
      '<EntityDataProviders><toString constructor="x" __proto__="y" /></EntityDataProviders>',
    );
    const solution = readSolutionZip(zipParts(odd));
    expect(solution.customControls[0]?.manifest.constructorName).toBe("CoSellPanel");
    expect(solution.warnings).toEqual([
      {
        part: customizationsPart,
        message: "The section <EntityDataProviders> is not imported by the emulator and is ignored.",
      },
    ]);
  });
});
