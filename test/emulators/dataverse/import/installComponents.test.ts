/**
 * Importing the realistic CoSellBridge solution into a fresh organization writes its component rows: publisher and
 * solution, the form script, the PCF control and its bundle, the webhook endpoint (without an auth value), the two
 * steps bound to opportunity's message filters with their post-images, and the environment variables.
 */
import { describe, expect, it } from "vitest";
import { environmentVariables } from "../../../../core/dataverse/schema";
import { importSolution } from "../../../../emulators/dataverse/import";
import { opportunityMessageFilterIds, sdkMessageIds } from "../../../../emulators/dataverse/model";
import { syncEndpointValue, syncEndpointValueId } from "../solution/coSellBridgeFixture";
import {
  bundleScript,
  controlName,
  createImageId,
  createStepId,
  imageAttributes,
  serviceEndpointId,
  serviceEndpointUrl,
  updateFilteringAttributes,
  updateStepId,
  webResourceId,
  webResourceName,
  webResourceScript,
} from "../solution/coSellBridgeComponents";
import { quickFormId } from "../solution/coSellBridgeNewTable";
import { decodedContent, fixtureZip, freshOrganization, onlyRow, rowsOf } from "./importHarness";

function imported(options: { managed?: boolean } = {}) {
  const organization = freshOrganization();
  return { organization, result: importSolution(organization, fixtureZip(options)) };
}

describe("the solution and its publisher", () => {
  it.each([false, true])("are recorded with the version and managed flag of the zip (managed: %s)", (managed) => {
    const { organization, result } = imported({ managed });
    expect(result).toMatchObject({ uniqueName: "CoSellBridge", version: "1.2.0.7", managed, kind: "install" });
    const publisher = onlyRow(organization, "publisher", "uniquename eq 'CoSellBridgePublisher'");
    expect(publisher).toMatchObject({ customizationprefix: "csb", customizationoptionvalueprefix: 58_210 });
    expect(onlyRow(organization, "solution", "uniquename eq 'CoSellBridge'")).toMatchObject({
      friendlyname: "Co-sell Bridge",
      version: "1.2.0.7",
      ismanaged: managed,
      _publisherid_value: publisher.publisherid,
    });
  });

  it("reports what it created, and the form it could not store", () => {
    const { result } = imported();
    expect(result.counts.column).toEqual({ created: 12, updated: 0, unchanged: 0 });
    expect(result.components.table.created).toEqual(["csb_partnercentersolution"]);
    expect(result.components.step.created).toEqual([
      "CoSellBridge: Create of opportunity",
      "CoSellBridge: Update of opportunity",
    ]);
    expect(result.forms).toEqual([
      expect.objectContaining({
        table: "csb_partnercentersolution",
        id: quickFormId,
        type: "quick",
        name: "Solution summary",
      }),
    ]);
    expect(result.warnings).toEqual([]);
  });
});

describe("web resources and the PCF control", () => {
  it("store the form script under the id of the zip, its content as base64", () => {
    const { organization } = imported();
    const row = onlyRow(organization, "webresource", `webresourceid eq ${webResourceId}`);
    expect(row).toMatchObject({
      name: webResourceName,
      displayname: "Co-sell Bridge opportunity form script",
      webresourcetype: 3,
    });
    expect(decodedContent(row)).toBe(webResourceScript);
  });

  it("store the control with its manifest, and its bundle where a page can serve it", () => {
    const { organization, result } = imported();
    const control = onlyRow(organization, "customcontrol", `name eq '${controlName}'`);
    expect(control.version).toBe("0.1.0");
    expect(control.manifest).toContain('constructor="CoSellPanel"');
    const bundle = onlyRow(organization, "webresource", `name eq 'cc_${controlName}/bundle.js'`);
    expect({ type: bundle.webresourcetype, text: decodedContent(bundle) }).toEqual({ type: 3, text: bundleScript });
    const [imported_] = result.customControls;
    expect(new TextDecoder().decode(imported_?.bundle)).toBe(bundleScript);
    expect(imported_?.files.map((file) => file.webResourceName)).toEqual([
      `cc_${controlName}/bundle.js`,
      `cc_${controlName}/strings/CoSellPanel.1033.resx`,
    ]);
  });
});

describe("the webhook registration", () => {
  it("creates the endpoint under the id of the zip, without an auth value", () => {
    const { organization } = imported();
    expect(onlyRow(organization, "serviceendpoint", `serviceendpointid eq ${serviceEndpointId}`)).toMatchObject({
      name: "CoSellBridge sync service",
      url: serviceEndpointUrl,
      contract: 8,
      authtype: 4,
      messageformat: 2,
      isauthvalueset: false,
    });
  });

  it("binds each step to its message, opportunity's filter for it, and the endpoint", () => {
    const { organization } = imported();
    const step = (id: string) =>
      onlyRow(organization, "sdkmessageprocessingstep", `sdkmessageprocessingstepid eq ${id}`);
    const common = {
      stage: 40,
      mode: 1,
      rank: 1,
      asyncautodelete: true,
      statecode: 0,
      _eventhandler_value: serviceEndpointId,
    };
    expect(step(createStepId)).toMatchObject({
      ...common,
      _sdkmessageid_value: sdkMessageIds.Create,
      _sdkmessagefilterid_value: opportunityMessageFilterIds.Create,
      filteringattributes: null,
    });
    expect(step(updateStepId)).toMatchObject({
      ...common,
      _sdkmessageid_value: sdkMessageIds.Update,
      _sdkmessagefilterid_value: opportunityMessageFilterIds.Update,
      filteringattributes: updateFilteringAttributes.join(","),
    });
  });

  it("registers a post-image on each step", () => {
    const { organization } = imported();
    const images = rowsOf(organization, "sdkmessageprocessingstepimage");
    expect(images.map((image) => image._sdkmessageprocessingstepid_value).sort()).toEqual(
      [createStepId, updateStepId].sort(),
    );
    expect(
      onlyRow(organization, "sdkmessageprocessingstepimage", `sdkmessageprocessingstepimageid eq ${createImageId}`),
    ).toMatchObject({
      entityalias: "PostImage",
      imagetype: 1,
      messagepropertyname: "Id",
      attributes: imageAttributes.join(","),
    });
  });
});

describe("environment variables", () => {
  it("creates the six definitions with their types and defaults, and the value the zip carries", () => {
    const { organization } = imported();
    const definitions = rowsOf(organization, "environmentvariabledefinition");
    expect(definitions).toHaveLength(6);
    const dealValue = environmentVariables.dealValueField;
    expect(
      onlyRow(organization, "environmentvariabledefinition", `schemaname eq '${dealValue.schemaName}'`),
    ).toMatchObject({
      displayname: "Deal value column",
      type: 100_000_000,
      defaultvalue: dealValue.defaultValue,
      isrequired: false,
    });
    const { schemaName } = environmentVariables.syncEndpointUrl;
    const [withValue] = organization.retrieveMultiple("environmentvariabledefinitions", {
      filter: `schemaname eq '${schemaName}'`,
      expand: "environmentvariabledefinition_environmentvariablevalue($select=value)",
    }).value;
    expect(withValue).toMatchObject({
      isrequired: true,
      defaultvalue: null,
      environmentvariabledefinition_environmentvariablevalue: [expect.objectContaining({ value: syncEndpointValue })],
    });
    expect(
      onlyRow(organization, "environmentvariablevalue", `schemaname eq '${schemaName}'`).environmentvariablevalueid,
    ).toBe(syncEndpointValueId);
  });
});
