// The in-memory Dataverse organization; the HTTP layer, $batch, webhooks, solution import and the demo use it.
export { findApplicationUser, systemUserId } from "./actors";
export {
  DataverseError,
  ErrorCode,
  propertyNotFound,
  recordNotFound,
  type DataverseErrorBody,
  type ErrorCodeValue,
} from "./errors";
export { recordImage, type ChangeEvent, type ChangeListener, type ChangeMessage, type CloseRequest } from "./events";
export { MetadataCatalog, type IncomingLookup, type MetadataAddition, type Navigation } from "./metadata/catalog";
export { column, type ColumnOptions } from "./metadata/columns";
export {
  cosellOpportunityColumns,
  microsoftHelpChoice,
  partnerCenterSolutionTableSpec,
  syncStatusChoice,
  withCoSellSchema,
} from "./metadata/cosellSchema";
export { activeInactive } from "./metadata/platformColumns";
export { EnvironmentVariableType } from "./metadata/environmentVariableTables";
export type * from "./metadata/types";
export { DataverseOrganization, type OrganizationOptions } from "./organization";
export {
  annotationFilter,
  formattedValueAnnotation,
  lookupLogicalNameAnnotation,
  navigationPropertyAnnotation,
} from "./query/annotations";
export { maxPageSize } from "./query/paging";
export type { RecordPage, RecordQuery, RetrieveOptions } from "./query/queryEngine";
export type { ODataRow } from "./query/serialize";
export type { CloseOpportunityRequest, CloseOpportunityResult } from "./records/closeOpportunity";
export { etagOf, versionOfEtag } from "./records/concurrency";
export type {
  AttributeValue,
  EntityReference,
  RecordImage,
  StoredRecord,
  StoredValue,
  StoredValues,
} from "./records/values";
export type { DeleteOptions, UpdateOptions, WriteContext, WriteResult } from "./records/writer";
export { seedDemoOrganization, type SeedOptions, type SeedSummary } from "./seed/seedDemoOrganization";
export { OrganizationSession, type SessionContext } from "./session";
export {
  parseSnapshot,
  readSnapshotFile,
  SnapshotError,
  snapshotFormat,
  snapshotVersion,
  writeSnapshotFile,
  type OrganizationSnapshot,
} from "./snapshot";
export { opportunityMessageFilterIds, sdkMessageIds } from "./systemRows";
