/**
 * The webhook: `ServiceEndpoints/ServiceEndpoint` (contract 8, WebhookKey auth, JSON; never an auth value) and
 * `SdkMessageProcessingSteps/SdkMessageProcessingStep` with their post-images (CustomizationsSolution.xsd
 * serviceendpointtype and sdkmessageprocessingsteptype; codes: shared/reference/dataverse.md §3.1, §3.2). A step
 * names its handler by the endpoint's id with EventHandlerTypeCode 4618 (a service endpoint).
 */
import { firstReleaseVersion } from "../definition/identity";
import { sdkMessageIds, webhookEndpoint, type WebhookStep } from "../definition/webhook";
import { braced } from "./labels";
import { element, textElement, type XmlNode } from "./xmlNode";

const serviceEndpointHandler = 4618;
const asynchronous = 1;
const postOperation = 40;
const postImage = 1;
/** 0: the step runs on the server only. */
const serverOnly = 0;

export function serviceEndpointElement(url: string): XmlNode {
  return element(
    "ServiceEndpoint",
    { ServiceEndpointId: braced(webhookEndpoint.id), Name: webhookEndpoint.name },
    textElement("ConnectionMode", webhookEndpoint.connectionMode),
    textElement("Contract", webhookEndpoint.contract),
    textElement("Description", webhookEndpoint.description),
    textElement("UserClaim", webhookEndpoint.userClaim),
    textElement("IsCustomizable", "1"),
    textElement("AuthType", webhookEndpoint.authType),
    textElement("MessageFormat", webhookEndpoint.messageFormat),
    textElement("Url", url),
  );
}

export function stepElement(step: WebhookStep, primaryEntity: string): XmlNode {
  return element(
    "SdkMessageProcessingStep",
    { Name: step.name, SdkMessageProcessingStepId: braced(step.id) },
    textElement("PrimaryEntity", primaryEntity),
    textElement("AsyncAutoDelete", "1"),
    textElement("Description", step.description),
    step.filteringAttributes.length === 0
      ? undefined
      : textElement("FilteringAttributes", step.filteringAttributes.join(",")),
    textElement("InvocationSource", 0),
    textElement("Mode", asynchronous),
    textElement("Rank", 1),
    textElement("SdkMessageId", braced(sdkMessageIds[step.message])),
    textElement("EventHandler", braced(webhookEndpoint.id)),
    textElement("EventHandlerTypeCode", serviceEndpointHandler),
    textElement("Stage", postOperation),
    textElement("IsCustomizable", "1"),
    textElement("IsHidden", "0"),
    textElement("SupportedDeployment", serverOnly),
    textElement("IntroducedVersion", firstReleaseVersion),
    element(
      "SdkMessageProcessingStepImages",
      {},
      element(
        "SdkMessageProcessingStepImage",
        { Name: step.image.alias },
        textElement("SdkMessageProcessingStepImageId", braced(step.image.id)),
        textElement("Attributes", step.image.attributes.join(",")),
        textElement("EntityAlias", step.image.alias),
        textElement("ImageType", postImage),
        textElement("MessagePropertyName", step.image.messagePropertyName),
        textElement("IsCustomizable", "1"),
      ),
    ),
  );
}
