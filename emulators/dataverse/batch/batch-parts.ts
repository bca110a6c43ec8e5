/** The parts of a batch and of its change sets, read up to the point where their kind is known (dataverse.md §4.3). */
import { badBatch } from "./batch-errors";
import { parseMediaType } from "./media-type";
import { parseHeaderLines, splitHeadAndBody, splitMultipart } from "./multipart-reader";
import type { InnerHeaders } from "./types";

/** A MIME part of a batch: an inner request, or (at the top level) a change set of inner requests. */
export type BatchPart =
  | { readonly kind: "request"; readonly location: string; readonly headers: InnerHeaders; readonly http: string }
  | { readonly kind: "changeSet"; readonly location: string; readonly boundary: string; readonly multipart: string };

/**
 * The boundary of a `multipart/mixed` Content-Type, quoted (`boundary="batch_1"`, as in §4.3) or not.
 * @throws HttpError 400 for another media type or a missing boundary, naming `location` when it is a change set.
 */
export function multipartBoundary(contentType: string, location?: string): string {
  const mediaType = parseMediaType(contentType);
  if (mediaType.type !== "multipart/mixed") {
    throw badBatch(`the Content-Type must be multipart/mixed with a boundary, got "${contentType}"`, location);
  }
  const boundary = mediaType.parameters.boundary;
  if (boundary === undefined || boundary === "") {
    throw badBatch(`the Content-Type "${contentType}" has no boundary parameter`, location);
  }
  return boundary;
}

/**
 * Splits a multipart body and classifies each part. `locationOf` names the n-th part ("part 3", "part 3.2").
 * @throws HttpError 400 when the first delimiter or the closing one is missing, or a part is not a request.
 */
export function readBatchParts(
  binary: string,
  boundary: string,
  locationOf: (partNumber: number) => string,
  where?: string,
): BatchPart[] {
  const split = splitMultipart(binary, boundary);
  if (!split.opened) throw badBatch(`the body has no "--${boundary}" delimiter line`, where);
  if (!split.closed) {
    throw badBatch(
      `unterminated body: it ends without the closing "--${boundary}--" line`,
      locationOf(split.parts.length),
    );
  }
  return split.parts.map((text, index) => classifyPart(text, locationOf(index + 1)));
}

function classifyPart(text: string, location: string): BatchPart {
  const { headLines, body } = splitHeadAndBody(text);
  const headers = parseHeaderLines(headLines, location);
  const contentType = headers["content-type"];
  if (contentType === undefined) {
    throw badBatch("the part has no Content-Type (expected application/http or multipart/mixed)", location);
  }
  const { type } = parseMediaType(contentType);
  if (type === "multipart/mixed") {
    return { kind: "changeSet", location, boundary: multipartBoundary(contentType, location), multipart: body };
  }
  if (type !== "application/http") {
    throw badBatch(
      `unsupported part Content-Type "${contentType}" (expected application/http or multipart/mixed)`,
      location,
    );
  }
  // §4.3 parts say `Content-Transfer-Encoding: binary`; a missing header is taken as binary, anything else refused.
  const encoding = headers["content-transfer-encoding"];
  if (encoding !== undefined && encoding.toLowerCase() !== "binary") {
    throw badBatch(`unsupported Content-Transfer-Encoding "${encoding}" (expected binary)`, location);
  }
  return { kind: "request", location, headers, http: body };
}
