/** Small builders for OpenAPI operations, so that each path below reads as a list of facts. */
import { schemaRef } from "./schemas";

export type OpenApiObject = Readonly<Record<string, unknown>>;

/** A JSON response with a body of schema `schema`. */
export function jsonResponse(description: string, schema: string, headers: OpenApiObject = {}): OpenApiObject {
  return {
    description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: { "application/json": { schema: schemaRef(schema) } },
  };
}

const RETRY_AFTER = {
  "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } },
};
const WWW_AUTHENTICATE = {
  "WWW-Authenticate": {
    description: 'RFC 6750 challenge, e.g. Bearer realm="cosell-bridge", error="invalid_token".',
    schema: { type: "string" },
  },
};

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "The request is malformed; the body names the problem.",
  401: "Missing or refused credentials.",
  403: "Authenticated, but not allowed (missing app role, or an origin CORS does not admit).",
  404: "Not found.",
  409: "The request conflicts with the record's state.",
  413: "The body is too large.",
  415: "The body is not of a supported media type or encoding.",
  422: "Understood, but the service refuses it; the body says why.",
  500: "The service failed; the body names the request id to look for in the log.",
  502: "Dataverse or Partner Center refused the service's call.",
  503: "The service or one of its dependencies is briefly unavailable; retry after Retry-After seconds.",
};

/** Error responses, each with the common Error body and the headers that status carries. */
export function errorResponses(...statuses: readonly number[]): Record<string, OpenApiObject> {
  const responses: Record<string, OpenApiObject> = {};
  for (const status of statuses) {
    const headers = status === 503 ? RETRY_AFTER : status === 401 || status === 403 ? WWW_AUTHENTICATE : {};
    responses[String(status)] = jsonResponse(ERROR_DESCRIPTIONS[status] ?? "Error.", "Error", headers);
  }
  return responses;
}

/** A path parameter. */
export function pathParameter(name: string, description: string, schema: OpenApiObject): OpenApiObject {
  return { name, in: "path", required: true, description, schema };
}

/** A JSON request body. */
export function jsonBody(schema: string, required: boolean, description: string): OpenApiObject {
  return { required, description, content: { "application/json": { schema: schemaRef(schema) } } };
}
