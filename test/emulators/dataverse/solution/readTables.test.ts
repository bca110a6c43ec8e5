/**
 * The realistic CoSellBridge-like solution reads completely: the manifest, and the tables with their columns, choices
 * and form, checked field by field against what the fixture wrote (core's names and option values).
 */
import { describe, expect, it } from "vitest";
import { MicrosoftHelpOption, SyncStatus } from "../../../../core/dataverse/options";
import { opportunityTable, partnerCenterSolutionTable, solutionIdentity } from "../../../../core/dataverse/schema";
import { readSolutionZip, type SolutionAttribute, type SolutionEntity } from "../../../../emulators/dataverse/solution";
import { coSellBridgeZip } from "./coSellBridgeFixture";
import { quickFormId } from "./coSellBridgeNewTable";
import { opportunityColumnOrder } from "./coSellBridgeTables";

const english = (text: string) => [{ languageCode: 1033, text }];
const solution = readSolutionZip(coSellBridgeZip());

function tableNamed(logicalName: string): SolutionEntity {
  const table = solution.entities.find((entity) => entity.logicalName === logicalName);
  if (table === undefined) throw new Error(`no table ${logicalName}`);
  return table;
}

function columnOf(table: SolutionEntity, logicalName: string): SolutionAttribute {
  const column = table.attributes.find((attribute) => attribute.logicalName === logicalName);
  if (column === undefined) throw new Error(`no column ${logicalName}`);
  return column;
}

describe("the manifest of the realistic solution", () => {
  it("names the solution, its version, the publisher and its prefixes", () => {
    const { manifest } = solution;
    expect(manifest.uniqueName).toBe(solutionIdentity.uniqueName);
    expect(manifest.version).toBe("1.2.0.7");
    expect(manifest.versionParts).toEqual([1, 2, 0, 7]);
    expect(manifest.managed).toBe(false);
    expect(manifest.localizedNames).toEqual(english("Co-sell Bridge"));
    expect(manifest.descriptions).toEqual(english("Co-sell with Microsoft from inside Dynamics 365."));
    expect(manifest.publisher).toEqual({
      uniqueName: "CoSellBridgePublisher",
      localizedNames: english("Co-sell Bridge"),
      descriptions: [],
      customizationPrefix: solutionIdentity.publisherPrefix,
      optionValuePrefix: solutionIdentity.optionValuePrefix,
    });
    expect(manifest.missingDependencies).toEqual([]);
  });

  it("lists every root component with its type, name or normalized id, and behavior", () => {
    const summary = solution.manifest.rootComponents.map(
      (c) => `${c.type}:${c.schemaName ?? c.id ?? ""}:${c.behavior}`,
    );
    expect(summary).toEqual([
      "1:opportunity:2",
      "1:csb_partnercentersolution:0",
      "61:csb_/scripts/opportunityform.js:0",
      "66:csb_CoSellBridge.CoSellPanel:0",
      "92:b1d3f5a7-9c2e-4f60-8a1b-3c5d7e9f0b24:0",
      "92:c2e4a6b8-0d3f-4a71-9b2c-4d6e8f0a1c35:0",
      "95:a7c3e9f1-2d4b-4e6a-8c0f-1b3d5f7a9c2e:0",
      "380:csb_ShowCheckmark:0",
      "380:csb_SyncCoSellOnly:0",
      "380:csb_DealValueField:0",
      "380:csb_CountryField:0",
      "380:csb_SyncEndpointUrl:0",
      "380:csb_FieldMapping:0",
    ]);
  });

  it("finds nothing to warn about", () => {
    expect(solution.warnings).toEqual([]);
  });
});

