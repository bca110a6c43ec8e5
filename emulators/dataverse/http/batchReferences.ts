/**
 * `$n` references inside the bodies of a change set's requests (dataverse.md §4.3: "`Content-ID: n` lets later
 * requests use `$n`"): `"parentcustomerid_account@odata.bind": "$1"` binds to the row the request with Content-ID 1
 * created, as dynamics-web-api's batch example does. The batch module resolves references in request URLs; this
 * resolves them in `@odata.bind` values, from the `OData-EntityId` of the change set's earlier answers.
 */
import { HttpError } from "../../http";
import type { InnerResponse } from "../batch";

const REFERENCE = /^\$([A-Za-z0-9_.-]+)$/;

/** The entity URLs created so far in one change set, by Content-ID. */
export class ChangeSetReferences {
  private readonly created = new Map<string, string>();

  /** Remembers where the request with `contentId` put its row. */
  remember(contentId: string | undefined, response: InnerResponse): void {
    if (contentId === undefined) return;
    const entry = Object.entries(response.headers).find(([name]) => name.toLowerCase() === "odata-entityid");
    if (entry !== undefined) this.created.set(contentId, entry[1]);
  }

  /**
   * The body with every `@odata.bind` value `$n` replaced by the entity URL of Content-ID n; unchanged when it
   * holds no reference or is not a JSON object.
   * @throws HttpError 400 for a reference to a Content-ID that created nothing (yet).
   */
  resolve(body: string): string {
    if (!body.includes('"$')) return body;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return body;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return body;
    const resolved: Record<string, unknown> = { ...parsed };
    let references = 0;
    for (const [name, value] of Object.entries(resolved)) {
      const contentId =
        name.endsWith("@odata.bind") && typeof value === "string" ? REFERENCE.exec(value)?.[1] : undefined;
      if (contentId === undefined) continue;
      const url = this.created.get(contentId);
      if (url === undefined) {
        throw new HttpError(
          400,
          "BadRequest",
          `The Content-ID reference "$${contentId}" in '${name}' names no row created before it in this change set.`,
        );
      }
      resolved[name] = url;
      references += 1;
    }
    return references === 0 ? body : JSON.stringify(resolved);
  }
}
