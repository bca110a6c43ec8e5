/**
 * Writing rows (dataverse.md §4.2): POST creates (204 with `OData-EntityId`, or 201 and the row with
 * `Prefer: return=representation`); PATCH updates, and is an upsert unless `If-Match` says otherwise (204, or 200
 * and the row); `If-Match: W/"n"` and `If-None-Match: *` are honoured (412); DELETE removes (204). Every write is
 * made as the request's acting user, inside a write plan.
 */
import type { DataverseOrganization, TableDefinition, WriteResult } from "../model";
import { DataverseError, ErrorCode } from "../model";
import { checkQueryOptions, entitySetTable } from "./entityReads";
import { preferenceApplied, preferencesOf, type Preferences } from "./preferences";
import type { PathSegment } from "./resourcePath";
import type { WebApiRequest, WebApiResponse } from "./webApiRequest";

/** POST `<entityset>`. */
export async function createRow(request: WebApiRequest, entitySet: string): Promise<WebApiResponse> {
  checkQueryOptions(request.query, ["$select", "$expand"]);
  const body = await request.json();
  const preferences = preferencesOf(request.headers);
  return request.writes((org) => {
    const table = entitySetTable(org, entitySet);
    const result = session(request, org).create(table.logicalName, body, context(request));
    return written(request, org, table, result, preferences);
  });
}

/** PATCH `<entityset>(<id>)`. */
export async function updateRow(request: WebApiRequest, entitySet: string, id: string): Promise<WebApiResponse> {
  checkQueryOptions(request.query, ["$select", "$expand"]);
  const body = await request.json();
  const preferences = preferencesOf(request.headers);
  const ifMatch = request.headers["if-match"];
  const ifNoneMatch = request.headers["if-none-match"];
  return request.writes((org) => {
    const table = entitySetTable(org, entitySet);
    const result = session(request, org).update(table.logicalName, id, body, {
      ...context(request),
      ...(ifMatch === undefined ? {} : { ifMatch }),
      ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }),
    });
    return written(request, org, table, result, preferences);
  });
}

/** DELETE `<entityset>(<id>)`. */
export function deleteRow(request: WebApiRequest, entitySet: string, id: string): Promise<WebApiResponse> {
  checkQueryOptions(request.query, []);
  const ifMatch = request.headers["if-match"];
  return request.writes((org) => {
    const table = entitySetTable(org, entitySet);
    session(request, org).delete(table.logicalName, id, {
      ...context(request),
      ...(ifMatch === undefined ? {} : { ifMatch }),
    });
    return { status: 204 };
  });
}

/** PUT `<entityset>(<id>)/<column>` with `{"value": ...}`, or DELETE of it: sets one column (null for DELETE). */
export async function setProperty(
  request: WebApiRequest,
  entitySet: string,
  id: string,
  property: PathSegment,
): Promise<WebApiResponse> {
  checkQueryOptions(request.query, []);
  let value: unknown = null;
  if (request.method === "PUT") {
    const body = await request.json();
    if (typeof body !== "object" || body === null || !("value" in body)) {
      throw new DataverseError(400, ErrorCode.payloadError, 'Send the new value as {"value": ...}.');
    }
    value = body.value;
  }
  return request.writes((org) => {
    const table = entitySetTable(org, entitySet);
    const body = { [property.name]: value };
    session(request, org).update(table.logicalName, id, body, { ...context(request), upsert: false });
    return { status: 204 };
  });
}

/** POST `<entityset>(<id>)/<relationship>`: creates a related row bound to this one. */
export async function createRelated(
  request: WebApiRequest,
  entitySet: string,
  id: string,
  relationship: PathSegment,
): Promise<WebApiResponse> {
  checkQueryOptions(request.query, ["$select", "$expand"]);
  const body = await request.json();
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new DataverseError(400, ErrorCode.payloadError, "The body must be a JSON object.");
  }
  const preferences = preferencesOf(request.headers);
  return request.writes((org) => {
    const table = entitySetTable(org, entitySet);
    const navigation = org.metadata.navigation(table.logicalName, relationship.name);
    if (navigation?.kind !== "collection") {
      throw new DataverseError(
        400,
        ErrorCode.invalidArgument,
        `'${relationship.name}' is not a collection-valued navigation property of ${table.logicalName}.`,
      );
    }
    const related = org.metadata.table(navigation.table);
    const bound = { ...body, [`${navigation.target.navigationProperty}@odata.bind`]: `/${entitySet}(${id})` };
    const result = session(request, org).create(related.logicalName, bound, context(request));
    return written(request, org, related, result, preferences);
  });
}

function session(request: WebApiRequest, org: DataverseOrganization) {
  return org.actAs(request.identity.userId);
}

function context(request: WebApiRequest): { correlationId: string } {
  return { correlationId: request.scope.correlationId };
}

/** The answer to a create or update: the row with return=representation, else just where it is. */
function written(
  request: WebApiRequest,
  org: DataverseOrganization,
  table: TableDefinition,
  result: WriteResult,
  preferences: Preferences,
): WebApiResponse {
  const entityId = `${request.apiUrl}/${table.entitySetName}(${result.id})`;
  if (!preferences.returnRepresentation) {
    return { status: 204, headers: { "OData-EntityId": entityId, ETag: result.etag } };
  }
  const { $select: select, $expand: expand } = request.query;
  const row = org.retrieve(table.logicalName, result.id, {
    ...(select === undefined ? {} : { select }),
    ...(expand === undefined ? {} : { expand }),
    ...(preferences.includeAnnotations === undefined ? {} : { includeAnnotations: preferences.includeAnnotations }),
  });
  const applied = { returnRepresentation: true, includeAnnotations: preferences.includeAnnotations };
  return {
    // §4.2: POST with return=representation answers 201, PATCH 200; an upsert that created the row is a create.
    status: result.created ? 201 : 200,
    headers: { "OData-EntityId": entityId, ETag: result.etag, ...preferenceApplied(applied) },
    body: { "@odata.context": `${request.apiUrl}/$metadata#${table.entitySetName}/$entity`, ...row },
  };
}
