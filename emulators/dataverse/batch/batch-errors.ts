import { HttpError } from "../../http";
import type { InnerResponse } from "./types";

/** The media type of Web API error bodies (dataverse.md §4.2 and §4.4). */
const ERROR_CONTENT_TYPE = "application/json; odata.metadata=minimal";

/**
 * A batch that cannot be read or breaks a rule of dataverse.md §4.3. The message names the part ("$batch part 3.2:
 * ...") so a client can find the culprit among up to 1000 requests.
 */
export function badBatch(problem: string, location?: string): HttpError {
  const where = location === undefined ? "$batch" : `$batch ${location}`;
  return new HttpError(400, "BadRequest", `${where}: ${problem}`);
}

/**
 * An inner request's failure as the Web API answers it: the status and `{"error":{"code","message"}}` (§4.4), with
 * any headers the error carries (e.g. `Retry-After` on a 429).
 */
export function errorResponse(error: HttpError): InnerResponse {
  return {
    status: error.status,
    headers: { "Content-Type": ERROR_CONTENT_TYPE, "OData-Version": "4.0", ...error.headers },
    body: JSON.stringify({ error: { code: error.code, message: error.message } }),
  };
}
