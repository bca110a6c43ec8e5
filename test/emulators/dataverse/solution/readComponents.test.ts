/**
 * The realistic CoSellBridge-like solution reads completely: web resource, PCF control, webhook endpoint, the two
 * steps and core's environment variables, field by field; and a managed build differs only in its Managed flag.
 */
import { describe, expect, it } from "vitest";
import { environmentVariables } from "../../../../core/dataverse/schema";
import { readSolutionZip, sdkMessageIds } from "../../../../emulators/dataverse/solution";
import {
  bundleScript,
  controlName,
  createImageId,
  createStepId,
  imageAttributes,
  resxText,
  serviceEndpointId,
  serviceEndpointUrl,
  updateFilteringAttributes,
  updateImageId,
  updateStepId,
  webResourceEntry,
  webResourceId,
  webResourceName,
  webResourceScript,
} from "./coSellBridgeComponents";
import { bundleEntry, coSellBridgeZip, resxEntry, syncEndpointValue, syncEndpointValueId } from "./coSellBridgeFixture";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const solution = readSolutionZip(coSellBridgeZip());

describe("the components of the realistic solution", () => {
  it("reads the web resource with the bytes of the file its FileName names", () => {
    expect(solution.webResources).toHaveLength(1);
    const [webResource] = solution.webResources;
    expect(webResource).toMatchObject({
      id: webResourceId,
      name: webResourceName,
      displayName: "Co-sell Bridge opportunity form script",
      description: "Shows the co-sell fields on the opportunity form.",
      type: 3,
      fileName: `/${webResourceEntry}`,
      languageCode: 1033,
      introducedVersion: "1.0.0.0",
      isCustomizable: true,
    });
    expect(text(webResource?.content ?? new Uint8Array())).toBe(webResourceScript);
  });

  it("reads the PCF control, its manifest and the bundle and resx it names", () => {
    expect(solution.customControls).toHaveLength(1);
    const [control] = solution.customControls;
    expect(control?.name).toBe(controlName);
    expect(control?.fileName).toBe(`/Controls/${controlName}/ControlManifest.xml`);
    expect(control?.manifest).toEqual({
      namespace: "CoSellBridge",
      constructorName: "CoSellPanel",
      version: "0.1.0",
      controlType: "virtual",
      displayNameKey: "CoSellPanel_Display",
      descriptionKey: "CoSellPanel_Description",
      apiVersion: "1.3.18",
      properties: [
        {
          name: "syncWithPartnerCenter",
          ofType: "TwoOptions",
          ofTypeGroup: undefined,
          usage: "bound",
          required: true,
          displayNameKey: "SyncWithPartnerCenter_Display",
          descriptionKey: "SyncWithPartnerCenter_Description",
        },
        {
          name: "microsoftHelp",
          ofType: "MultiSelectOptionSet",
          ofTypeGroup: undefined,
          usage: "bound",
          required: false,
          displayNameKey: "MicrosoftHelp_Display",
          descriptionKey: "MicrosoftHelp_Description",
        },
      ],
      platformLibraries: [
        { name: "React", version: "16.14.0" },
        { name: "Fluent", version: "8.121.1" },
      ],
    });
    expect(text(control?.bundle ?? new Uint8Array())).toBe(bundleScript);
    expect(control?.files.map((file) => [file.kind, file.manifestPath, file.path])).toEqual([
      ["code", "bundle.js", bundleEntry],
      ["resx", "strings/CoSellPanel.1033.resx", resxEntry],
    ]);
    expect(text(control?.files[1]?.content ?? new Uint8Array())).toBe(resxText);
  });

  it("reads the webhook service endpoint without any auth value", () => {
    expect(solution.serviceEndpoints).toEqual([
      {
        id: serviceEndpointId,
        name: "CoSellBridge sync service",
        description: "The Co-sell Bridge sync service's webhook.",
        contract: 8,
        authType: 4,
        url: serviceEndpointUrl,
        messageFormat: 2,
        userClaim: 1,
        connectionMode: 1,
        namespaceAddress: undefined,
        path: undefined,
        solutionNamespace: undefined,
        isCustomizable: true,
      },
    ]);
  });

  it("reads both asynchronous post-operation steps with their handler and post-image", () => {
    const [create, update] = solution.steps;
    expect(solution.steps).toHaveLength(2);
    const common = {
      primaryEntity: "opportunity",
      stage: 40,
      mode: 1,
      rank: 1,
      supportedDeployment: 0,
      asyncAutoDelete: true,
      invocationSource: 0,
      isCustomizable: true,
      handler: { kind: "serviceEndpoint", serviceEndpointId, inSolution: true },
    };
    expect(create).toMatchObject({
      ...common,
      id: createStepId,
      name: "CoSellBridge: Create of opportunity",
      messageId: sdkMessageIds.Create,
      messageName: "Create",
      filteringAttributes: [],
    });
    expect(update).toMatchObject({
      ...common,
      id: updateStepId,
      name: "CoSellBridge: Update of opportunity",
      messageId: sdkMessageIds.Update,
      messageName: "Update",
      filteringAttributes: updateFilteringAttributes,
    });
    const image = { name: "PostImage", imageType: 1, entityAlias: "PostImage", attributes: imageAttributes };
    expect(create?.images).toEqual([{ ...image, id: createImageId, messagePropertyName: "Id" }]);
    expect(update?.images).toEqual([{ ...image, id: updateImageId, messagePropertyName: "Target" }]);
  });

  it("reads core's six environment variables with their types and defaults", () => {
    const summary = solution.environmentVariables.map((variable) => [
      variable.schemaName,
      variable.type,
      variable.defaultValue,
      variable.isRequired,
    ]);
    const { showCheckmark, syncCoSellOnly, dealValueField, countryField, syncEndpointUrl, fieldMapping } =
      environmentVariables;
    expect(summary).toEqual([
      [showCheckmark.schemaName, 100_000_002, "yes", false],
      [syncCoSellOnly.schemaName, 100_000_002, "no", false],
      [dealValueField.schemaName, 100_000_000, "estimatedvalue", false],
      [countryField.schemaName, 100_000_000, "address1_country", false],
      [syncEndpointUrl.schemaName, 100_000_000, undefined, true],
      [fieldMapping.schemaName, 100_000_003, undefined, false],
    ]);
    expect(solution.environmentVariables[0]).toMatchObject({
      displayName: "Show the co-sell checkmark",
      displayNames: [{ languageCode: 1033, text: "Show the co-sell checkmark" }],
      description: "Show the co-sell checkmark.",
      isCustomizable: true,
      introducedVersion: "1.0.0.0",
    });
  });

  it("reads the current value of the sync URL from its values file", () => {
    expect(solution.environmentVariableValues).toEqual([
      {
        schemaName: environmentVariables.syncEndpointUrl.schemaName,
        value: syncEndpointValue,
        id: syncEndpointValueId,
      },
    ]);
  });
});

describe("managed and unmanaged builds", () => {
  it("reads Managed 1 as a managed solution and 0 as unmanaged, with the same components", () => {
    const managed = readSolutionZip(coSellBridgeZip({ managed: true }));
    expect(managed.manifest.managed).toBe(true);
    expect(solution.manifest.managed).toBe(false);
    expect({ ...managed, manifest: { ...managed.manifest, managed: false } }).toEqual(solution);
  });
});
