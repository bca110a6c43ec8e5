/**
 * Components that clash with the organization are all found before anything is written, and reported together in
 * one SolutionApplyError: columns of another type, a table from another solution, steps whose filter or endpoint is
 * missing, a taken web resource name, a variable of another type.
 */
import { describe, expect, it } from "vitest";
import { importSolution } from "../../../../emulators/dataverse/import";
import { column, type DataverseOrganization } from "../../../../emulators/dataverse/model";
import {
  createStepId,
  serviceEndpointId,
  serviceEndpointsXml,
  updateStepId,
  webResourceName,
} from "../solution/coSellBridgeComponents";
import { attribute } from "../solution/fixtureAttributes";
import { replaceInPart, zipParts, type FixtureParts } from "../solution/fixtureZip";
import {
  applyRefusal,
  fixtureParts,
  fixtureZip,
  freshOrganization,
  problemsOf,
  rowsOf,
  stateOf,
  withOpportunityColumn,
} from "./importHarness";

/** Imports `bytes` expecting a refusal; checks that the organization is unchanged and returns the problems. */
function refusedImport(organization: DataverseOrganization, bytes: Uint8Array) {
  const before = stateOf(organization);
  const error = applyRefusal(() => importSolution(organization, bytes));
  expect(stateOf(organization)).toEqual(before);
  return error;
}

const createStep = `step CoSellBridge: Create of opportunity (${createStepId})`;
const updateStep = `step CoSellBridge: Update of opportunity (${updateStepId})`;

/** The fixture without its service endpoint, so that the steps name one the zip doesn't bring. */
function withoutEndpoint(): FixtureParts {
  const parts = replaceInPart(fixtureParts(), "customizations.xml", serviceEndpointsXml, "");
  const root = `<RootComponent type="95" id="{${serviceEndpointId}}" behavior="0" />`;
  return replaceInPart(parts, "solution.xml", root, "");
}

describe("columns and tables", () => {
  it("lists every column that exists with another type, and creates none of the solution's metadata", () => {
    const organization = freshOrganization();
    organization.metadata.addColumn("opportunity", column.string("csb_syncstatus", { isCustom: true }));
    organization.metadata.addColumn("opportunity", column.boolean("csb_audit", { isCustom: true }));
    const error = refusedImport(organization, fixtureZip());
    expect(error.code).toBe("ColumnTypeClash");
    expect(problemsOf(error)).toEqual([
      { code: "ColumnTypeClash", component: "column opportunity.csb_syncstatus" },
      { code: "ColumnTypeClash", component: "column opportunity.csb_audit" },
    ]);
    expect(error.problems[0]?.message).toMatch(
      /exists in the organization as String, but the solution makes it Picklist/,
    );
    expect(error.message).toMatch(/\(2 problems\)/);
    expect(organization.metadata.findTable("csb_partnercentersolution")).toBeUndefined();
  });

  it("refuses to create a table that another solution owns", () => {
    const organization = freshOrganization();
    organization.metadata.addTable({
      logicalName: "csb_partnercentersolution",
      entitySetName: "csb_partnercentersolutions",
      displayName: "Someone else's",
      solution: "OtherSolution",
    });
    const error = refusedImport(organization, fixtureZip());
    expect(problemsOf(error)).toEqual([{ code: "TableOwnedElsewhere", component: "table csb_partnercentersolution" }]);
    expect(error.message).toMatch(/from the solution 'OtherSolution'/);
  });

  it("refuses columns whose global choice or lookup table is nowhere to be found", () => {
    const lookup = attribute({ schemaName: "csb_Widget", type: "lookup", displayName: "Widget" });
    const tier = attribute({
      schemaName: "csb_Tier",
      type: "picklist",
      displayName: "Tier",
      extra: "<OptionSetName>csb_nowhere</OptionSetName>",
    });
    const error = refusedImport(freshOrganization(), zipParts(withOpportunityColumn(fixtureParts(), lookup + tier)));
    expect(problemsOf(error)).toEqual([
      { code: "MissingLookupTarget", component: "column opportunity.csb_widget" },
      { code: "MissingChoice", component: "column opportunity.csb_tier" },
    ]);
    expect(error.problems[1]?.message).toMatch(/global choice 'csb_nowhere'/);
  });

  it("refuses columns for a table the organization doesn't have", () => {
    const renamed = [
      ["solution.xml", 'schemaName="opportunity" behavior="2"', 'schemaName="lead" behavior="2"'],
      ["customizations.xml", 'OriginalName="Opportunity">Opportunity</Name>', 'OriginalName="Lead">Lead</Name>'],
      ["customizations.xml", '<entity Name="Opportunity">', '<entity Name="Lead">'],
    ] as const;
    const parts = renamed.reduce((current, [part, from, to]) => replaceInPart(current, part, from, to), fixtureParts());
    const error = refusedImport(freshOrganization(), zipParts(parts));
    expect(problemsOf(error)).toEqual([{ code: "MissingTable", component: "table lead" }]);
  });
});

