/**
 * A realistic CoSellBridge-like solution zip, assembled from XML strings: solution.xml with every root component,
 * customizations.xml (tables, global option set, web resource, PCF control, webhook endpoint and steps),
 * [Content_Types].xml, the control's files, the web resource file and core's six environment variables. Tests take
 * the parts, change one thing, and zip them.
 */
import { environmentVariables, solutionIdentity } from "../../../../core/dataverse/schema";
import {
  bundleScript,
  controlFolder,
  controlManifest,
  controlName,
  createStepId,
  customControlsXml,
  resxText,
  serviceEndpointId,
  serviceEndpointsXml,
  stepsXml,
  updateStepId,
  webResourceEntry,
  webResourceName,
  webResourceScript,
  webResourcesXml,
} from "./coSellBridgeComponents";
import { partnerCenterSolutionEntity } from "./coSellBridgeNewTable";
import { opportunityEntity, syncStatusOptionSet } from "./coSellBridgeTables";
import { labels, utf8Bytes, xmlText, zipParts, type FixtureParts } from "./fixtureZip";

const { showCheckmark, syncCoSellOnly, dealValueField, countryField, syncEndpointUrl, fieldMapping } =
  environmentVariables;

/** Type codes of environment variables (shared/reference/dataverse.md §4.5). */
const variableType = { string: 100_000_000, boolean: 100_000_002, json: 100_000_003 } as const;

/** core's environment variables with the display name and type the solution gives each. */
export const variableSpecs = [
  { ...showCheckmark, displayName: "Show the co-sell checkmark", type: variableType.boolean, isRequired: false },
  { ...syncCoSellOnly, displayName: "Sync co-sell opportunities only", type: variableType.boolean, isRequired: false },
  { ...dealValueField, displayName: "Deal value column", type: variableType.string, isRequired: false },
  { ...countryField, displayName: "Country column of the account", type: variableType.string, isRequired: false },
  { ...syncEndpointUrl, displayName: "Sync service URL", type: variableType.string, isRequired: true },
  { ...fieldMapping, displayName: "Field mapping (JSON)", type: variableType.json, isRequired: false },
] as const;

/** The current value the solution carries for csb_SyncEndpointUrl, and its record id. */
export const syncEndpointValue = "https://cosell-bridge.example";
export const syncEndpointValueId = "f5b7d9e1-3a6c-4da4-8e5f-7a9b1c3d4f68";

function definitionXml(spec: (typeof variableSpecs)[number]): string {
  const defaultValue = spec.defaultValue === "" ? "" : `\n  <defaultvalue>${xmlText(spec.defaultValue)}</defaultvalue>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<environmentvariabledefinition schemaname="${spec.schemaName}">${defaultValue}
  <description default="${xmlText(spec.displayName)}.">
    <label description="${xmlText(spec.displayName)}." languagecode="1033" />
  </description>
  <displayname default="${xmlText(spec.displayName)}">
    <label description="${xmlText(spec.displayName)}" languagecode="1033" />
  </displayname>
  <introducedversion>1.0.0.0</introducedversion>
  <iscustomizable>1</iscustomizable>
  <isrequired>${spec.isRequired ? 1 : 0}</isrequired>
  <secretstore>0</secretstore>
  <type>${spec.type}</type>
</environmentvariabledefinition>
`;
}

function variableParts(): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const spec of variableSpecs) {
    parts[`environmentvariabledefinitions/${spec.schemaName}/environmentvariabledefinition.xml`] = definitionXml(spec);
  }
  parts[`environmentvariabledefinitions/${syncEndpointUrl.schemaName}/environmentvariablevalues.json`] = JSON.stringify(
    {
      environmentvariablevalues: {
        environmentvariablevalue: {
          environmentvariablevalueid: `{${syncEndpointValueId}}`,
          iscustomizable: "1",
          schemaname: syncEndpointUrl.schemaName,
          statecode: "0",
          statuscode: "1",
          value: syncEndpointValue,
        },
      },
    },
  );
  return parts;
}

