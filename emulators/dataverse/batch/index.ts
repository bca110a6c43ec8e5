// OData $batch for the Dataverse emulator (dataverse.md §4.3): parse the multipart body, run it, write the answer.
export { parseBatchRequest, type ParseBatchOptions } from "./parse-batch";
export { executeBatch, type ExecuteBatchOptions } from "./execute-batch";
export { buildBatchResponse, type BatchResponse } from "./build-response";
export { prefersContinueOnError } from "./preferences";
export { MAX_BATCH_REQUESTS } from "./operation-reader";
export { DEFAULT_SERVICE_ROOT } from "./request-target";
export type {
  BatchHandlers,
  BatchItem,
  BatchOperation,
  BatchRequest,
  BatchResponseItem,
  ExecutionContext,
  InnerHeaders,
  InnerRequest,
  InnerResponse,
  OperationDestination,
  OperationResponse,
} from "./types";
