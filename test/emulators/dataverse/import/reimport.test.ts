/**
 * Importing again: the same zip changes nothing (no duplicates, no change events), and an upgrade adds what is new
 * while keeping what the admin set in the organization: environment variable values and the endpoint's auth value.
 */
import { describe, expect, it } from "vitest";
import { environmentVariables } from "../../../../core/dataverse/schema";
import { componentKinds, importSolution } from "../../../../emulators/dataverse/import";
import type { ChangeEvent, DataverseOrganization } from "../../../../emulators/dataverse/model";
import { serviceEndpointId, updateStepId, webResourceEntry, webResourceId } from "../solution/coSellBridgeComponents";
import { replaceInPart, zipParts } from "../solution/fixtureZip";
import {
  decodedContent,
  fixtureZip,
  freshOrganization,
  onlyRow,
  rowsOf,
  stateOf,
  upgradeColumn,
  upgradedDealValueDefault,
  upgradeParts,
} from "./importHarness";

const syncEndpointUrl = environmentVariables.syncEndpointUrl.schemaName;
const adminUrl = "https://sync.contoso.example";
const adminKey = "admin-webhook-key";

/** An organization with the fixture installed, then configured by the admin: a variable value and the webhook key. */
function configuredOrganization(): DataverseOrganization {
  const organization = freshOrganization();
  importSolution(organization, fixtureZip());
  const value = onlyRow(organization, "environmentvariablevalue", `schemaname eq '${syncEndpointUrl}'`);
  organization.update("environmentvariablevalue", String(value.environmentvariablevalueid), { value: adminUrl });
  organization.update("serviceendpoint", serviceEndpointId, { authvalue: adminKey });
  return organization;
}

function storedAuthValue(organization: DataverseOrganization): unknown {
  // authvalue can't be read through the Web API (§3.1); the snapshot holds what is stored.
  const endpoint = organization.toSnapshot().rows.serviceendpoint?.find((row) => row.id === serviceEndpointId);
  return endpoint?.values.authvalue;
}

describe("importing the same zip again", () => {
  it("changes nothing: no new rows or metadata, no change events, everything unchanged", () => {
    const organization = freshOrganization();
    importSolution(organization, fixtureZip());
    const before = stateOf(organization);
    const events: ChangeEvent[] = [];
    organization.onChange((event) => events.push(event));
    const result = importSolution(organization, fixtureZip());
    expect(result).toMatchObject({ kind: "reimport", previousVersion: "1.2.0.7" });
    for (const kind of componentKinds) {
      expect({ kind, ...result.counts[kind] }).toMatchObject({ kind, created: 0, updated: 0 });
    }
    expect(result.counts.column.unchanged).toBe(12);
    expect(events).toEqual([]);
    expect(stateOf(organization)).toEqual(before);
  });

  it("replaces the admin's value only when told to overwrite unmanaged customizations", () => {
    const organization = configuredOrganization();
    importSolution(organization, fixtureZip());
    expect(onlyRow(organization, "environmentvariablevalue", `schemaname eq '${syncEndpointUrl}'`).value).toBe(
      adminUrl,
    );
    const result = importSolution(organization, fixtureZip(), { overwriteUnmanagedCustomizations: true });
    expect(result.components.environmentVariableValue.updated).toEqual([syncEndpointUrl]);
    expect(rowsOf(organization, "environmentvariablevalue")).toEqual([
      expect.objectContaining({ value: "https://cosell-bridge.example" }),
    ]);
  });
});

describe("an upgrade", () => {
  it("adds the new column and the new default, and bumps the solution's version", () => {
    const organization = configuredOrganization();
    const result = importSolution(organization, zipParts(upgradeParts()));
    expect(result).toMatchObject({ kind: "upgrade", version: "1.2.1.0", previousVersion: "1.2.0.7" });
    expect(result.components.column.created).toEqual([`opportunity.${upgradeColumn}`]);
    expect(result.components.environmentVariableDefinition.updated).toEqual([
      environmentVariables.dealValueField.schemaName,
    ]);
    expect(result.components.solution.updated).toEqual(["CoSellBridge"]);
    expect(organization.metadata.column("opportunity", upgradeColumn)).toMatchObject({
      type: "String",
      maxLength: 100,
    });
    const dealValue = `schemaname eq '${environmentVariables.dealValueField.schemaName}'`;
    expect(onlyRow(organization, "environmentvariabledefinition", dealValue).defaultvalue).toBe(
      upgradedDealValueDefault,
    );
    expect(onlyRow(organization, "solution", "uniquename eq 'CoSellBridge'").version).toBe("1.2.1.0");
  });

  it("keeps the environment variable value and the endpoint's auth value the admin set", () => {
    const organization = configuredOrganization();
    const result = importSolution(organization, zipParts(upgradeParts()));
    expect(result.components.environmentVariableValue.unchanged).toEqual([syncEndpointUrl]);
    expect(rowsOf(organization, "environmentvariablevalue")).toEqual([expect.objectContaining({ value: adminUrl })]);
    expect(onlyRow(organization, "serviceendpoint", `serviceendpointid eq ${serviceEndpointId}`).isauthvalueset).toBe(
      true,
    );
    expect(storedAuthValue(organization)).toBe(adminKey);
  });

  it("updates a changed web resource and endpoint, and leaves a step the admin disabled disabled", () => {
    const organization = configuredOrganization();
    organization.update("sdkmessageprocessingstep", updateStepId, { statecode: 1 });
    const movedEndpoint = replaceInPart(upgradeParts(), "customizations.xml", "/dataverse/webhook", "/dataverse/hook");
    const parts = { ...movedEndpoint, [webResourceEntry]: "var CoSellBridge = {};\n" };
    const result = importSolution(organization, zipParts(parts));
    expect(result.components.webResource.updated).toEqual(["csb_/scripts/opportunityform.js"]);
    expect(result.components.serviceEndpoint.updated).toEqual(["CoSellBridge sync service"]);
    expect(decodedContent(onlyRow(organization, "webresource", `webresourceid eq ${webResourceId}`))).toBe(
      "var CoSellBridge = {};\n",
    );
    expect(onlyRow(organization, "serviceendpoint", `serviceendpointid eq ${serviceEndpointId}`)).toMatchObject({
      url: "https://cosell-bridge.example/dataverse/hook",
      isauthvalueset: true,
    });
    expect(
      onlyRow(organization, "sdkmessageprocessingstep", `sdkmessageprocessingstepid eq ${updateStepId}`).statecode,
    ).toBe(1);
  });

  it("writes as the acting user when one is given", () => {
    const organization = freshOrganization();
    const { id: adminId } = organization.create("systemusers", { firstname: "Ada", lastname: "Admin" });
    importSolution(organization, fixtureZip(), { actor: adminId });
    expect(onlyRow(organization, "solution", "uniquename eq 'CoSellBridge'")._createdby_value).toBe(adminId);
    expect(rowsOf(organization, "serviceendpoint")[0]?._createdby_value).toBe(adminId);
  });
});