describe("the opportunity table of the realistic solution", () => {
  const opportunity = tableNamed(opportunityTable.logicalName);

  it("is an existing system table that only gets the csb_ columns", () => {
    expect(opportunity.kind).toBe("existing");
    expect(opportunity.rootBehavior).toBe(2);
    expect(opportunity.schemaName).toBe("Opportunity");
    expect(opportunity.attributes.map((attribute) => attribute.logicalName)).toEqual(opportunityColumnOrder);
    expect(opportunity.attributes.every((attribute) => attribute.isCustom)).toBe(true);
    expect(opportunity.entitySetName).toBeUndefined();
    expect(opportunity.forms).toEqual([]);
  });

  it("reads the Yes/No columns with their two options and default", () => {
    const column = columnOf(opportunity, opportunityTable.cosellColumns.syncWithPartnerCenter);
    expect(column).toMatchObject({
      type: "Boolean",
      schemaName: "csb_SyncWithPartnerCenter",
      displayNames: english("Sync with Partner Center"),
      requiredLevel: "none",
      isAuditEnabled: true,
      isPrimaryName: false,
      introducedVersion: "1.0.0.0",
      defaultValue: false,
    });
    if (column.type !== "Boolean") throw new Error("not a Boolean");
    expect(column.optionSet.kind).toBe("bit");
    expect(column.optionSet.options.map((option) => [option.value, option.labels[0]?.text])).toEqual([
      [1, "Yes"],
      [0, "No"],
    ]);
  });

  it("reads the multi-select help column with its local options, core's MicrosoftHelpOption values", () => {
    const column = columnOf(opportunity, opportunityTable.cosellColumns.microsoftHelp);
    if (column.type !== "MultiSelectPicklist" || column.optionSet.kind !== "local") throw new Error(column.type);
    expect(column.defaultValue).toBeUndefined();
    expect(column.optionSet.definition.name).toBe("csb_opportunity_csb_microsofthelp");
    expect(column.optionSet.definition.isGlobal).toBe(false);
    expect(column.optionSet.definition.options.map((option) => option.value)).toEqual(
      Object.values(MicrosoftHelpOption),
    );
    expect(column.optionSet.definition.options[1]?.labels).toEqual(english("Customer technical architecture"));
  });

  it("reads the text, URL, memo and date columns with their lengths, formats and behaviour", () => {
    const cosell = opportunityTable.cosellColumns;
    expect(columnOf(opportunity, cosell.products)).toMatchObject({ type: "String", maxLength: 1000, format: "text" });
    expect(columnOf(opportunity, cosell.referralId)).toMatchObject({ type: "String", maxLength: 100 });
    expect(columnOf(opportunity, cosell.referralLink)).toMatchObject({ type: "String", maxLength: 500, format: "url" });
    expect(columnOf(opportunity, cosell.microsoftCrmId)).toMatchObject({ type: "String", maxLength: 100 });
    expect(columnOf(opportunity, cosell.audit)).toMatchObject({ type: "Memo", maxLength: 100_000 });
    expect(columnOf(opportunity, cosell.lastSyncedOn)).toMatchObject({
      type: "DateTime",
      format: "datetime",
      behavior: "UserLocal",
    });
  });

  it("reads the sync status column bound to the global option set with core's SyncStatus values", () => {
    const column = columnOf(opportunity, opportunityTable.cosellColumns.syncStatus);
    expect(column).toMatchObject({
      type: "Picklist",
      optionSet: { kind: "global", name: "csb_syncstatus" },
      defaultValue: SyncStatus.NotSynced,
    });
    expect(solution.optionSets).toHaveLength(1);
    const [syncStatus] = solution.optionSets;
    expect(syncStatus).toMatchObject({ name: "csb_syncstatus", kind: "picklist", isGlobal: true });
    expect(syncStatus?.options.map((option) => option.value)).toEqual(Object.values(SyncStatus));
    expect(syncStatus?.options.map((option) => option.labels[0]?.text)).toEqual([
      "Not synced",
      "Pending",
      "Synced",
      "Error",
    ]);
  });
});

describe("the csb_partnercentersolution table of the realistic solution", () => {
  const table = tableNamed(partnerCenterSolutionTable.logicalName);

  it("is a new custom table with its names, entity set, ownership and key columns", () => {
    expect(table).toMatchObject({
      kind: "new",
      rootBehavior: 0,
      schemaName: "csb_PartnerCenterSolution",
      displayNames: english("Partner Center solution"),
      collectionNames: english("Partner Center solutions"),
      entitySetName: partnerCenterSolutionTable.entitySet,
      ownership: "OrgOwned",
      primaryIdAttribute: partnerCenterSolutionTable.primaryKey,
      primaryNameAttribute: partnerCenterSolutionTable.columns.name,
      isCustomizable: true,
      isAuditEnabled: false,
      introducedVersion: "1.0.0.0",
    });
    expect(columnOf(table, "csb_name")).toMatchObject({
      type: "String",
      requiredLevel: "required",
      isPrimaryName: true,
    });
    expect(columnOf(table, "csb_partnercentersolutionid")).toMatchObject({ type: "PrimaryKey", isCustom: false });
  });

  it("reads state and status columns with their states and reasons", () => {
    const state = columnOf(table, "statecode");
    const status = columnOf(table, "statuscode");
    if (state.type !== "State" || status.type !== "Status") throw new Error("state columns");
    expect(state.optionSet.options.map((option) => [option.value, option.defaultStatus])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(status.optionSet.options.map((option) => [option.value, option.state])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it("keeps its quick form with id, type, names and the form XML", () => {
    expect(table.forms).toHaveLength(1);
    const [form] = table.forms;
    expect(form).toMatchObject({ id: quickFormId, type: "quick", names: english("Solution summary") });
    expect(form?.formXml).toMatch(/^<form>\s*<tabs>\s*<tab name="general"/);
    expect(form?.formXml).toContain(`datafieldname="${partnerCenterSolutionTable.columns.solutionId}"`);
    expect(form?.formXml).toMatch(/<\/form>$/);
  });
});
