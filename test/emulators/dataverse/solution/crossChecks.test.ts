/**
 * The checks between parts: root components and parts in both directions, content types, publisher prefixes (option
 * values only warn), and the control's name and files.
 */
import { describe, expect, it } from "vitest";
import { readSolutionZip } from "../../../../emulators/dataverse/solution";
import { controlManifest, serviceEndpointId, webResourceEntry, webResourceName } from "./coSellBridgeComponents";
import { bundleEntry, coSellBridgeParts, manifestEntry } from "./coSellBridgeFixture";
import { replaceInPart, utf8Bytes, withoutParts, zipParts, type FixtureParts } from "./fixtureZip";
import { codesOf, expectProblems, refusalOf } from "./refusal";

const parts = coSellBridgeParts();
const solutionPart = "solution.xml";
const customizationsPart = "customizations.xml";

function withoutRootComponent(base: FixtureParts, rootComponent: string): FixtureParts {
  return replaceInPart(base, solutionPart, rootComponent, "");
}

describe("root components and parts, both ways", () => {
  it("refuses an environment variable folder without its root component, which Dataverse would skip", () => {
    const error = refusalOf(
      zipParts(withoutRootComponent(parts, '<RootComponent type="380" schemaName="csb_FieldMapping" behavior="0" />')),
    );
    expectProblems(error, [
      {
        code: "ComponentMismatch",
        part: "environmentvariabledefinitions/csb_FieldMapping/",
        says: 'Add <RootComponent type="380" schemaName="…" behavior="0" />',
      },
    ]);
  });

  it("refuses a web resource and a table that solution.xml does not list", () => {
    let unlisted = withoutRootComponent(
      parts,
      `<RootComponent type="61" schemaName="${webResourceName}" behavior="0" />`,
    );
    unlisted = withoutRootComponent(unlisted, '<RootComponent type="1" schemaName="opportunity" behavior="2" />');
    const error = refusalOf(zipParts(unlisted));
    expect(codesOf(error)).toEqual(["ComponentMismatch", "ComponentMismatch"]);
    expect(error.problems.map((problem) => problem.message).join(" ")).toMatch(
      /table 'Opportunity'.*web resource 'csb_\/scripts/,
    );
  });

  it("matches root components by name without regard to case, and by id with or without braces", () => {
    let recased = replaceInPart(parts, solutionPart, 'schemaName="opportunity"', 'schemaName="Opportunity"');
    recased = replaceInPart(
      recased,
      solutionPart,
      `id="{${serviceEndpointId}}"`,
      `id="${serviceEndpointId.toUpperCase()}"`,
    );
    expect(readSolutionZip(zipParts(recased)).warnings).toEqual([]);
  });

  it("refuses a root component of a known type that names nothing it can be matched by", () => {
    const error = refusalOf(
      zipParts(
        replaceInPart(
          parts,
          solutionPart,
          `<RootComponent type="95" id="{${serviceEndpointId}}"`,
          '<RootComponent type="95" schemaName="endpoint"',
        ),
      ),
    );
    expect(codesOf(error)).toEqual(["InvalidManifest", "ComponentMismatch"]);
  });

  it("warns about root component types the emulator does not import", () => {
    const withWorkflow = replaceInPart(
      parts,
      solutionPart,
      "<RootComponents>",
      '<RootComponents><RootComponent type="29" id="{0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9}" behavior="0" />',
    );
    expect(readSolutionZip(zipParts(withWorkflow)).warnings).toEqual([
      { part: solutionPart, message: "RootComponent type 29 is not a component the emulator imports; it is ignored." },
    ]);
  });
});

describe("content types", () => {
  it("refuses files whose extension [Content_Types].xml does not cover, saying what to add", () => {
    const error = refusalOf(
      zipParts(
        replaceInPart(
          parts,
          "[Content_Types].xml",
          '<Default Extension="js" ContentType="application/octet-stream" />',
          "",
        ),
      ),
    );
    expectProblems(error, [
      {
        code: "ComponentMismatch",
        part: "[Content_Types].xml",
        says: `The file '${bundleEntry}' has no content type in [Content_Types].xml: add <Default Extension="js" ContentType="application/octet-stream" />.`,
      },
    ]);
  });

  it("refuses an extension-less web resource file without its Override", () => {
    const error = refusalOf(
      zipParts(
        replaceInPart(
          parts,
          "[Content_Types].xml",
          `<Override PartName="/${webResourceEntry}" ContentType="application/octet-stream" />`,
          "",
        ),
      ),
    );
    expect(error.problems[0]?.message).toMatch(/add <Override PartName="\/WebResources\/csb_scriptsopportunityformjs/);
  });
});

describe("publisher prefixes", () => {
  it("only warns when a choice value lies outside the publisher's option value range", () => {
    const outside = replaceInPart(
      parts,
      customizationsPart,
      '<option value="582100005">',
      '<option value="100000005">',
    );
    const solution = readSolutionZip(zipParts(outside));
    expect(solution.warnings.map((warning) => warning.part)).toEqual([customizationsPart]);
    expect(solution.warnings[0]?.message).toMatch(
      /^The option set of opportunity\.csb_microsofthelp has choice values \(100000005\) outside the publisher's range 582100000–582109999/,
    );
  });

  it("refuses a new column without the publisher prefix", () => {
    let renamed = replaceInPart(parts, customizationsPart, 'PhysicalName="csb_Products"', 'PhysicalName="Products"');
    renamed = replaceInPart(renamed, customizationsPart, "<Name>csb_products</Name>", "<Name>products</Name>");
    renamed = replaceInPart(
      renamed,
      customizationsPart,
      "<LogicalName>csb_products</LogicalName>",
      "<LogicalName>products</LogicalName>",
    );
    expectProblems(refusalOf(zipParts(renamed)), [
      {
        code: "InvalidComponent",
        part: customizationsPart,
        says: "The new column opportunity.products lacks the publisher prefix 'csb_'",
      },
    ]);
  });
});

describe("the PCF control", () => {
  it("refuses a control whose bundle the manifest names but the zip lacks (MissingFile)", () => {
    const error = refusalOf(zipParts(withoutParts(parts, bundleEntry)));
    expectProblems(error, [
      {
        code: "MissingFile",
        part: manifestEntry,
        says: "'bundle.js'",
      },
    ]);
  });

  it("refuses a control named other than <prefix>_<namespace>.<constructor>", () => {
    const renamed = controlManifest.replace('constructor="CoSellPanel"', 'constructor="Panel"');
    const error = refusalOf(zipParts({ ...parts, [manifestEntry]: utf8Bytes(renamed) }));
    expectProblems(error, [
      {
        code: "ComponentMismatch",
        part: customizationsPart,
        says: "must be named 'csb_CoSellBridge.Panel'",
      },
    ]);
  });
});
