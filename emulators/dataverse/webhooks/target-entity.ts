/**
 * The `Target` input parameter. For Create and Update it is an Entity holding the columns the caller sent plus the
 * ones the platform sets: the official Update example (dataverse.md §3.3) shows the changed column, the primary key,
 * then modifiedon, modifiedby and modifiedonbehalfby; "It is not the full record". Delete's Target is an
 * EntityReference, as in the SDK's DeleteRequest.
 */
import { primaryIdAttributeOf, type ChangeNotification } from "./change-notification";
import type { JsonValue } from "./data-contract-json";
import { entityJson, entityReferenceJson, type MultiSelectEncoding } from "./sdk-contracts";
import { typedValue, type TypedAttributes, type TypedValue } from "./typed-values";

const SYSTEM_USER = "systemuser";

/**
 * `modifiedonbehalfby` names the delegate who acted for the user: the initiating user under impersonation, otherwise
 * null (as in the official example, where nobody impersonates).
 */
function onBehalfOf(notification: ChangeNotification): TypedValue {
  return notification.initiatingUserId.toLowerCase() === notification.userId.toLowerCase()
    ? typedValue.null()
    : typedValue.entityReference(SYSTEM_USER, notification.initiatingUserId);
}

/**
 * The columns the platform adds to the caller's ones. Create also gets createdon/createdby, as in captured Create
 * payloads; anything else the platform defaults on Create (owner, state, ...) is the organization's to pass in
 * `target`. Columns the caller already holds keep the caller's value and position.
 */
function platformColumns(notification: ChangeNotification): readonly (readonly [string, TypedValue])[] {
  const user = typedValue.entityReference(SYSTEM_USER, notification.userId);
  const modified = [
    ["modifiedon", typedValue.dateTime(notification.at)],
    ["modifiedby", user],
    ["modifiedonbehalfby", onBehalfOf(notification)],
  ] as const;
  if (notification.message === "Update") return modified;
  if (notification.message === "Create") {
    return [...modified, ["createdon", typedValue.dateTime(notification.at)], ["createdby", user]];
  }
  return [];
}

function withAdded(
  attributes: TypedAttributes,
  additions: readonly (readonly [string, TypedValue])[],
): TypedAttributes {
  const result: Record<string, TypedValue> = { ...attributes };
  for (const [name, value] of additions) {
    if (!Object.hasOwn(result, name)) result[name] = value;
  }
  return result;
}

/** The caller's columns plus the primary key (what the main operation, Stage 30, receives). */
export function requestedAttributes(notification: ChangeNotification): TypedAttributes {
  return withAdded(notification.target, [[primaryIdAttributeOf(notification), typedValue.guid(notification.id)]]);
}

/** The Target as PostOperation steps see it: the requested columns plus the platform-set ones. */
export function targetAttributes(notification: ChangeNotification): TypedAttributes {
  return withAdded(requestedAttributes(notification), platformColumns(notification));
}

/** The `Target` value, type-hinted because ParameterCollection values are declared as `object`. */
export function targetJson(
  notification: ChangeNotification,
  attributes: TypedAttributes,
  multiSelect: MultiSelectEncoding,
): JsonValue {
  if (notification.message === "Delete") {
    return entityReferenceJson({ logicalName: notification.entityName, id: notification.id }, true);
  }
  const entity = {
    logicalName: notification.entityName,
    id: notification.id,
    attributes,
    rowVersion: notification.rowVersion ?? null,
  };
  return entityJson(entity, multiSelect, true);
}
