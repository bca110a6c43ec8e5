/**
 * The non-table components of the CoSellBridge-like fixture: one web resource, the CoSellPanel PCF control (a small
 * ControlManifest.xml as pcf-scripts emits it, bundle.js and a resx), the webhook service endpoint (contract 8,
 * authtype 4, messageformat 2, no auth value) and two asynchronous post-operation steps on opportunity (Create and
 * Update) with a post-image each (shared/reference/dataverse.md §3).
 */
import { opportunityTable } from "../../../../core/dataverse/schema";
import { sdkMessageIds } from "../../../../emulators/dataverse/solution";
import { xmlText } from "./fixtureZip";

/** The form script web resource: its id, name, zip entry (exported naming: name without punctuation + GUID) and text. */
export const webResourceId = "3f6a1d2c-8b4e-4c7a-9e15-6d2b8f0a4c31";
export const webResourceName = "csb_/scripts/opportunityform.js";
export const webResourceEntry = "WebResources/csb_scriptsopportunityformjs3F6A1D2C-8B4E-4C7A-9E15-6D2B8F0A4C31";
export const webResourceScript = 'var CoSellBridge = { onLoad: function () { "use strict"; } };\n';

/** The PCF control: `<prefix>_<namespace>.<constructor>`, its folder and files. */
export const controlName = "csb_CoSellBridge.CoSellPanel";
export const controlFolder = `Controls/${controlName}`;
export const bundleScript = "var pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad;(function(){/* CoSellPanel */})();\n";
export const resxText = `<?xml version="1.0" encoding="utf-8"?>
<root>
  <data name="CoSellPanel_Display" xml:space="preserve"><value>Co-sell panel</value></data>
</root>
`;

/** ControlManifest.xml as pcf-scripts emits it, trimmed to two properties. */
export const controlManifest = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<manifest>
  <control namespace="CoSellBridge" constructor="CoSellPanel" version="0.1.0" display-name-key="CoSellPanel_Display" description-key="CoSellPanel_Description" control-type="virtual" api-version="1.3.18">
    <property name="syncWithPartnerCenter" display-name-key="SyncWithPartnerCenter_Display" description-key="SyncWithPartnerCenter_Description" of-type="TwoOptions" usage="bound" required="true"/>
    <property name="microsoftHelp" display-name-key="MicrosoftHelp_Display" description-key="MicrosoftHelp_Description" of-type="MultiSelectOptionSet" usage="bound" required="false"/>
    <resources>
      <code path="bundle.js" order="1"/>
      <platform-library name="React" version="16.14.0"/>
      <platform-library name="Fluent" version="8.121.1"/>
      <resx path="strings/CoSellPanel.1033.resx" version="1.0.0"/>
    </resources>
    <feature-usage/>
    <built-by name="pac" version="1.51.1"/>
  </control>
