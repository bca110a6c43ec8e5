/**
 * Reading rows (dataverse.md §4.1): a collection with `$select`, `$filter`, `$orderby`, `$top`, `$count`, `$expand`
 * and `Prefer: odata.maxpagesize` paging (`@odata.nextLink` is the request URL with the `$skiptoken` added, to be
 * sent back unchanged); one row with its ETag (a conditional GET with `If-None-Match` answers 304 when unchanged,
 * but not with `$expand` or annotations); one column's value; and a navigation property's row or rows.
 */
import {
  DataverseError,
  ErrorCode,
  type DataverseOrganization,
  type RecordQuery,
  type TableDefinition,
} from "../model";
import { preferenceApplied, preferencesOf } from "./preferences";
import type { PathSegment } from "./resourcePath";
import type { WebApiRequest, WebApiResponse } from "./webApiRequest";

const QUERY_OPTIONS = new Set(["$select", "$filter", "$orderby", "$top", "$count", "$expand", "$skiptoken"]);

/** The table behind an entity set name; logical names are not entity sets. @throws DataverseError 404. */
export function entitySetTable(org: DataverseOrganization, entitySet: string): TableDefinition {
  const table = org.metadata.findTable(entitySet);
  if (table?.entitySetName !== entitySet) {
    throw new DataverseError(404, ErrorCode.resourceNotFound, `Resource not found for the segment '${entitySet}'.`);
  }
  return table;
}

/** GET `<entityset>`. */
export function listRows(request: WebApiRequest, entitySet: string): WebApiResponse {
  const org = request.organization();
  const table = entitySetTable(org, entitySet);
  return page(request, table, {}, `${entitySet}${selectSuffix(request.query.$select)}`);
}

/** GET `<entityset>/$count`: the number of rows matching `$filter`, as text (like `$count`, at most 5000). */
export function countRows(request: WebApiRequest, entitySet: string): WebApiResponse {
  const org = request.organization();
  const table = entitySetTable(org, entitySet);
  checkQueryOptions(request.query, ["$filter"]);
  const { $filter: filter } = request.query;
  const result = org.retrieveMultiple(table.logicalName, {
    select: [table.primaryIdAttribute],
    count: true,
    ...optional("filter", filter),
  });
  return { status: 200, text: String(result.count ?? 0) };
}

/** GET `<entityset>(<id>)`. */
export function getRow(request: WebApiRequest, entitySet: string, id: string): WebApiResponse {
  const org = request.organization();
  const table = entitySetTable(org, entitySet);
  checkQueryOptions(request.query, ["$select", "$expand"]);
  const { includeAnnotations } = preferencesOf(request.headers);
  const row = org.retrieve(table.logicalName, id, {
    ...optional("select", request.query.$select),
    ...optional("expand", request.query.$expand),
    ...optional("includeAnnotations", includeAnnotations),
  });
  const etag = String(row["@odata.etag"]);
  const conditional = request.headers["if-none-match"]?.trim();
  const plain = request.query.$expand === undefined && includeAnnotations === undefined;
  if (plain && conditional !== undefined && conditional === etag) return { status: 304, headers: { ETag: etag } };
  const context = `${request.apiUrl}/$metadata#${entitySet}${selectSuffix(request.query.$select)}/$entity`;
  return {
    status: 200,
    headers: { ETag: etag, ...preferenceApplied({ includeAnnotations }) },
    body: { "@odata.context": context, ...row },
  };
}

