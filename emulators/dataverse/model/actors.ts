/**
 * Who a change is made as. Every write names a systemuser: the SYSTEM user by default, an application user when the
 * HTTP layer maps a client-credentials token's client id (`applicationid`) to its user, or a normal user.
 * The acting user becomes createdby/modifiedby, the owner of new rows and the event's actor (§3.3 UserId).
 */
import { systemUserTable } from "../../../core";
import { DataverseError, ErrorCode } from "./errors";
import type { RecordStore } from "./records/recordStore";
import { normalizeId } from "./records/writer";

/** The platform's own user, present in every organization. */
export const systemUserId = "5d6b0e1c-0000-4000-8002-000000000001";

/**
 * The id of an enabled user who may act.
 * @throws DataverseError 403 for an unknown or disabled user (codes UNCONFIRMED; see errors.ts).
 */
export function resolveActor(store: RecordStore, actor: string | undefined): string {
  const id = actor === undefined ? systemUserId : normalizeId(actor);
  const user = store.get(systemUserTable.logicalName, id);
  if (user === undefined) {
    throw new DataverseError(
      403,
      ErrorCode.userNotInOrganization,
      `The user ${id} is not a member of the organization.`,
    );
  }
  if (user.values.isdisabled === true) {
    throw new DataverseError(403, ErrorCode.userDisabled, `The user with SystemUserId=${id} is disabled.`);
  }
  return id;
}

/** The application user whose `applicationid` is `clientId` (any case), as Dataverse maps an app's token. */
export function findApplicationUser(store: RecordStore, clientId: string): string | undefined {
  const wanted = clientId.toLowerCase();
  return store
    .rows(systemUserTable.logicalName)
    .find((user) => typeof user.values.applicationid === "string" && user.values.applicationid === wanted)?.id;
}
