/**
 * The webhook body: Microsoft.Xrm.Sdk.RemoteExecutionContext as DataContract JSON (dataverse.md §3.3). Members are
 * built in the serializer's order (alphabetical, as in the official example and the 2024 payloads), so writing the
 * object with `writeDataContractJson` gives the exact body text.
 */
import type { ChangeNotification } from "./change-notification";
import { dataContractDate, type JsonValue } from "./data-contract-json";
import { entityImagesJson, type ImageSettings } from "./entity-images";
import { WebhookConfigurationError } from "./errors";
import {
  MessageFormat,
  sameGuid,
  ServiceEndpointContract,
  StepMode,
  StepStage,
  type ServiceEndpointRegistration,
  type StepRegistration,
} from "./registrations";
import { entityReferenceJson, keyValue, type MultiSelectEncoding } from "./sdk-contracts";
import { requestedAttributes, targetAttributes, targetJson } from "./target-entity";

/** A RemoteExecutionContext as a JSON tree whose key order is the body's member order. */
export type RemoteExecutionContextJson = Readonly<Record<string, JsonValue>>;

/** A shared variable as sent in `SharedVariables`. */
export interface SharedVariable {
  readonly key: string;
  readonly value: string | number | boolean | null;
}

/** The undocumented parts of the body, each a switch (§3.3 marks them UNCONFIRMED or only OBSERVED). */
export interface ExecutionContextOptions {
  /** Create's `OutputParameters` = `[{key:"id", value:<new id>}]` (UNCONFIRMED in §3.3). Default true. */
  readonly createOutputId?: boolean;
  /** A minimal `ParentContext` (Stage 30, the main operation); false sends `"ParentContext":null`. Default true. */
  readonly parentContext?: boolean;
  /** The `AsynchronousStepPrimaryName` post-image on async steps without a post-image (§3.3). Default true. */
  readonly asyncPrimaryNameImage?: boolean;
  /** Default "array" (see MultiSelectEncoding). */
  readonly multiSelectEncoding?: MultiSelectEncoding;
  /** Default none, as in the official example; 2024 payloads carry e.g. IsAutoTransact and AcceptLang. */
  readonly sharedVariables?: readonly SharedVariable[];
  /** Put the step's name in `OwningExtension.Name` (some captures do); default false: null, as in §3.3's example. */
  readonly owningExtensionName?: boolean;
  /** `OperationId`; the caller passes the system job's id for async steps. Default notification.operationId. */
  readonly operationId?: string;
}

/** The empty GUID: a synchronous step has no system job. */
export const EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

/** `IsolationMode` as sent for webhooks in every known payload. */
const ISOLATION_MODE = 1;

/** The per-context parts; the rest comes from the notification and step alike for the step and its parent. */
interface ContextParts {
  readonly stage: number;
  readonly inputParameters: JsonValue;
  readonly outputParameters: JsonValue;
  readonly parentContext: JsonValue;
  readonly postEntityImages: JsonValue;
  readonly preEntityImages: JsonValue;
}

function checkWebhookPair(step: StepRegistration, endpoint: ServiceEndpointRegistration): void {
  if (!sameGuid(step.eventHandlerServiceEndpointId, endpoint.serviceendpointid)) {
    throw new WebhookConfigurationError(`step '${step.name}' is not handled by service endpoint '${endpoint.name}'`);
  }
  if (endpoint.contract !== ServiceEndpointContract.Webhook || endpoint.messageformat !== MessageFormat.Json) {
    throw new WebhookConfigurationError(`service endpoint '${endpoint.name}' is not a JSON webhook`);
  }
}

function optional(name: string, value: string | undefined): Record<string, JsonValue> {
  return value === undefined ? {} : { [name]: value };
}

