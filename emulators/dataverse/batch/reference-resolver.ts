/** Resolves `$n` references (dataverse.md §4.3: "`Content-ID: n` lets later requests use `$n`"). */
import { HttpError } from "../../http";
import { toRequestTarget } from "./request-target";
import type { BatchOperation, InnerResponse } from "./types";

/** Responses of the current change set's requests, by their Content-ID. */
export type ResponsesByContentId = ReadonlyMap<string, InnerResponse>;

/**
 * The host-relative target an operation runs against. `$1` stands for the URL of the entity that the request with
 * Content-ID 1 created: its `OData-EntityId` header (§4.2: a create answers 204 with it), else its `Location`.
 * @throws HttpError 400 when the referenced request's response names no entity.
 */
export function resolveTarget(operation: BatchOperation, responses: ResponsesByContentId): string {
  const { destination } = operation;
  if (destination.kind === "target") return destination.target;
  const referenced = responses.get(destination.contentId);
  const entityUrl =
    referenced === undefined
      ? undefined
      : (headerValue(referenced.headers, "odata-entityid") ?? headerValue(referenced.headers, "location"));
  if (entityUrl === undefined) {
    throw new HttpError(
      400,
      "BadRequest",
      `The Content-ID reference "$${destination.contentId}" in ${operation.location} cannot be resolved: the ` +
        `request with Content-ID ${destination.contentId} returned no OData-EntityId or Location header.`,
    );
  }
  return `${toRequestTarget(entityUrl)}${destination.suffix}`;
}

/** A header of a response, whatever the case of its name. */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
