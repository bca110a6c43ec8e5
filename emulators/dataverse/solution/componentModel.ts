/**
 * The typed model of the other components: web resources, PCF controls, service endpoints, processing steps
 * (CustomizationsSolution.xsd: webresourcetype, customcontroltype, serviceendpointtype, sdkmessageprocessingsteptype)
 * and environment variables (their own files, shared/reference/toolchain.md §4). Field meanings and codes:
 * shared/reference/dataverse.md §3 and §4.5.
 */
import type { Label } from "./manifestModel";

/** `WebResourceType` codes and their names. */
export const webResourceTypeNames = {
  1: "HTML",
  2: "CSS",
  3: "JavaScript",
  4: "XML",
  5: "PNG",
  6: "JPG",
  7: "GIF",
  8: "Silverlight",
  9: "XSL",
  10: "ICO",
  11: "SVG",
  12: "RESX",
} as const;
/** A `WebResourceType` code the reader accepts. */
export type WebResourceTypeCode = keyof typeof webResourceTypeNames;

/** One `WebResource` with the bytes of the file its `FileName` names. */
export interface SolutionWebResource {
  id: string;
  name: string;
  displayName: string | undefined;
  description: string | undefined;
  type: WebResourceTypeCode;
  /** `FileName` as written, e.g. "/WebResources/csb_scriptsopportunityformjs<GUID>". */
  fileName: string;
  content: Uint8Array;
  languageCode: number | undefined;
  introducedVersion: string | undefined;
  isCustomizable: boolean | undefined;
}

/** A `property` of a PCF control manifest. */
export interface ControlProperty {
  name: string;
  ofType: string | undefined;
  ofTypeGroup: string | undefined;
  usage: string;
  required: boolean;
  displayNameKey: string | undefined;
  descriptionKey: string | undefined;
}

/** A file a control manifest lists under `resources`, with its bytes. `path` is the entry name in the zip. */
export interface ControlResourceFile {
  kind: "code" | "css" | "resx" | "img" | "html";
  /** As written in the manifest, relative to the control's folder. */
  manifestPath: string;
  path: string;
  content: Uint8Array;
}

/** The parts of ControlManifest.xml the organization needs. */
export interface ControlManifest {
  namespace: string;
  /** The `constructor` attribute: the class name of the control. */
  constructorName: string;
  version: string;
  controlType: string;
  displayNameKey: string | undefined;
  descriptionKey: string | undefined;
  apiVersion: string | undefined;
  properties: readonly ControlProperty[];
  platformLibraries: readonly { name: string; version: string }[];
}

/** One `CustomControl` (a PCF control), its manifest and its files. */
export interface SolutionCustomControl {
  /** `<prefix>_<namespace>.<constructor>`, e.g. "csb_CoSellBridge.CoSellPanel". */
  name: string;
  fileName: string;
  manifest: ControlManifest;
  /** The bytes of the `code` resource (bundle.js). */
  bundle: Uint8Array;
  files: readonly ControlResourceFile[];
}

/** One `ServiceEndpoint`. The auth value is never part of a solution: the admin sets it after the import. */
export interface SolutionServiceEndpoint {
  id: string;
  name: string;
  description: string | undefined;
  /** 8 is Webhook. */
  contract: number;
  /** 4 WebhookKey, 5 HttpHeader, 6 HttpQueryString. */
  authType: number | undefined;
  url: string | undefined;
  /** 1 Binary XML, 2 JSON, 3 Text XML. */
  messageFormat: number | undefined;
  /** 1 None, 2 UserId, 3 UserInfo. */
  userClaim: number | undefined;
  connectionMode: number | undefined;
  namespaceAddress: string | undefined;
  path: string | undefined;
  solutionNamespace: string | undefined;
  isCustomizable: boolean | undefined;
}

/** What a step runs: a service endpoint (`EventHandlerTypeCode` 4618) or a plug-in type. */
export type StepHandler =
  | { kind: "serviceEndpoint"; serviceEndpointId: string; inSolution: boolean }
  | { kind: "pluginType"; pluginTypeId: string | undefined; pluginTypeName: string | undefined };

/** An image registered on a step. `imageType`: 0 pre-image, 1 post-image, 2 both. */
export interface StepImage {
  id: string | undefined;
  name: string | undefined;
  imageType: 0 | 1 | 2;
  entityAlias: string;
  attributes: readonly string[];
  messagePropertyName: string | undefined;
}

/** One `SdkMessageProcessingStep`. `stage` 10, 20 or 40; `mode` 0 synchronous, 1 asynchronous. */
export interface SolutionStep {
  id: string;
  name: string;
  description: string | undefined;
  messageId: string;
  /** The message of a platform message id ("Create", "Update"...); undefined for an id the reader doesn't know. */
  messageName: string | undefined;
  primaryEntity: string;
  stage: 10 | 20 | 40;
  mode: 0 | 1;
  rank: number;
  filteringAttributes: readonly string[];
  supportedDeployment: number;
  asyncAutoDelete: boolean;
  invocationSource: number | undefined;
  handler: StepHandler;
  images: readonly StepImage[];
  isCustomizable: boolean | undefined;
}

/** Environment variable type codes and names (dataverse.md §4.5). */
export const environmentVariableTypeNames = {
  100000000: "String",
  100000001: "Number",
  100000002: "Boolean",
  100000003: "JSON",
  100000004: "DataSource",
  100000005: "Secret",
} as const;
/** An environment variable `type` code the reader accepts. */
export type EnvironmentVariableTypeCode = keyof typeof environmentVariableTypeNames;

/** One `environmentvariabledefinitions/<schemaname>/environmentvariabledefinition.xml`. */
export interface EnvironmentVariableDefinition {
  schemaName: string;
  /** The `default` attribute of `displayname`. */
  displayName: string;
  displayNames: readonly Label[];
  description: string | undefined;
  descriptions: readonly Label[];
  type: EnvironmentVariableTypeCode;
  /** undefined when `defaultvalue` is absent or empty. */
  defaultValue: string | undefined;
  isRequired: boolean;
  isCustomizable: boolean | undefined;
  introducedVersion: string | undefined;
}

/** One value of `environmentvariablevalues.json` in a definition's folder. */
export interface EnvironmentVariableValue {
  schemaName: string;
  value: string;
  id: string | undefined;
}