function contextJson(
  notification: ChangeNotification,
  step: StepRegistration,
  options: ExecutionContextOptions,
  parts: ContextParts,
): RemoteExecutionContextJson {
  const owningExtension = {
    logicalName: "sdkmessageprocessingstep",
    id: step.sdkmessageprocessingstepid,
    name: options.owningExtensionName === true ? step.name : undefined,
  };
  return {
    BusinessUnitId: notification.businessUnitId,
    CorrelationId: notification.correlationId,
    Depth: notification.depth,
    ...optional("InitiatingUserAgent", notification.initiatingUserAgent),
    ...optional("InitiatingUserAzureActiveDirectoryObjectId", notification.initiatingUserAzureActiveDirectoryObjectId),
    InitiatingUserId: notification.initiatingUserId,
    InputParameters: parts.inputParameters,
    IsExecutingOffline: false,
    // A synchronous PostOperation step runs inside the operation's transaction; an asynchronous one after it.
    IsInTransaction: step.mode === StepMode.Synchronous,
    IsOfflinePlayback: false,
    IsolationMode: ISOLATION_MODE,
    MessageName: notification.message,
    Mode: step.mode,
    OperationCreatedOn: dataContractDate(notification.at, "+0000"),
    OperationId: options.operationId ?? notification.operationId ?? EMPTY_GUID,
    OrganizationId: notification.organizationId,
    OrganizationName: notification.organizationName,
    OutputParameters: parts.outputParameters,
    OwningExtension: entityReferenceJson(owningExtension, false),
    ParentContext: parts.parentContext,
    PostEntityImages: parts.postEntityImages,
    PreEntityImages: parts.preEntityImages,
    PrimaryEntityId: notification.id,
    PrimaryEntityName: notification.entityName,
    RequestId: notification.requestId ?? null,
    SecondaryEntityName: "none",
    SharedVariables: (options.sharedVariables ?? []).map((variable) => keyValue(variable.key, variable.value)),
    Stage: parts.stage,
    ...optional("UserAzureActiveDirectoryObjectId", notification.userAzureActiveDirectoryObjectId),
    UserId: notification.userId,
  };
}

/**
 * The main operation's context (Stage 30) as the step's parent: the caller's columns as Target, plus
 * SuppressDuplicateDetection for Create and Update (§3.3). Mode and OwningExtension repeat the step's, as in the
 * 2024 payload; images and output parameters are empty because the main operation registers none.
 */
function parentContextJson(
  notification: ChangeNotification,
  step: StepRegistration,
  options: ExecutionContextOptions,
  multiSelect: MultiSelectEncoding,
): RemoteExecutionContextJson {
  const target = keyValue("Target", targetJson(notification, requestedAttributes(notification), multiSelect));
  const createsOrUpdates = notification.message === "Create" || notification.message === "Update";
  return contextJson(notification, step, options, {
    stage: StepStage.MainOperation,
    inputParameters: createsOrUpdates ? [target, keyValue("SuppressDuplicateDetection", false)] : [target],
    outputParameters: [],
    parentContext: null,
    postEntityImages: [],
    preEntityImages: [],
  });
}

/**
 * The body `step` receives for `notification`. Throws WebhookConfigurationError when `endpoint` is not the step's
 * JSON webhook endpoint.
 */
export function buildRemoteExecutionContext(
  notification: ChangeNotification,
  step: StepRegistration,
  endpoint: ServiceEndpointRegistration,
  options: ExecutionContextOptions = {},
): RemoteExecutionContextJson {
  checkWebhookPair(step, endpoint);
  const multiSelect = options.multiSelectEncoding ?? "array";
  const images: ImageSettings = { multiSelect, asyncPrimaryNameImage: options.asyncPrimaryNameImage ?? true };
  const returnsId = notification.message === "Create" && (options.createOutputId ?? true);
  return contextJson(notification, step, options, {
    stage: step.stage,
    inputParameters: [keyValue("Target", targetJson(notification, targetAttributes(notification), multiSelect))],
    outputParameters: returnsId ? [keyValue("id", notification.id)] : [],
    parentContext: options.parentContext === false ? null : parentContextJson(notification, step, options, multiSelect),
    postEntityImages: entityImagesJson(notification, step, "post", images),
    preEntityImages: entityImagesJson(notification, step, "pre", images),
  });
}

/** The members Dataverse removes from bodies over the size limit (§3.3, `x-ms-dynamics-msg-size-exceeded`). */
export const MEMBERS_REMOVED_WHEN_OVERSIZED = [
  "ParentContext",
  "InputParameters",
  "PreEntityImages",
  "PostEntityImages",
] as const;

/** The context without the members removed from oversized bodies; the other members keep their order. */
export function trimOversizedContext(context: RemoteExecutionContextJson): RemoteExecutionContextJson {
  const removed = new Set<string>(MEMBERS_REMOVED_WHEN_OVERSIZED);
  return Object.fromEntries(Object.entries(context).filter(([member]) => !removed.has(member)));
}
