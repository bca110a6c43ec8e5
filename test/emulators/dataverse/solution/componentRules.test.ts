/**
 * Rules of single components and sections: steps whose service endpoint is outside the zip, step stages, webhook
 * endpoints, sections spelled in other case, and files no component uses.
 */
import { describe, expect, it } from "vitest";
import { readSolutionZip } from "../../../../emulators/dataverse/solution";
import { serviceEndpointId, serviceEndpointsXml } from "./coSellBridgeComponents";
import { coSellBridgeParts } from "./coSellBridgeFixture";
import { replaceInPart, zipParts } from "./fixtureZip";
import { codesOf, refusalOf } from "./refusal";

const parts = coSellBridgeParts();
const customizationsPart = "customizations.xml";

describe("steps and service endpoints", () => {
  it("flags a step whose service endpoint is not in the zip as external and warns", () => {
    let external = replaceInPart(parts, customizationsPart, serviceEndpointsXml, "");
    external = replaceInPart(
      external,
      "solution.xml",
      `<RootComponent type="95" id="{${serviceEndpointId}}" behavior="0" />`,
      "",
    );
    const solution = readSolutionZip(zipParts(external));
    expect(solution.steps.map((step) => step.handler)).toEqual([
      { kind: "serviceEndpoint", serviceEndpointId, inSolution: false },
      { kind: "serviceEndpoint", serviceEndpointId, inSolution: false },
    ]);
    expect(solution.warnings).toHaveLength(2);
    expect(solution.warnings[0]?.message).toContain("must already exist in the target environment");
  });

  it("refuses an asynchronous step before the post-operation stage", () => {
    const early = replaceInPart(parts, customizationsPart, "<Stage>40</Stage>", "<Stage>20</Stage>");
    const error = refusalOf(zipParts(early));
    expect(error.problems.map((problem) => problem.message)).toEqual([
      "The step 'CoSellBridge: Create of opportunity' is asynchronous, which only a post-operation (40) step can be.",
      "The step 'CoSellBridge: Create of opportunity', image 'PostImage', is a post-image on a step that is not post-operation (40).",
    ]);
  });

  it("refuses a webhook without an absolute URL or with an auth type webhooks don't use", () => {
    let broken = replaceInPart(parts, customizationsPart, "<AuthType>4</AuthType>", "<AuthType>2</AuthType>");
    broken = replaceInPart(
      broken,
      customizationsPart,
      "<Url>https://cosell-bridge.example/dataverse/webhook</Url>",
      "<Url>/webhook</Url>",
    );
    expect(codesOf(refusalOf(zipParts(broken)))).toEqual(["InvalidComponent", "InvalidComponent"]);
  });
});

describe("sections and files nobody reads", () => {
  it("refuses a section spelled in other case, which a reader would skip", () => {
    let recased = replaceInPart(parts, customizationsPart, "<ServiceEndpoints>", "<serviceEndpoints>");
    recased = replaceInPart(recased, customizationsPart, "</ServiceEndpoints>", "</serviceEndpoints>");
    const error = refusalOf(zipParts(recased));
    expect(error.problems[0]).toEqual({
      code: "InvalidComponent",
      part: customizationsPart,
      message:
        "The section <serviceEndpoints> must be spelled <ServiceEndpoints> (names are case-sensitive); as it is, it would be skipped.",
    });
  });

  it("warns about a file no component uses", () => {
    const solution = readSolutionZip(zipParts({ ...parts, "notes/readme.xml": "<notes/>" }));
    expect(solution.warnings).toEqual([
      { part: "notes/readme.xml", message: "The file is not used by any component of the solution; it is ignored." },
    ]);
  });
});