/** GET `<entityset>(<id>)/<property>`: a column's value, or the row(s) of a navigation property. */
export function getProperty(
  request: WebApiRequest,
  entitySet: string,
  id: string,
  property: PathSegment,
): WebApiResponse {
  const org = request.organization();
  const table = entitySetTable(org, entitySet);
  const navigation = org.metadata.navigation(table.logicalName, property.name);
  if (navigation?.kind === "collection") {
    org.retrieve(table.logicalName, id, { select: [table.primaryIdAttribute] });
    const related = org.metadata.table(navigation.table);
    const filter = `_${navigation.column.logicalName}_value eq ${id}`;
    return page(request, related, { filter }, `${related.entitySetName}${selectSuffix(request.query.$select)}`);
  }
  if (navigation?.kind === "single") {
    const lookup = `_${navigation.column.logicalName}_value`;
    const row = org.retrieve(table.logicalName, id, {
      select: [lookup],
      includeAnnotations: "Microsoft.Dynamics.CRM.lookuplogicalname",
    });
    const targetId = row[lookup];
    const pointsThere = row[`${lookup}@Microsoft.Dynamics.CRM.lookuplogicalname`] === navigation.target.table;
    if (typeof targetId !== "string" || !pointsThere) return { status: 204 };
    const target = org.metadata.table(navigation.target.table);
    return getRow(request, target.entitySetName, targetId);
  }
  checkQueryOptions(request.query, []);
  const row = org.retrieve(table.logicalName, id, { select: [property.name] });
  const value = row[property.name];
  if (value === null || value === undefined) return { status: 204 };
  return {
    status: 200,
    body: { "@odata.context": `${request.apiUrl}/$metadata#${entitySet}(${id})/${property.name}`, value },
  };
}

function page(request: WebApiRequest, table: TableDefinition, extra: RecordQuery, context: string): WebApiResponse {
  const { query } = request;
  checkQueryOptions(query, [...QUERY_OPTIONS]);
  const preferences = preferencesOf(request.headers);
  const filter = [extra.filter, query.$filter].filter((part) => part !== undefined).map((part) => `(${part})`);
  const count = query.$count?.toLowerCase() === "true";
  const result = request.organization().retrieveMultiple(table.logicalName, {
    ...optional("select", query.$select),
    ...optional("filter", filter.length === 0 ? undefined : filter.join(" and ")),
    ...optional("orderBy", query.$orderby),
    ...optional("expand", query.$expand),
    ...optional("skipToken", query.$skiptoken),
    ...optional("includeAnnotations", preferences.includeAnnotations),
    ...(query.$top === undefined ? {} : { top: /^\d+$/.test(query.$top) ? Number(query.$top) : Number.NaN }),
    ...(preferences.maxPageSize === undefined ? {} : { maxPageSize: preferences.maxPageSize }),
    count,
  });
  const body: Record<string, unknown> = { "@odata.context": `${request.apiUrl}/$metadata#${context}` };
  if (count) body["@odata.count"] = result.count;
  body.value = result.value;
  if (result.skipToken !== null) body["@odata.nextLink"] = nextLink(request, result.skipToken);
  const applied = { includeAnnotations: preferences.includeAnnotations, maxPageSize: preferences.maxPageSize };
  return { status: 200, headers: preferenceApplied(applied), body };
}

/** The request URL with `$skiptoken` replaced (§4.1: the nextLink is "already URI-encoded"). */
function nextLink(request: WebApiRequest, skipToken: string): string {
  const kept = request.rawQuery.split("&").filter((part) => part !== "" && !/^(?:\$|%24)skiptoken=/i.test(part));
  kept.push(`$skiptoken=${encodeURIComponent(skipToken)}`);
  return `${request.apiUrl}/${request.rawPath}?${kept.join("&")}`;
}

/** `(name,estimatedvalue)` for the context URL of a `$select`. */
function selectSuffix(select: string | undefined): string {
  return select === undefined || select.trim() === "" ? "" : `(${select})`;
}

/** Refuses `$` options this kind of request doesn't take (e.g. `$skip`, which Dataverse does not support). */
export function checkQueryOptions(query: Readonly<Record<string, string>>, allowed: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (name.startsWith("$") && !allowed.includes(name)) {
      throw new DataverseError(
        400,
        ErrorCode.invalidArgument,
        `The query parameter ${name} is not supported here${allowed.length === 0 ? "" : `; use ${allowed.join(", ")}`}.`,
      );
    }
  }
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}