</manifest>
`;

/** Ids of the webhook endpoint, the two steps and their post-images, and the endpoint URL. */
export const serviceEndpointId = "a7c3e9f1-2d4b-4e6a-8c0f-1b3d5f7a9c2e";
export const serviceEndpointUrl = "https://cosell-bridge.example/dataverse/webhook";
export const createStepId = "b1d3f5a7-9c2e-4f60-8a1b-3c5d7e9f0b24";
export const updateStepId = "c2e4a6b8-0d3f-4a71-9b2c-4d6e8f0a1c35";
export const createImageId = "d3f5b7c9-1e4a-4b82-8c3d-5e7f9a1b2d46";
export const updateImageId = "e4a6c8d0-2f5b-4c93-9d4e-6f8a0b2c3e57";

const opportunity = opportunityTable.columns;
const cosell = opportunityTable.cosellColumns;

/** The opportunity columns whose change should reach Partner Center (core's default mapping). */
export const updateFilteringAttributes = [
  opportunity.name,
  opportunity.description,
  opportunity.estimatedValue,
  opportunity.currency,
  opportunity.estimatedCloseDate,
  opportunity.stateCode,
  opportunity.statusCode,
  opportunity.salesStage,
  cosell.syncWithPartnerCenter,
  cosell.microsoftHelp,
  cosell.shareWithMicrosoft,
  cosell.products,
];

/** What the post-image carries for the sync service. */
export const imageAttributes = [
  opportunity.name,
  opportunity.estimatedValue,
  opportunity.stateCode,
  cosell.syncWithPartnerCenter,
  cosell.referralId,
];

/** The WebResources section of customizations.xml. */
export const webResourcesXml = `
  <WebResources>
    <WebResource>
      <WebResourceId>{${webResourceId}}</WebResourceId>
      <Name>${webResourceName}</Name>
      <DisplayName>Co-sell Bridge opportunity form script</DisplayName>
      <Description>Shows the co-sell fields on the opportunity form.</Description>
      <LanguageCode>1033</LanguageCode>
      <WebResourceType>3</WebResourceType>
      <IntroducedVersion>1.0.0.0</IntroducedVersion>
      <IsEnabledForMobileClient>0</IsEnabledForMobileClient>
      <IsAvailableForMobileOffline>0</IsAvailableForMobileOffline>
      <IsCustomizable>1</IsCustomizable>
      <CanBeDeleted>1</CanBeDeleted>
      <IsHidden>0</IsHidden>
      <FileName>/${webResourceEntry}</FileName>
    </WebResource>
  </WebResources>`;

/** The CustomControls section. */
export const customControlsXml = `
  <CustomControls>
    <CustomControl>
      <Name>${controlName}</Name>
      <FileName>/${controlFolder}/ControlManifest.xml</FileName>
    </CustomControl>
  </CustomControls>`;

interface StepSpec {
  id: string;
  message: "Create" | "Update";
  imageId: string;
  filteringAttributes?: readonly string[];
}

function step(spec: StepSpec): string {
  const filtering =
    spec.filteringAttributes === undefined
      ? ""
      : `\n      <FilteringAttributes>${spec.filteringAttributes.join(",")}</FilteringAttributes>`;
  return `
    <SdkMessageProcessingStep Name="CoSellBridge: ${spec.message} of opportunity" SdkMessageProcessingStepId="{${spec.id}}">
      <PrimaryEntity>opportunity</PrimaryEntity>
      <AsyncAutoDelete>1</AsyncAutoDelete>
      <Description>${xmlText(`Tells the sync service about the ${spec.message.toLowerCase()}.`)}</Description>${filtering}
      <InvocationSource>0</InvocationSource>
      <Mode>1</Mode>
      <Rank>1</Rank>
      <SdkMessageId>{${sdkMessageIds[spec.message]}}</SdkMessageId>
      <EventHandler>{${serviceEndpointId}}</EventHandler>
      <EventHandlerTypeCode>4618</EventHandlerTypeCode>
      <Stage>40</Stage>
      <IsCustomizable>1</IsCustomizable>
      <IsHidden>0</IsHidden>
      <SupportedDeployment>0</SupportedDeployment>
      <IntroducedVersion>1.0.0.0</IntroducedVersion>
      <SdkMessageProcessingStepImages>
        <SdkMessageProcessingStepImage Name="PostImage">
          <SdkMessageProcessingStepImageId>{${spec.imageId}}</SdkMessageProcessingStepImageId>
          <Attributes>${imageAttributes.join(",")}</Attributes>
          <EntityAlias>PostImage</EntityAlias>
          <ImageType>1</ImageType>
          <MessagePropertyName>${spec.message === "Create" ? "Id" : "Target"}</MessagePropertyName>
          <IsCustomizable>1</IsCustomizable>
        </SdkMessageProcessingStepImage>
      </SdkMessageProcessingStepImages>
    </SdkMessageProcessingStep>`;
}

/** The SdkMessageProcessingSteps section: Create and Update of opportunity. */
export const stepsXml = `
  <SdkMessageProcessingSteps>${step({ id: createStepId, message: "Create", imageId: createImageId })}${step({
    id: updateStepId,
    message: "Update",
    imageId: updateImageId,
    filteringAttributes: updateFilteringAttributes,
  })}
  </SdkMessageProcessingSteps>`;

/** The ServiceEndpoints section: the webhook, without any auth value. */
export const serviceEndpointsXml = `
  <ServiceEndpoints>
    <ServiceEndpoint ServiceEndpointId="{${serviceEndpointId}}" Name="CoSellBridge sync service">
      <ConnectionMode>1</ConnectionMode>
      <Contract>8</Contract>
      <Description>The Co-sell Bridge sync service's webhook.</Description>
      <UserClaim>1</UserClaim>
      <IsCustomizable>1</IsCustomizable>
      <AuthType>4</AuthType>
      <MessageFormat>2</MessageFormat>
      <Url>${serviceEndpointUrl}</Url>
    </ServiceEndpoint>
  </ServiceEndpoints>`;
