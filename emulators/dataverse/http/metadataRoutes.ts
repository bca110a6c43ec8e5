/**
 * `EntityDefinitions` (dataverse.md §4.2: `EntityDefinitions(LogicalName='opportunity')?$select=
 * IsOptimisticConcurrencyEnabled`): every table or one by LogicalName or MetadataId, with `$select`, `$filter` and
 * `$expand=Attributes`; `/Attributes` of a table, one attribute by LogicalName, and the cast segments
 * (`/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata`) that bring a choice's OptionSet. Tables and
 * columns that an imported solution adds appear here as soon as it has added them.
 */
import { compileFilter } from "../../odata";
import {
  DataverseError,
  ErrorCode,
  type ColumnDefinition,
  type DataverseOrganization,
  type TableDefinition,
} from "../model";
import { attributeJson, entityJson, metadataTypeOf, selectProperties } from "./entityMetadata";
import { checkQueryOptions } from "./entityReads";
import type { PathSegment } from "./resourcePath";
import type { WebApiRequest, WebApiResponse } from "./webApiRequest";

const CAST_PREFIX = "Microsoft.Dynamics.CRM.";
const EXPAND_ATTRIBUTES = /^Attributes(?:\(\$select=([^)]*)\))?$/;

/** GET `EntityDefinitions...`; `segments` start with the EntityDefinitions segment. */
export function entityDefinitions(request: WebApiRequest, segments: readonly PathSegment[]): WebApiResponse {
  const org = request.organization();
  const [entity, attributes, cast] = segments;
  const context = `${request.apiUrl}/$metadata#EntityDefinitions`;
  if (entity === undefined) throw new Error("entityDefinitions needs its segment");
  if (entity.key.kind === "none") {
    if (attributes !== undefined) throw notFound(attributes.name);
    checkQueryOptions(request.query, ["$select", "$filter", "$expand"]);
    const all = org.metadata.tables().map((table) => tableJson(org, table, request.query.$expand));
    const value = filtered(all, request.query.$filter).map((json) => selectProperties(json, request.query.$select));
    return ok({ "@odata.context": context, value });
  }
  const table = findTable(org, entity);
  if (attributes === undefined) {
    checkQueryOptions(request.query, ["$select", "$expand"]);
    const json = selectProperties(tableJson(org, table, request.query.$expand), request.query.$select);
    return ok({ "@odata.context": `${context}/$entity`, ...json });
  }
  if (attributes.name !== "Attributes") throw notFound(attributes.name);
  const castType = cast === undefined ? undefined : castOf(cast);
  const columns = org.metadata
    .columns(table.logicalName)
    .filter((column) => castType === undefined || metadataTypeOf(column) === castType);
  const json = (column: ColumnDefinition) =>
    selectProperties(
      attributeJson(org.metadata, table.logicalName, column, castType !== undefined),
      request.query.$select,
    );
  if (attributes.key.kind === "none") {
    checkQueryOptions(request.query, ["$select", "$filter", "$expand"]);
    const value = filtered(columns.map(json), request.query.$filter);
    return ok({ "@odata.context": `${context}('${table.logicalName}')/Attributes`, value });
  }
  checkQueryOptions(request.query, ["$select", "$expand"]);
  const column = columns.find((candidate) => matches(attributes, candidate.logicalName, json(candidate)));
  if (column === undefined) throw notFound(`Attributes(${keyText(attributes)})`);
  return ok({ "@odata.context": `${context}('${table.logicalName}')/Attributes/$entity`, ...json(column) });
}

function tableJson(
  org: DataverseOrganization,
  table: TableDefinition,
  expand: string | undefined,
): Record<string, unknown> {
  const json = entityJson(table);
  if (expand === undefined) return json;
  const match = EXPAND_ATTRIBUTES.exec(expand.trim());
  if (match === null) throw badOption(`$expand supports only Attributes (optionally with $select); got '${expand}'.`);
  const columns = org.metadata
    .columns(table.logicalName)
    .map((column) => attributeJson(org.metadata, table.logicalName, column));
  return { ...json, Attributes: columns.map((column) => selectProperties(column, match[1])) };
}

function findTable(org: DataverseOrganization, segment: PathSegment): TableDefinition {
  const table = org.metadata
    .tables()
    .find((candidate) => matches(segment, candidate.logicalName, entityJson(candidate)));
  if (table === undefined) throw notFound(`EntityDefinitions(${keyText(segment)})`);
  return table;
}

function matches(segment: PathSegment, logicalName: string, json: Record<string, unknown>): boolean {
  const { key } = segment;
  if (key.kind === "id") return json.MetadataId === key.id;
  if (key.kind !== "named") return false;
  const wanted = key.values.LogicalName;
  return wanted !== undefined && Object.keys(key.values).length === 1 && wanted.toLowerCase() === logicalName;
}

function castOf(segment: PathSegment): string {
  if (!segment.name.startsWith(CAST_PREFIX) || segment.key.kind !== "none") throw notFound(segment.name);
  return segment.name.slice(CAST_PREFIX.length);
}

function filtered(items: Record<string, unknown>[], filter: string | undefined): Record<string, unknown>[] {
  if (filter === undefined) return items;
  const predicate = compileFilter(filter, { caseInsensitiveStrings: true });
  return items.filter((item) => predicate(item));
}

function keyText(segment: PathSegment): string {
  const { key } = segment;
  if (key.kind === "id") return key.id;
  if (key.kind === "named")
    return Object.entries(key.values)
      .map(([name, value]) => `${name}='${value}'`)
      .join(",");
  return "";
}

function ok(body: object): WebApiResponse {
  return { status: 200, body };
}

function notFound(segment: string): DataverseError {
  return new DataverseError(404, ErrorCode.resourceNotFound, `Resource not found for the segment '${segment}'.`);
}

function badOption(message: string): DataverseError {
  return new DataverseError(400, ErrorCode.invalidArgument, message);
}
