/**
 * Reads `SdkMessageProcessingSteps/SdkMessageProcessingStep` of customizations.xml (CustomizationsSolution.xsd,
 * sdkmessageprocessingsteptype and sdkmessageprocessingstepimagetype). Field meanings: shared/reference/dataverse.md
 * §3.2 (stage 10/20/40, mode 0/1, filteringattributes for Update, images 0 pre, 1 post, 2 both); a step's
 * EventHandler with EventHandlerTypeCode 4618 names a service endpoint (toolchain.md §4).
 */
import { logicalNamePattern } from "../../../core/dataverse/schema";
import type { SolutionStep, StepHandler, StepImage } from "./componentModel";
import { ElementReader, type ReadContext } from "./elementReader";
import { sdkMessageNameOf } from "./sdkMessages";
import { listItems, type XmlElement } from "./xmlElement";

/** `EventHandlerTypeCode` of a service endpoint handler. */
export const serviceEndpointHandlerTypeCode = 4618;
const stages = [10, 20, 40] as const;
const postOperation = 40;

function commaList(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function readImage(
  step: ElementReader,
  element: XmlElement,
  messageName: string | undefined,
  stage: number,
): StepImage | undefined {
  const image = step.child(element, `${step.subject}, image '${element.attributes.Name ?? "(unnamed)"}',`);
  const imageType = image.integer("ImageType");
  const entityAlias = image.requiredText("EntityAlias");
  if (imageType !== 0 && imageType !== 1 && imageType !== 2) {
    image.problem("needs an <ImageType> of 0 (pre-image), 1 (post-image) or 2 (both).");
    return undefined;
  }
  if (imageType !== 1 && messageName === "Create")
    image.problem("is a pre-image on Create, where no record exists before.");
  if (imageType !== 0 && stage !== postOperation)
    image.problem("is a post-image on a step that is not post-operation (40).");
  return {
    id: image.guid("SdkMessageProcessingStepImageId", "element"),
    name: image.attribute("Name"),
    imageType,
    entityAlias,
    attributes: commaList(image.text("Attributes")),
    messagePropertyName: image.text("MessagePropertyName"),
  };
}

function readHandler(step: ElementReader, endpointIds: ReadonlySet<string>): StepHandler | undefined {
  const typeCode = step.integer("EventHandlerTypeCode");
  const handlerId = step.guid("EventHandler", "element");
  if (typeCode === serviceEndpointHandlerTypeCode) {
    if (handlerId === undefined) step.problem("has no valid <EventHandler> (the service endpoint id). Add it.");
    if (handlerId !== undefined && !endpointIds.has(handlerId)) {
      step.warn(
        `calls the service endpoint ${handlerId}, which is not in this solution; it must already exist in the target environment.`,
      );
    }
    return handlerId === undefined
      ? undefined
      : { kind: "serviceEndpoint", serviceEndpointId: handlerId, inSolution: endpointIds.has(handlerId) };
  }
  const pluginTypeId = step.guid("PluginTypeId", "element");
  const pluginTypeName = step.text("PluginTypeName");
  if (pluginTypeId === undefined && pluginTypeName === undefined) {
    step.problem(
      `names no handler: give <EventHandler> with <EventHandlerTypeCode>${serviceEndpointHandlerTypeCode}</EventHandlerTypeCode> for a service endpoint.`,
    );
    return undefined;
  }
  step.warn("runs a plug-in type; the emulator records the step but runs no plug-in code.");
  return { kind: "pluginType", pluginTypeId, pluginTypeName };
}

function readStep(
  element: XmlElement,
  context: ReadContext,
  endpointIds: ReadonlySet<string>,
): SolutionStep | undefined {
  const step = new ElementReader(element, `The step '${element.attributes.Name ?? "(unnamed)"}'`, context);
  const id = step.guid("SdkMessageProcessingStepId", "attribute");
  if (id === undefined) step.problem("has no valid SdkMessageProcessingStepId attribute. Give it a GUID.");
  const messageId = step.guid("SdkMessageId", "element");
  if (messageId === undefined) step.problem("has no valid <SdkMessageId> (the id of its message, e.g. Update).");
  const messageName = messageId === undefined ? undefined : sdkMessageNameOf(messageId);
  if (messageId !== undefined && messageName === undefined)
    step.warn(`uses the message ${messageId}, which the emulator does not know.`);
  const name = step.requiredAttribute("Name");
  const rawStage = step.integer("Stage");
  const stage = stages.find((candidate) => candidate === rawStage);
  if (stage === undefined)
    step.problem("needs a <Stage> of 10 (pre-validation), 20 (pre-operation) or 40 (post-operation).");
  const mode = step.integer("Mode");
  if (mode !== 0 && mode !== 1) step.problem("needs a <Mode> of 0 (synchronous) or 1 (asynchronous).");
  if (mode === 1 && stage !== undefined && stage !== postOperation)
    step.problem("is asynchronous, which only a post-operation (40) step can be.");
  const filteringAttributes = commaList(step.text("FilteringAttributes"));
  if (filteringAttributes.length > 0 && messageName !== undefined && messageName !== "Update") {
    step.warn("has <FilteringAttributes>, which Dataverse uses only for Update.");
  }
  const handler = readHandler(step, endpointIds);
  const primaryEntity = step.requiredText("PrimaryEntity").toLowerCase();
  const badNames = [primaryEntity, ...filteringAttributes].filter(
    (name) => name !== "" && !logicalNamePattern.test(name),
  );
  if (badNames.length > 0)
    step.problem(`names '${badNames.join("', '")}', which are not logical names (lowercase, e.g. opportunity).`);
  const images = listItems(element, "SdkMessageProcessingStepImages", "SdkMessageProcessingStepImage").flatMap(
    (image) => readImage(step, image, messageName, stage ?? 0) ?? [],
  );
  if (
    id === undefined ||
    messageId === undefined ||
    stage === undefined ||
    (mode !== 0 && mode !== 1) ||
    handler === undefined
  )
    return undefined;
  return {
    id,
    name,
    description: step.text("Description"),
    messageId,
    messageName,
    primaryEntity,
    stage,
    mode,
    rank: step.integer("Rank") ?? 1,
    filteringAttributes,
    supportedDeployment: step.integer("SupportedDeployment") ?? 0,
    asyncAutoDelete: step.flag("AsyncAutoDelete") ?? false,
    invocationSource: step.integer("InvocationSource"),
    handler,
    images,
    isCustomizable: step.flag("IsCustomizable"),
  };
}

/** Reads every step; `endpointIds` are the service endpoints of this zip, to tell in-solution handlers apart. */
export function readSteps(
  customizations: XmlElement,
  context: ReadContext,
  endpointIds: ReadonlySet<string>,
): SolutionStep[] {
  return listItems(customizations, "SdkMessageProcessingSteps", "SdkMessageProcessingStep").flatMap(
    (element) => readStep(element, context, endpointIds) ?? [],
  );
}
