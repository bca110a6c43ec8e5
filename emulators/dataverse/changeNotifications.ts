/**
 * Turns the organization's change events into what the webhook caller sends (dataverse.md §3.3): SDK-typed values
 * (lookups as EntityReference, choices as OptionSetValue, money as Money, dates as DateTime, multi-select choices as
 * the collection), the caller (InitiatingUserId) and the user the change was made as (UserId), the correlation id
 * and depth. WinOpportunity and LoseOpportunity reach webhooks as the Update of the opportunity's state: the issue
 * asks for "WinOpportunity/LoseOpportunity as the Update of state", so steps registered on Update fire with
 * statecode, statuscode and the close columns in the Target; steps on the Win and Lose messages are not called,
 * because their InputParameters (OpportunityClose, Status) are not documented in the reference.
 */
import type { AttributeValue, ChangeEvent, RecordImage, TableDefinition } from "./model";
import { typedValue, type ChangeNotification, type TypedAttributes, type TypedValue } from "./webhooks";

/** Who asked for a change, as the Web API request that made it knew it. */
export interface RequestScope {
  /** The authenticated caller's systemuserid: InitiatingUserId. */
  readonly initiatingUserId: string;
  /** The caller's Azure AD object id (the app's service principal, or the signed-in user). */
  readonly initiatingObjectId?: string;
  /** The Azure AD object id of the user the request acts as, when it impersonates one that has one. */
  readonly userObjectId?: string;
  readonly userAgent?: string;
  /** The Web API request's id (`x-ms-service-request-id`), sent as the context's RequestId (2024 payloads). */
  readonly requestId?: string;
}

/** The organization as webhooks name it. */
export interface OrganizationNames {
  readonly name: string;
  readonly domain: string;
  readonly organizationId: string;
  readonly businessUnitId: string;
}

/** Columns the webhook caller adds to the Target itself (modifiedon, modifiedby...), so they are not passed on. */
const PLATFORM_TARGET_COLUMNS = new Set(["modifiedon", "modifiedby", "createdon", "createdby", "versionnumber"]);

/** The message a change reaches webhooks as. */
export function webhookMessageOf(event: ChangeEvent): string {
  return event.message === "Win" || event.message === "Lose" ? "Update" : event.message;
}

/** The notification of one committed (or about to commit) change. */
export function notificationOf(
  event: ChangeEvent,
  table: TableDefinition,
  names: OrganizationNames,
  scope: RequestScope | undefined,
): ChangeNotification {
  const target = Object.fromEntries(
    Object.entries(event.target).filter(([name]) => !PLATFORM_TARGET_COLUMNS.has(name)),
  );
  return {
    message: webhookMessageOf(event),
    entityName: event.table,
    id: event.id,
    target: event.message === "Delete" ? {} : typedAttributes(target),
    changedAttributes: event.changedAttributes,
    ...(event.preImage === null ? {} : { preImage: typedAttributes(event.preImage) }),
    ...(event.postImage === null ? {} : { postImage: typedAttributes(event.postImage) }),
    primaryIdAttribute: table.primaryIdAttribute,
    ...(table.primaryNameAttribute === null ? {} : { primaryNameAttribute: table.primaryNameAttribute }),
    rowVersion: String(event.version),
    initiatingUserId: scope?.initiatingUserId ?? event.actor,
    userId: event.actor,
    ...optional("initiatingUserAgent", scope?.userAgent),
    ...optional("initiatingUserAzureActiveDirectoryObjectId", scope?.initiatingObjectId),
    ...optional("userAzureActiveDirectoryObjectId", scope?.userObjectId),
    businessUnitId: names.businessUnitId,
    organizationId: names.organizationId,
    organizationName: names.name,
    organizationDomain: names.domain,
    correlationId: event.correlationId,
    depth: event.depth,
    ...optional("requestId", scope?.requestId),
    at: new Date(event.at),
  };
}

/** A record image with SDK types. */
export function typedAttributes(image: RecordImage): TypedAttributes {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, sdkValue(value)]));
}

/** One attribute value with its SDK type (§3.3 "Typed attribute value encodings"). */
export function sdkValue(attribute: AttributeValue): TypedValue {
  switch (attribute.type) {
    case "String":
    case "Memo":
      return attribute.value === null ? typedValue.null() : typedValue.string(attribute.value);
    case "Uniqueidentifier":
      return attribute.value === null ? typedValue.null() : typedValue.guid(attribute.value);
    case "DateTime":
      return attribute.value === null ? typedValue.null() : typedValue.dateTime(attribute.value);
    case "Integer":
    case "BigInt":
    case "Decimal":
      return attribute.value === null ? typedValue.null() : typedValue.number(attribute.value);
    case "Money":
      return attribute.value === null ? typedValue.null() : typedValue.money(attribute.value);
    case "Picklist":
    case "State":
    case "Status":
      return attribute.value === null ? typedValue.null() : typedValue.optionSetValue(attribute.value);
    case "Boolean":
      return attribute.value === null ? typedValue.null() : typedValue.boolean(attribute.value);
    case "MultiSelectPicklist":
      return attribute.value === null ? typedValue.null() : typedValue.optionSetValueCollection(attribute.value);
    case "Lookup":
      return attribute.value === null
        ? typedValue.null()
        : typedValue.entityReference(attribute.value.logicalName, attribute.value.id);
  }
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}
