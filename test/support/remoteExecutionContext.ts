/**
 * Facts about the RemoteExecutionContext that several tests check against (shared/reference/dataverse.md §3.3).
 */

/** The members of the official example (§3.3), in its order. */
export const REFERENCE_MEMBERS = [
  "BusinessUnitId",
  "CorrelationId",
  "Depth",
  "InitiatingUserId",
  "InputParameters",
  "IsExecutingOffline",
  "IsInTransaction",
  "IsOfflinePlayback",
  "IsolationMode",
  "MessageName",
  "Mode",
  "OperationCreatedOn",
  "OperationId",
  "OrganizationId",
  "OrganizationName",
  "OutputParameters",
  "OwningExtension",
  "ParentContext",
  "PostEntityImages",
  "PreEntityImages",
  "PrimaryEntityId",
  "PrimaryEntityName",
  "RequestId",
  "SecondaryEntityName",
  "SharedVariables",
  "Stage",
  "UserId",
];
