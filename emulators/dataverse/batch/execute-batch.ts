/** Runs a parsed batch through the HTTP layer's handlers (dataverse.md §4.3). */
import { HttpError } from "../../http";
import { errorResponse } from "./batch-errors";
import { resolveTarget, type ResponsesByContentId } from "./reference-resolver";
import type {
  BatchHandlers,
  BatchItem,
  BatchOperation,
  BatchRequest,
  BatchResponseItem,
  ExecutionContext,
  InnerResponse,
  OperationResponse,
} from "./types";

/** How to run a batch. */
export interface ExecuteBatchOptions {
  /** Keep running after a failed request or change set (`Prefer: odata.continue-on-error`); stop by default. */
  readonly continueOnError?: boolean;
}

interface Outcome {
  readonly item: BatchResponseItem;
  readonly failed: boolean;
}

const NO_RESPONSES: ResponsesByContentId = new Map();

/**
 * Runs the batch in order: lone requests one by one, each change set inside `handlers.transaction`. A change set is
 * all-or-nothing (§4.3): at its first failure (status ≥ 400) the transaction's work rejects so the store rolls back,
 * and the change set is answered by that failed response alone. Without `continueOnError` nothing runs after the
 * first failure; the responses so far and the failure are returned.
 * @throws whatever `execute` or `transaction` throws other than an HttpError (a bug, not an inner failure).
 */
export async function executeBatch(
  batch: BatchRequest,
  handlers: BatchHandlers,
  options: ExecuteBatchOptions = {},
): Promise<BatchResponseItem[]> {
  const responses: BatchResponseItem[] = [];
  for (const item of batch.items) {
    const outcome = await runItem(item, handlers);
    responses.push(outcome.item);
    if (outcome.failed && options.continueOnError !== true) break;
  }
  return responses;
}

async function runItem(item: BatchItem, handlers: BatchHandlers): Promise<Outcome> {
  if (item.kind === "changeSet") return runChangeSet(item, handlers);
  const { operation } = item;
  const context: ExecutionContext = { location: operation.location, inChangeSet: false };
  const response = await runOperation(operation, NO_RESPONSES, context, handlers);
  return { item: { kind: "operation", ...answer(operation, response) }, failed: isFailure(response) };
}

async function runChangeSet(
  changeSet: Extract<BatchItem, { kind: "changeSet" }>,
  handlers: BatchHandlers,
): Promise<Outcome> {
  // Kept outside the work so the failure survives however `transaction` reports the rejection it rolls back on.
  // The failed response alone then answers for the change set, as Dataverse does for an atomic change set (§4.3).
  const aborted: { failure?: OperationResponse } = {};
  try {
    const responses = await handlers.transaction(async () => {
      const byContentId = new Map<string, InnerResponse>();
      const answered: OperationResponse[] = [];
      for (const operation of changeSet.operations) {
        const context: ExecutionContext = { location: operation.location, inChangeSet: true };
        const response = await runOperation(operation, byContentId, context, handlers);
        if (isFailure(response)) {
          aborted.failure = answer(operation, response);
          throw new Error(
            `$batch ${changeSet.location}: change set rolled back, ${operation.location} failed with ${response.status}`,
          );
        }
        if (operation.contentId !== undefined) byContentId.set(operation.contentId, response);
        answered.push(answer(operation, response));
      }
      return answered;
    });
    return { item: { kind: "changeSet", responses }, failed: false };
  } catch (error) {
    if (aborted.failure !== undefined) return { item: { kind: "operation", ...aborted.failure }, failed: true };
    // A store that refuses the commit itself (a guard at commit time) fails the change set as a whole.
    if (error instanceof HttpError) {
      return { item: { kind: "operation", response: errorResponse(error) }, failed: true };
    }
    throw error;
  }
}

async function runOperation(
  operation: BatchOperation,
  byContentId: ResponsesByContentId,
  context: ExecutionContext,
  handlers: BatchHandlers,
): Promise<InnerResponse> {
  try {
    const target = resolveTarget(operation, byContentId);
    const { method, url, headers, body, contentId } = operation;
    const request = { method, target, url, headers, body, ...(contentId === undefined ? {} : { contentId }) };
    return await handlers.execute(request, context);
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    throw error;
  }
}

function answer(operation: BatchOperation, response: InnerResponse): OperationResponse {
  return operation.contentId === undefined ? { response } : { response, contentId: operation.contentId };
}

function isFailure(response: InnerResponse): boolean {
  return response.status >= 400;
}
