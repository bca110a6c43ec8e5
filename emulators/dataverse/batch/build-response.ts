/** Writes the `multipart/mixed` body that answers a `$batch` (dataverse.md §4.3). */
import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { headerValue } from "./reference-resolver";
import type { BatchResponseItem, InnerResponse, OperationResponse } from "./types";

/** The Content-Type and body of a batch response; the HTTP layer sends them with status 200 (§4.3: "200 OK overall"). */
export interface BatchResponse {
  /** `multipart/mixed; boundary=batchresponse_<guid>`. */
  readonly contentType: string;
  readonly body: string;
}

const CRLF = "\r\n";

/**
 * Builds the response: one `--batchresponse_<guid>` part per item; a committed change set as a nested
 * `multipart/mixed; boundary=changesetresponse_<guid>` whose parts echo their requests' `Content-ID`. Every inner
 * response is `application/http` with its own status line, headers and body, and carries `OData-Version: 4.0`.
 * @throws TypeError when a header name or value holds a line break, which would corrupt the framing.
 */
export function buildBatchResponse(responses: readonly BatchResponseItem[]): BatchResponse {
  const boundary = `batchresponse_${randomUUID()}`;
  const parts = responses.map((item) => (item.kind === "changeSet" ? changeSetPart(item.responses) : httpPart(item)));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: multipart(boundary, parts) };
}

function multipart(boundary: string, parts: readonly string[]): string {
  const delimited = parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join("");
  return `${delimited}--${boundary}--${CRLF}`;
}

function changeSetPart(responses: readonly OperationResponse[]): string {
  const boundary = `changesetresponse_${randomUUID()}`;
  const headers = headerLines({ "Content-Type": `multipart/mixed; boundary=${boundary}` });
  return `${headers}${CRLF}${multipart(boundary, responses.map(httpPart))}`;
}

function httpPart({ response, contentId }: OperationResponse): string {
  const partHeaders = headerLines({
    "Content-Type": "application/http",
    "Content-Transfer-Encoding": "binary",
    ...(contentId === undefined ? {} : { "Content-ID": contentId }),
  });
  return `${partHeaders}${CRLF}${statusLine(response)}${headerLines(withODataVersion(response))}${CRLF}${response.body}`;
}

function statusLine({ status }: InnerResponse): string {
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Unknown"}${CRLF}`;
}

function withODataVersion({ headers }: InnerResponse): Readonly<Record<string, string>> {
  return headerValue(headers, "odata-version") === undefined ? { ...headers, "OData-Version": "4.0" } : headers;
}

function headerLines(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => {
      if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) {
        throw new TypeError(`the batch response header "${name.trim()}" holds a line break`);
      }
      return `${name}: ${value}${CRLF}`;
    })
    .join("");
}
