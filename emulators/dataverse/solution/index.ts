// The public surface of the solution zip reader: the emulator's ImportSolution calls readSolutionZip and applies the
// SolutionPackage it returns; the packer writes zips that read back into the same model.
export type {
  ControlManifest,
  ControlProperty,
  ControlResourceFile,
  EnvironmentVariableDefinition,
  EnvironmentVariableTypeCode,
  EnvironmentVariableValue,
  SolutionCustomControl,
  SolutionServiceEndpoint,
  SolutionStep,
  SolutionWebResource,
  StepHandler,
  StepImage,
  WebResourceTypeCode,
} from "./componentModel";
export { environmentVariableTypeNames, webResourceTypeNames } from "./componentModel";
export type {
  AttributeCommon,
  AttributeDetails,
  AttributeType,
  DateTimeBehavior,
  OptionDefinition,
  OptionSetBinding,
  OptionSetDefinition,
  OptionSetKind,
  RequiredLevel,
  SolutionAttribute,
  SolutionEntity,
  SolutionForm,
  TableOwnership,
} from "./entityModel";
export { defaultSolutionZipLimits, type ReadSolutionOptions, type SolutionZipLimits } from "./limits";
export {
  ComponentType,
  RootComponentBehavior,
  type Label,
  type RequiredComponent,
  type RootComponent,
  type SolutionManifest,
  type SolutionPublisher,
  type SolutionVersionParts,
} from "./manifestModel";
export { parseSolutionVersion } from "./manifestReader";
export type { SolutionPackage } from "./packageModel";
export {
  contentTypesPart,
  customizationsPart,
  environmentVariableDefinitionFile,
  environmentVariablesFolder,
  environmentVariableValuesFile,
  solutionPart,
} from "./partPaths";
export { SolutionImportError, type SolutionProblem, type SolutionProblemCode, type SolutionWarning } from "./problems";
export { readSolutionZip } from "./readSolutionZip";
export { sdkMessageIds, sdkMessageNameOf, type SdkMessageName } from "./sdkMessages";
export { webhookContract } from "./serviceEndpointReader";
export { serviceEndpointHandlerTypeCode } from "./stepReader";
