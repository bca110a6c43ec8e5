/**
 * The opportunity form the solution carries, as the Dataverse emulator's import reads it. The emulator has no
 * systemform table (forms can't be read back over its Web API), so this imports the zip in process and reads the
 * form from the import's result: the co-sell section hosts CoSellPanel on csb_syncwithpartnercenter, with every
 * bound property of the built control bound to the column the control's contract gives it, and the form events
 * call the web resources' handlers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { importSolution, type ImportedForm } from "../../emulators/dataverse/import";
import { DataverseOrganization } from "../../emulators/dataverse/model";
import { builtControlFolder, packedSolution } from "./builtSolution";

/** The contract's table: each property of CoSellPanel and the opportunity column it is bound to. */
const contractColumns: Readonly<Record<string, string>> = {
  syncWithPartnerCenter: "csb_syncwithpartnercenter",
  microsoftHelp: "csb_microsofthelp",
  shareWithMicrosoft: "csb_sharewithmicrosoft",
  products: "csb_products",
  referralId: "csb_referralid",
  referralLink: "csb_referrallink",
  microsoftCrmId: "csb_microsoftcrmid",
  audit: "csb_audit",
  syncStatus: "csb_syncstatus",
  lastSyncedOn: "csb_lastsyncedon",
  topic: "name",
  dealValue: "estimatedvalue",
  estimatedCloseDate: "estimatedclosedate",
};

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** Every element named `name` anywhere below `node`. */
function findAll(node: unknown, name: string): Node[] {
  if (Array.isArray(node)) return node.flatMap((item) => findAll(item, name));
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node as Node).flatMap(([key, value]) =>
    key === name ? (value as Node[]) : key.startsWith("@") ? [] : findAll(value, name),
  );
}

let form: ImportedForm;
let parsed: unknown;
beforeAll(() => {
  const result = importSolution(new DataverseOrganization(), packedSolution().unmanaged);
  const [only] = result.forms;
  if (only === undefined) throw new Error("the import brought no form");
  form = only;
  parsed = parser.parse(form.formXml);
});

describe("the opportunity form", () => {
  it("is a main form of the opportunity", () => {
    expect(form).toMatchObject({ table: "opportunity", type: "main", name: "Opportunity (Co-sell)" });
  });

  it("hosts CoSellPanel on csb_syncwithpartnercenter in the co-sell section, for every form factor", () => {
    const section = findAll(parsed, "section").find((candidate) => candidate["@name"] === "cosell");
    const [control] = findAll(section, "control");
    expect(control).toMatchObject({ "@datafieldname": "csb_syncwithpartnercenter" });
    const [description] = findAll(parsed, "controlDescription");
    expect(description?.["@forControl"]).toBe(control?.["@uniqueid"]);
    const custom = findAll(description, "customControl").filter((entry) => entry["@name"] !== undefined);
    expect(custom.map((entry) => [entry["@name"], entry["@formFactor"]])).toEqual([
      ["csb_CoSellBridge.CoSellPanel", "0"],
      ["csb_CoSellBridge.CoSellPanel", "1"],
      ["csb_CoSellBridge.CoSellPanel", "2"],
    ]);
  });

  it("binds every bound property of the built control to its contract column", () => {
    const manifest = readFileSync(join(builtControlFolder, "ControlManifest.xml"), "utf8");
    const bound = [...manifest.matchAll(/<property name="(\w+)"[^>]*usage="bound"/g)].map((match) => match[1] ?? "");
    expect(bound.length).toBeGreaterThan(3);
    const [description] = findAll(parsed, "controlDescription");
    for (const entry of findAll(description, "customControl").filter((candidate) => candidate["@name"] !== undefined)) {
      const [parameters] = findAll(entry, "parameters");
      const given = Object.fromEntries(
        Object.entries(parameters ?? {}).map(([property, values]) => [property, String((values as unknown[])[0])]),
      );
      expect(given).toEqual(Object.fromEntries(bound.map((property) => [property, contractColumns[property]])));
    }
  });

  it("keeps the other co-sell columns on the form, hidden, so the form scripts can read them", () => {
    const hidden = findAll(parsed, "section").find((candidate) => candidate["@visible"] === "false");
    const columns = findAll(hidden, "control").map((control) => control["@datafieldname"]);
    expect(columns).toEqual(
      expect.arrayContaining(["csb_microsofthelp", "csb_products", "csb_syncstatus", "csb_referralid"]),
    );
  });

  it("calls the web resources' handlers on load, on save and when the sync, help or products columns change", () => {
    const events = findAll(parsed, "event").map((event) => {
      const [handler] = findAll(event, "Handler");
      return [event["@name"], event["@attribute"], handler?.["@functionName"], handler?.["@libraryName"]];
    });
    const library = "csb_/scripts/opportunity.js";
    expect(events).toEqual([
      ["onload", undefined, "CoSellBridge.Opportunity.onLoad", library],
      ["onchange", "csb_syncwithpartnercenter", "CoSellBridge.Opportunity.onSyncFieldChange", library],
      ["onchange", "csb_microsofthelp", "CoSellBridge.Opportunity.onSyncFieldChange", library],
      ["onchange", "csb_products", "CoSellBridge.Opportunity.onSyncFieldChange", library],
      ["onsave", undefined, "CoSellBridge.Opportunity.onSave", library],
    ]);
    expect(findAll(parsed, "Library").map((entry) => entry["@name"])).toEqual([library]);
  });
});