describe("webhook steps", () => {
  it("refuses steps on a table without message filters", () => {
    const parts = replaceInPart(
      replaceInPart(fixtureParts(), "customizations.xml", "<PrimaryEntity>opportunity", "<PrimaryEntity>account"),
      "customizations.xml",
      "<PrimaryEntity>opportunity",
      "<PrimaryEntity>account",
    );
    const error = refusedImport(freshOrganization(), zipParts(parts));
    expect(problemsOf(error)).toEqual([
      { code: "MissingMessageFilter", component: createStep },
      { code: "MissingMessageFilter", component: updateStep },
    ]);
    expect(error.problems[0]?.message).toMatch(/no message filter for Create of 'account'/);
  });

  it("refuses steps whose endpoint is neither in the zip nor in the organization", () => {
    const error = refusedImport(freshOrganization(), zipParts(withoutEndpoint()));
    expect(problemsOf(error)).toEqual([
      { code: "MissingEventHandler", component: createStep },
      { code: "MissingEventHandler", component: updateStep },
    ]);
    expect(error.problems[0]?.message).toMatch(`the service endpoint ${serviceEndpointId}`);
  });

  it("binds steps to an endpoint the organization already has", () => {
    const organization = freshOrganization();
    organization.create("serviceendpoints", { serviceendpointid: serviceEndpointId, name: "Registered", contract: 8 });
    const result = importSolution(organization, zipParts(withoutEndpoint()));
    expect(result.counts.step.created).toBe(2);
    expect(rowsOf(organization, "sdkmessageprocessingstep").map((step) => step._eventhandler_value)).toEqual([
      serviceEndpointId,
      serviceEndpointId,
    ]);
  });
});

describe("names and types the organization already uses", () => {
  it("refuses a web resource name that belongs to another web resource", () => {
    const organization = freshOrganization();
    organization.create("webresourceset", { name: webResourceName, webresourcetype: 3 });
    const error = refusedImport(organization, fixtureZip());
    expect(problemsOf(error)).toEqual([{ code: "NameTaken", component: `webResource ${webResourceName}` }]);
  });

  it("refuses an environment variable whose type differs, alongside the other problems", () => {
    const organization = freshOrganization();
    organization.create("environmentvariabledefinitions", {
      schemaname: "csb_ShowCheckmark",
      displayname: "Show the co-sell checkmark",
      type: 100_000_000,
    });
    organization.metadata.addColumn("opportunity", column.integer("csb_products", { isCustom: true }));
    const error = refusedImport(organization, fixtureZip());
    expect(problemsOf(error)).toEqual([
      { code: "ColumnTypeClash", component: "column opportunity.csb_products" },
      { code: "EnvironmentVariableTypeClash", component: "environment variable csb_ShowCheckmark" },
    ]);
    expect(error.code).toBe("ColumnTypeClash");
  });
});
