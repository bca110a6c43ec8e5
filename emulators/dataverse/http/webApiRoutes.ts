/**
 * The Web API at /api/data/v9.2 (dataverse.md §4): one dispatcher for every resource, used for requests sent on
 * their own and for the inner requests of a $batch alike. Entity sets take GET and POST, rows GET, PATCH and
 * DELETE, a row's property GET (and PUT/DELETE of a column), a row's relationship GET and POST; then the functions
 * and actions: WhoAmI, EntityDefinitions, WinOpportunity, LoseOpportunity, ImportSolution, ImportSolutionAsync and
 * DeleteAndPromote.
 */
import { HttpError, type Reply, type RequestContext, type Router } from "../../http";
import type { IdGenerator } from "../../shared/ids";
import type { OrganizationNames } from "../changeNotifications";
import { WEB_API_PATH } from "../defaults";
import type { DataverseOrganization } from "../model";
import type { WriteCoordinator } from "../writeCoordinator";
import { closeOpportunity, whoAmI } from "./actions";
import type { Authentication } from "./authentication";
import { countRows, getProperty, getRow, listRows } from "./entityReads";
import { createRelated, createRow, deleteRow, setProperty, updateRow } from "./entityWrites";
import { BAD_REQUEST_CODE } from "./errors";
import { entityDefinitions } from "./metadataRoutes";
import type { PathSegment } from "./resourcePath";
import { responseHeaders, scopeOf, webApiRequest, type WebApiRequest, type WebApiResponse } from "./webApiRequest";

/** A handler of an action the dispatcher does not implement itself (the solution actions). */
export type ActionHandler = (request: WebApiRequest) => Promise<WebApiResponse>;

export interface WebApiDependencies {
  readonly names: OrganizationNames;
  readonly coordinator: WriteCoordinator;
  readonly authentication: Authentication;
  readonly organization: () => DataverseOrganization;
  /** Correlation and request ids. */
  readonly ids: IdGenerator;
  readonly actions: Readonly<Record<string, ActionHandler>>;
}

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
const PATTERNS = [WEB_API_PATH, `${WEB_API_PATH}/:a`, `${WEB_API_PATH}/:a/:b`, `${WEB_API_PATH}/:a/:b/:c`];

/** Adds the Web API routes (except $batch) to the router. */
export function registerWebApiRoutes(router: Router, deps: WebApiDependencies): Router {
  const handle = async (context: RequestContext): Promise<Reply> => {
    const request = requestOf(context, deps);
    const response = await dispatch(request, deps);
    return replyOf(response, request.scope.requestId ?? "");
  };
  for (const pattern of PATTERNS) for (const method of METHODS) router.add(method, pattern, handle);
  return router;
}

/** The handler's view of a request sent on its own. */
export function requestOf(context: RequestContext, deps: WebApiDependencies): WebApiRequest {
  const identity = deps.authentication.identify(deps.authentication.claimsOf(context), context.headers);
  const userAgent = context.headers["user-agent"];
  const scope = scopeOf(identity, deps.ids(), {
    requestId: deps.ids(),
    ...(userAgent === undefined ? {} : { userAgent }),
  });
  return webApiRequest(
    {
      method: context.method,
      rawPath: context.path,
      rawQuery: context.rawQuery,
      headers: context.headers,
      bodyText: () => context.text(),
    },
    {
      baseUrl: context.url.origin,
      identity,
      scope,
      writes: (plan) => deps.coordinator.write(plan, scope),
      organization: deps.organization,
    },
  );
}

/** The reply for a handler's answer, with the Web API's headers. */
export function replyOf(response: WebApiResponse, requestId: string): Reply {
  const headers = { ...responseHeaders(response), "x-ms-service-request-id": requestId, REQ_ID: requestId };
  if (response.body !== undefined) return { status: response.status, headers, body: response.body };
  return response.text === undefined
    ? { status: response.status, headers }
    : { status: response.status, headers, body: response.text };
}

/** Answers one Web API request. @throws DataverseError or HttpError for refusals. */
export async function dispatch(request: WebApiRequest, deps: WebApiDependencies): Promise<WebApiResponse> {
  const { segments, method } = request;
  const [first, second, third, fourth] = segments;
  if (first === undefined) {
    allow(method, "GET");
    return serviceDocument(request);
  }
  if (fourth !== undefined) throw notFound(fourth.name);
  if (first.name === "EntityDefinitions") {
    allow(method, "GET");
    return entityDefinitions(request, segments);
  }
  if (first.name === "WhoAmI" && first.key.kind !== "id" && first.key.kind !== "named" && second === undefined) {
    allow(method, "GET");
    return whoAmI(request, deps.names);
  }
  if (first.name === "WinOpportunity" || first.name === "LoseOpportunity") {
    allow(method, "POST");
    if (first.key.kind !== "none" || second !== undefined) throw notFound(first.name);
    return closeOpportunity(request, first.name === "WinOpportunity" ? "Win" : "Lose");
  }
  const action = deps.actions[first.name];
  if (action !== undefined && first.key.kind === "none" && second === undefined) {
    allow(method, "POST");
    return action(request);
  }
  if (third !== undefined) throw notFound(third.name);
  return entitySet(request, first, second);
}

async function entitySet(
  request: WebApiRequest,
  set: PathSegment,
  property: PathSegment | undefined,
): Promise<WebApiResponse> {
  const { method } = request;
  if (set.key.kind === "named") {
    throw new HttpError(
      400,
      BAD_REQUEST_CODE,
      `Alternate keys are not supported by the emulator: use ${set.name}(<id>).`,
    );
  }
  if (set.key.kind === "empty") throw notFound(`${set.name}()`);
  if (set.key.kind === "none") {
    if (property?.name === "$count" && property.key.kind === "none") {
      allow(method, "GET");
      return countRows(request, set.name);
    }
    if (property !== undefined) throw notFound(property.name);
    allow(method, "GET", "POST");
    return method === "GET" ? listRows(request, set.name) : createRow(request, set.name);
  }
  const { id } = set.key;
  if (property === undefined) {
    allow(method, "GET", "PATCH", "DELETE");
    if (method === "GET") return getRow(request, set.name, id);
    return method === "PATCH" ? updateRow(request, set.name, id) : deleteRow(request, set.name, id);
  }
  allow(method, "GET", "POST", "PUT", "DELETE");
  if (method === "GET") return getProperty(request, set.name, id, property);
  if (method === "POST") return createRelated(request, set.name, id, property);
  return setProperty(request, set.name, id, property);
}

function serviceDocument(request: WebApiRequest): WebApiResponse {
  const value = request
    .organization()
    .metadata.tables()
    .map((table) => ({ name: table.entitySetName, kind: "EntitySet", url: table.entitySetName }));
  return { status: 200, body: { "@odata.context": `${request.apiUrl}/$metadata`, value } };
}

function allow(method: string, ...allowed: string[]): void {
  if (allowed.includes(method)) return;
  throw new HttpError(405, "0x80060888", `The HTTP method ${method} is not allowed here; use ${allowed.join(", ")}.`, {
    allow: allowed.join(", "),
  });
}

function notFound(segment: string): HttpError {
  return new HttpError(404, "0x8006088a", `Resource not found for the segment '${segment}'.`);
}
