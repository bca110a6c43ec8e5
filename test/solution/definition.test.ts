/**
 * The typed description and the XML writer, against what they must agree with: the platform's SDK message ids (as
 * the emulator's reader maps them), the publisher prefix on every name the solution creates, unique and stable ids
 * (an upgrade finds every part again by its id), and XML text that reads back to exactly what was written.
 */
import { describe, expect, it } from "vitest";
import { sdkMessageIds as platformMessageIds } from "../../emulators/dataverse/solution";
import { decodeReferences, parseXmlTree } from "../../emulators/dataverse/solution/xmlTree";
import {
  coSellPanel,
  derivedId,
  environmentVariableDefinitions,
  globalChoices,
  opportunityColumns,
  partnerCenterSolutionTable,
  sdkMessageIds,
  webResources,
} from "../../solution/definition";
import { element, serializeElement } from "../../solution/xml/xmlNode";
import { packedSolution, textOf } from "./builtSolution";

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the solution's definitions", () => {
  it("name their SDK messages by the platform's ids", () => {
    expect(sdkMessageIds).toEqual({ Create: platformMessageIds.Create, Update: platformMessageIds.Update });
  });

  it("give everything the solution creates the publisher prefix csb_", () => {
    const names = [
      ...opportunityColumns.map((column) => column.logicalName),
      ...globalChoices.map((choice) => choice.name),
      ...webResources.map((webResource) => webResource.name),
      ...environmentVariableDefinitions.map((variable) => variable.schemaName),
      partnerCenterSolutionTable.logicalName,
      coSellPanel.name,
    ];
    expect(names.filter((name) => !name.startsWith("csb_"))).toEqual([]);
  });

  it("give every id in customizations.xml once, so no two parts are taken for one another", () => {
    const customizations = textOf(packedSolution().unmanaged, "customizations.xml");
    const ids = [...customizations.matchAll(/\{([0-9a-f-]{36})\}/g)].map((match) => match[1] ?? "");
    // Steps name their endpoint, messages and handlers refer to other ids: count only the ids that identify.
    const identifying = [
      ...customizations.matchAll(
        /(?:\s(?:id|uniqueid|handlerUniqueId|libraryUniqueId|ServiceEndpointId|SdkMessageProcessingStepId)="|<(?:formid|savedqueryid|WebResourceId|SdkMessageProcessingStepImageId)>)\{([0-9a-f-]{36})\}/g,
      ),
    ].map((match) => match[1] ?? "");
    expect(identifying.length).toBeGreaterThan(30);
    expect(new Set(identifying).size).toBe(identifying.length);
    for (const id of ids) expect(id).toMatch(guid);
  });
});

describe("the form script's strings", () => {
  it("ship as one RESX per language that the script depends on, so getResourceString finds them", () => {
    const customizations = textOf(packedSolution().unmanaged, "customizations.xml");
    const child = (block: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(block)?.[1];
    const resources = [...customizations.matchAll(/<WebResource>([\s\S]*?)<\/WebResource>/g)].map(([, block = ""]) => ({
      name: child(block, "Name"),
      type: child(block, "WebResourceType"),
      language: child(block, "LanguageCode"),
      dependencies: decodeReferences(child(block, "DependencyXml") ?? ""),
    }));
    expect(
      resources
        .filter((resource) => resource.name?.endsWith(".resx"))
        .map(({ name, type, language }) => [name, type, language]),
    ).toEqual([
      ["csb_/strings/opportunity.1033.resx", "12", "1033"],
      ["csb_/strings/opportunity.1049.resx", "12", "1049"],
    ]);
    const script = resources.find((resource) => resource.name === "csb_/scripts/opportunity.js");
    const libraries = [...(script?.dependencies ?? "").matchAll(/<Library name="([^"]+)"[^>]*languagecode="(\d+)"/g)];
    expect(libraries.map(([, name, language]) => [name, language])).toEqual([
      ["csb_/strings/opportunity.1033.resx", "1033"],
      ["csb_/strings/opportunity.1049.resx", "1049"],
    ]);
  });
});

describe("the view's checkmark column", () => {
  it("names the icon script of its own, a JavaScript web resource that needs no strings", () => {
    const customizations = textOf(packedSolution().unmanaged, "customizations.xml");
    expect(customizations).toContain('imageproviderwebresource="$webresource:csb_/scripts/grid.js"');
    expect(customizations).toContain('imageproviderfunctionname="CoSellBridge.Grid.checkmarkIcon"');
    const grid = [...customizations.matchAll(/<WebResource>([\s\S]*?)<\/WebResource>/g)]
      .map(([, block = ""]) => block)
      .find((block) => block.includes("<Name>csb_/scripts/grid.js</Name>"));
    expect(grid).toContain("<WebResourceType>3</WebResourceType>");
    expect(grid).not.toContain("<DependencyXml>");
  });
});

describe("derivedId", () => {
  it("is a name-based GUID that depends only on the owner and the part's name", () => {
    const id = derivedId("CFDA69AF-E9ED-4C2E-9D80-8243986A3FE7", "cell:csb_syncwithpartnercenter");
    expect(id).toBe(derivedId("cfda69af-e9ed-4c2e-9d80-8243986a3fe7", "cell:csb_syncwithpartnercenter"));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedId("cfda69af-e9ed-4c2e-9d80-8243986a3fe7", "cell:csb_products")).not.toBe(id);
    expect(derivedId("4beceb48-fe2c-4c9d-8732-513b834f9005", "cell:csb_syncwithpartnercenter")).not.toBe(id);
  });
});

describe("the XML writer", () => {
  it("escapes text and attributes so that they read back unchanged", () => {
    const awkward = 'Tom & Jerry <"co-sell">\n\tnext line';
    const xml = serializeElement(element("label", { description: awkward }, element("text", {}, awkward)));
    const [root] = parseXmlTree(xml);
    if (root === undefined || typeof root === "string") throw new Error("no element");
    expect(root.attributes.description).toBe(awkward);
    const [text] = root.content.filter((item) => typeof item !== "string");
    expect(text?.content).toEqual([awkward]);
  });

  it("leaves out attributes without a value and refuses text mixed with elements", () => {
    expect(serializeElement(element("control", { id: "name", uniqueid: undefined, disabled: false }))).toBe(
      '<control id="name" disabled="false" />',
    );
    expect(() => serializeElement(element("cell", {}, "text", element("control")))).toThrow(/mixes text and elements/);
  });
});