const rootComponents = [
  `<RootComponent type="1" schemaName="opportunity" behavior="2" />`,
  `<RootComponent type="1" schemaName="csb_partnercentersolution" behavior="0" />`,
  `<RootComponent type="61" schemaName="${webResourceName}" behavior="0" />`,
  `<RootComponent type="66" schemaName="${controlName}" behavior="0" />`,
  `<RootComponent type="92" id="{${createStepId}}" behavior="0" />`,
  `<RootComponent type="92" id="{${updateStepId}}" behavior="0" />`,
  `<RootComponent type="95" id="{${serviceEndpointId}}" behavior="0" />`,
  ...variableSpecs.map((spec) => `<RootComponent type="380" schemaName="${spec.schemaName}" behavior="0" />`),
];

/** solution.xml with every root component, managed or not. */
export function solutionXml(managed: boolean): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml version="9.2.24012.196" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SolutionManifest>
    <UniqueName>${solutionIdentity.uniqueName}</UniqueName>
    ${labels("LocalizedNames", "LocalizedName", "Co-sell Bridge")}
    ${labels("Descriptions", "Description", "Co-sell with Microsoft from inside Dynamics 365.")}
    <Version>1.2.0.7</Version>
    <Managed>${managed ? 1 : 0}</Managed>
    <Publisher>
      <UniqueName>CoSellBridgePublisher</UniqueName>
      ${labels("LocalizedNames", "LocalizedName", "Co-sell Bridge")}
      <Descriptions />
      <EMailAddress xsi:nil="true"></EMailAddress>
      <SupportingWebsiteUrl xsi:nil="true"></SupportingWebsiteUrl>
      <CustomizationPrefix>${solutionIdentity.publisherPrefix}</CustomizationPrefix>
      <CustomizationOptionValuePrefix>${solutionIdentity.optionValuePrefix}</CustomizationOptionValuePrefix>
      <Addresses />
    </Publisher>
    <RootComponents>
      ${rootComponents.join("\n      ")}
    </RootComponents>
    <MissingDependencies />
  </SolutionManifest>
</ImportExportXml>
`;
}

/** customizations.xml, its sections in the order of CustomizationsSolution.xsd's ImportExportXml sequence. */
export const customizationsXml = `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Entities>${opportunityEntity}${partnerCenterSolutionEntity}
  </Entities>
  <Roles />
  <Workflows />
  <FieldSecurityProfiles />
  <Templates />
  <EntityMaps />
  <EntityRelationships />
  <OrganizationSettings />
  <optionsets>${syncStatusOptionSet}
  </optionsets>${webResourcesXml}${customControlsXml}
  <SolutionPluginAssemblies />${stepsXml}${serviceEndpointsXml}
  <EntityDataProviders />
  <Languages>
    <Language>1033</Language>
  </Languages>
</ImportExportXml>
`;

/** [Content_Types].xml: defaults for the extensions used and an override for the extension-less web resource. */
export const contentTypesXml = `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="xml" ContentType="application/octet-stream" />
  <Default Extension="js" ContentType="application/octet-stream" />
  <Default Extension="resx" ContentType="application/octet-stream" />
  <Default Extension="json" ContentType="application/octet-stream" />
  <Override PartName="/${webResourceEntry}" ContentType="application/octet-stream" />
</Types>
`;

/** Zip entries of the control's files. */
export const manifestEntry = `${controlFolder}/ControlManifest.xml`;
export const bundleEntry = `${controlFolder}/bundle.js`;
export const resxEntry = `${controlFolder}/strings/CoSellPanel.1033.resx`;

/** Every part of the fixture solution, unmanaged unless asked. */
export function coSellBridgeParts(options: { managed?: boolean } = {}): FixtureParts {
  return {
    "[Content_Types].xml": contentTypesXml,
    "solution.xml": solutionXml(options.managed ?? false),
    "customizations.xml": customizationsXml,
    // pcf-scripts writes ControlManifest.xml without a byte order mark; it goes into the zip byte for byte.
    [manifestEntry]: utf8Bytes(controlManifest),
    [bundleEntry]: bundleScript,
    [resxEntry]: resxText,
    [webResourceEntry]: webResourceScript,
    ...variableParts(),
  };
}

/** The fixture solution as zip bytes. */
export function coSellBridgeZip(options: { managed?: boolean; byteOrderMark?: boolean } = {}): Uint8Array {
  return zipParts(coSellBridgeParts(options), options);
}
