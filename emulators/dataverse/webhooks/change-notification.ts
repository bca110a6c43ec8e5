/**
 * "A change happened": what the organization tells the webhook caller after an operation, with everything the
 * RemoteExecutionContext and the request headers need (dataverse.md §3.3).
 */
import type { TypedAttributes } from "./typed-values";

/** One completed (sync: about to commit) operation on one row. */
export interface ChangeNotification {
  /** The SDK message: "Create", "Update", "Delete", ... */
  readonly message: string;
  /** The table's logical name (`PrimaryEntityName`, `x-ms-dynamics-entity-name`). */
  readonly entityName: string;
  /** The row's id (`PrimaryEntityId`). */
  readonly id: string;
  /** The columns the caller sent, as it sent them: an Update's Target holds only these (§3.3, 2024 additions). */
  readonly target: TypedAttributes;
  /** Logical names of the columns the operation set; `filteringattributes` are matched against these. */
  readonly changedAttributes: readonly string[];
  /** The full row before the operation (not for Create). */
  readonly preImage?: TypedAttributes;
  /** The full row after the operation (not for Delete). */
  readonly postImage?: TypedAttributes;
  /** Default `<entityName>id`. */
  readonly primaryIdAttribute?: string;
  /** The primary name column, e.g. `name` on opportunity; fills the `AsynchronousStepPrimaryName` image. */
  readonly primaryNameAttribute?: string;
  /** The row's version after the operation (`Target.RowVersion`, populated since 2024); null when absent. */
  readonly rowVersion?: string;
  /** The caller (who authenticated). */
  readonly initiatingUserId: string;
  /** The user the operation ran as; differs from the initiating user under impersonation. */
  readonly userId: string;
  /** 2024 additions (§3.3); each is sent only when given. */
  readonly initiatingUserAgent?: string;
  readonly initiatingUserAzureActiveDirectoryObjectId?: string;
  readonly userAzureActiveDirectoryObjectId?: string;
  readonly businessUnitId: string;
  readonly organizationId: string;
  readonly organizationName: string;
  /** The environment's host name, e.g. `org6eadd181.crm.dynamics.com` (`x-ms-dynamics-organization`). */
  readonly organizationDomain: string;
  /** Passed through for loop prevention (§3.5), also as `x-ms-correlation-request-id`. */
  readonly correlationId: string;
  /** Passed through for loop prevention (§3.5); 1 for an operation started through the Web API. */
  readonly depth: number;
  /** Sync steps' `OperationId`; default the empty GUID. Async steps use their system job's id. */
  readonly operationId?: string;
  /** `RequestId`; null when absent. */
  readonly requestId?: string;
  /** When the operation happened: `OperationCreatedOn`, and `modifiedon` added to the Target. */
  readonly at: Date;
}

/** `opportunity` → `opportunityid`, unless the notification names the column. */
export function primaryIdAttributeOf(notification: ChangeNotification): string {
  return notification.primaryIdAttribute ?? `${notification.entityName}id`;
}
