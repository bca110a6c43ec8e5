/**
 * One Web API request as the route handlers see it, whether it came on its own or inside a $batch (dataverse.md
 * §4.3: each inner request is handled as if sent alone), and the answer they give. Handlers touch the organization
 * only inside write plans (so a change set can stage them) or through `read`.
 */
import { HttpError, parseQuery } from "../../http";
import type { RequestScope } from "../changeNotifications";
import { WEB_API_PATH } from "../defaults";
import type { DataverseOrganization } from "../model";
import type { WriteExecutor, WriteScope } from "../writeCoordinator";
import type { CallerIdentity } from "./authentication";
import { BAD_REQUEST_CODE } from "./errors";
import { parseResourcePath, type PathSegment } from "./resourcePath";

/** A request to the Web API. */
export interface WebApiRequest {
  readonly method: string;
  /** The parsed segments after `/api/data/v9.2/`. */
  readonly segments: readonly PathSegment[];
  /** The same segments as sent (still percent-encoded), for links such as `@odata.nextLink`. */
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body parsed as JSON. @throws HttpError 400 when it is empty or not JSON, 415 for another media type. */
  readonly json: () => Promise<unknown>;
  /** E.g. `http://127.0.0.1:7072/api/data/v9.2`. */
  readonly apiUrl: string;
  readonly identity: CallerIdentity;
  readonly scope: WriteScope;
  /** Runs a write plan (see WriteCoordinator). */
  readonly writes: WriteExecutor;
  /** The organization for reads. */
  readonly organization: () => DataverseOrganization;
}

/** What a handler answers. An object body is sent as OData JSON, a text (`/$count`) as plain text. */
export interface WebApiResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: object;
  readonly text?: string;
}

/** The content type of the Web API's JSON answers. */
export const ODATA_JSON = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false";

/** Where a request comes from: the raw path and query, its headers and body text. */
export interface RequestSource {
  readonly method: string;
  /** Starts with `/api/data/v9.2`. */
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyText: () => Promise<string>;
}

/** The per-request parts that come from the pipeline or the enclosing $batch. */
export interface RequestFrame {
  readonly baseUrl: string;
  readonly identity: CallerIdentity;
  readonly scope: WriteScope;
  readonly writes: WriteExecutor;
  readonly organization: () => DataverseOrganization;
}

/** Builds the handler's view of a request. @throws HttpError 400 for a malformed path or query. */
export function webApiRequest(source: RequestSource, frame: RequestFrame): WebApiRequest {
  const resource = source.rawPath.slice(WEB_API_PATH.length).replace(/^\/+/, "");
  const segments = resource === "" ? [] : resource.split("/").map(decodeSegment);
  return {
    method: source.method.toUpperCase(),
    segments: parseResourcePath(segments),
    rawPath: resource,
    rawQuery: source.rawQuery,
    query: parseQuery(source.rawQuery),
    headers: source.headers,
    json: async () => parseJsonBody(source.headers["content-type"], await source.bodyText()),
    apiUrl: `${frame.baseUrl}${WEB_API_PATH}`,
    identity: frame.identity,
    scope: frame.scope,
    writes: frame.writes,
    organization: frame.organization,
  };
}

/** The write scope of a request: a new correlation id, the caller as initiating user. */
export function scopeOf(identity: CallerIdentity, correlationId: string, extra: Partial<RequestScope>): WriteScope {
  return {
    correlationId,
    initiatingUserId: identity.callerId,
    initiatingObjectId: identity.callerObjectId,
    ...(identity.userObjectId === undefined ? {} : { userObjectId: identity.userObjectId }),
    ...extra,
  };
}

/** The OData JSON headers for an answer with a body. */
export function responseHeaders(response: WebApiResponse): Record<string, string> {
  const headers: Record<string, string> = { "OData-Version": "4.0", ...response.headers };
  if (response.body !== undefined) headers["Content-Type"] = `${ODATA_JSON}; charset=utf-8`;
  else if (response.text !== undefined) headers["Content-Type"] = "text/plain; charset=utf-8";
  return headers;
}

/** The body text of an answer ("" for none). */
export function responseText(response: WebApiResponse): string {
  if (response.body !== undefined) return JSON.stringify(response.body);
  return response.text ?? "";
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, BAD_REQUEST_CODE, "The request path holds malformed percent-encoding.");
  }
}

function parseJsonBody(contentType: string | undefined, text: string): unknown {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType !== "" && mediaType !== "application/json" && !mediaType.endsWith("+json")) {
    throw new HttpError(415, BAD_REQUEST_CODE, `Expected a JSON body (application/json), got '${mediaType}'.`);
  }
  if (text.trim() === "") throw new HttpError(400, BAD_REQUEST_CODE, "The request body is empty; JSON was expected.");
  try {
    return JSON.parse(text);
  } catch {
    // The parser's own message quotes the input; a body's content is never echoed back.
    throw new HttpError(400, BAD_REQUEST_CODE, "The request body is not valid JSON.");
  }
}
