/** Reads a `$batch` request body into its requests and change sets (dataverse.md §4.3). */
import { badBatch } from "./batch-errors";
import { type BatchPart, multipartBoundary, readBatchParts } from "./batch-parts";
import { type ChangeSetScope, OperationReader } from "./operation-reader";
import { DEFAULT_SERVICE_ROOT } from "./request-target";
import type { BatchItem, BatchOperation, BatchRequest } from "./types";

/** How to read a batch. */
export interface ParseBatchOptions {
  /** What relative URLs (`tasks`) are resolved against; "/api/data/v9.2/" by default (§4.1). */
  readonly serviceRoot?: string;
}

/**
 * Parses the body of `POST /api/data/v9.2/$batch`: `multipart/mixed` parts of `application/http` requests and
 * nested `multipart/mixed` change sets, with CRLF or bare LF line breaks. Nothing is executed.
 * @param contentType the batch's Content-Type, e.g. `multipart/mixed; boundary="batch_AAA123"`.
 * @throws HttpError 400 whose message names the part ("$batch part 3.2: ...") for every malformed or forbidden shape.
 */
export function parseBatchRequest(
  contentType: string,
  body: Buffer | string,
  options: ParseBatchOptions = {},
): BatchRequest {
  const boundary = multipartBoundary(contentType);
  // One character per byte, so multipart slicing keeps every body byte for byte (see multipart-reader.ts).
  const binary = (typeof body === "string" ? Buffer.from(body, "utf8") : body).toString("latin1");
  const reader = new OperationReader(options.serviceRoot ?? DEFAULT_SERVICE_ROOT);
  const items = readBatchParts(binary, boundary, (partNumber) => `part ${partNumber}`).map((part): BatchItem =>
    part.kind === "request"
      ? { kind: "operation", operation: reader.read(part, undefined) }
      : { kind: "changeSet", location: part.location, operations: readChangeSet(part, reader) },
  );
  return { items, requestCount: reader.count };
}

function readChangeSet(
  changeSet: Extract<BatchPart, { kind: "changeSet" }>,
  reader: OperationReader,
): BatchOperation[] {
  const { location } = changeSet;
  const parts = readBatchParts(
    changeSet.multipart,
    changeSet.boundary,
    (partNumber) => `${location}.${partNumber}`,
    location,
  );
  if (parts.length === 0) throw badBatch("the change set holds no request; it must contain at least one", location);
  const scope: ChangeSetScope = { allContentIds: contentIdsOf(parts), definedContentIds: new Map() };
  return parts.map((part) => {
    if (part.kind === "changeSet") throw badBatch("change sets cannot be nested", part.location);
    return reader.read(part, scope);
  });
}

function contentIdsOf(parts: readonly BatchPart[]): Set<string> {
  const contentIds = new Set<string>();
  for (const part of parts) {
    const contentId = part.kind === "request" ? part.headers["content-id"] : undefined;
    if (contentId !== undefined) contentIds.add(contentId);
  }
  return contentIds;
}
