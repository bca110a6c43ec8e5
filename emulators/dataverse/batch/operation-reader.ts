/** Turns request parts into batch operations and enforces the per-request rules of dataverse.md §4.3. */
import { badBatch } from "./batch-errors";
import type { BatchPart } from "./batch-parts";
import { readHttpRequest } from "./http-request-reader";
import { isBatchTarget, readReference, toRequestTarget } from "./request-target";
import type { BatchOperation, OperationDestination } from "./types";

/** §4.3: "up to 1000 requests per batch", counting each request of a change set. */
export const MAX_BATCH_REQUESTS = 1000;

/** Methods that only read; §4.3 forbids GET inside a change set, and HEAD is a GET without a body. */
const READ_METHODS = new Set(["GET", "HEAD"]);

/** The Content-IDs of one change set: all of them, and those defined by the requests read so far. */
export interface ChangeSetScope {
  readonly allContentIds: ReadonlySet<string>;
  /** Content-ID → location of the request that defined it. */
  readonly definedContentIds: Map<string, string>;
}

/** Reads the operations of one batch in order, counting them against {@link MAX_BATCH_REQUESTS}. */
export class OperationReader {
  private requests = 0;

  constructor(private readonly serviceRoot: string) {}

  /** How many requests have been read, those inside change sets included. */
  get count(): number {
    return this.requests;
  }

  /**
   * Reads one request part; `scope` is its change set, or undefined at the top level.
   * @throws HttpError 400 naming the part for the 1001st request, a malformed request, a read inside a change set,
   *   a duplicate Content-ID, a `$n` that is not defined earlier in the same change set, or a nested `$batch`.
   */
  read(part: Extract<BatchPart, { kind: "request" }>, scope: ChangeSetScope | undefined): BatchOperation {
    this.requests += 1;
    if (this.requests > MAX_BATCH_REQUESTS) {
      throw badBatch(`too many requests: a batch holds at most ${MAX_BATCH_REQUESTS}`, part.location);
    }
    const message = readHttpRequest(part.http, part.location);
    if (scope !== undefined && READ_METHODS.has(message.method)) {
      throw badBatch(`${message.method} is not allowed in a change set, which may only hold writes`, part.location);
    }
    const contentId = part.headers["content-id"];
    const destination = this.destinationOf(message.url, part.location, scope);
    if (scope !== undefined && contentId !== undefined) defineContentId(scope, contentId, part.location);
    return {
      method: message.method,
      url: message.url,
      destination,
      headers: message.headers,
      body: message.body,
      ...(contentId === undefined ? {} : { contentId }),
      location: part.location,
    };
  }

  private destinationOf(url: string, location: string, scope: ChangeSetScope | undefined): OperationDestination {
    const reference = readReference(url);
    if (reference !== undefined) {
      if (scope?.definedContentIds.has(reference.contentId) === true) return { kind: "reference", ...reference };
      // A numeric `$n` can only mean a Content-ID; other `$` names (`$metadata`) are resources of the service root.
      if (/^\d+$/.test(reference.contentId) || scope?.allContentIds.has(reference.contentId) === true) {
        throw badBatch(
          `unknown Content-ID reference "$${reference.contentId}": a reference must name a Content-ID defined ` +
            "by an earlier request of the same change set",
          location,
        );
      }
    }
    const target = toRequestTarget(url, this.serviceRoot);
    if (isBatchTarget(target)) throw badBatch("nested batches are not allowed", location);
    return { kind: "target", target };
  }
}

function defineContentId(scope: ChangeSetScope, contentId: string, location: string): void {
  const earlier = scope.definedContentIds.get(contentId);
  if (earlier !== undefined) {
    throw badBatch(`duplicate Content-ID "${contentId}" in the change set (already used by ${earlier})`, location);
  }
  scope.definedContentIds.set(contentId, location);
}
