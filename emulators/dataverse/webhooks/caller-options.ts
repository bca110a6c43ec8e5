/**
 * Settings of the WebhookCaller. The documented numbers are defaults (60 s timeout and the 256 KB limit of
 * dataverse.md §3.3/§3.4); the undocumented ones are options so tests can pick tiny values.
 */
import { systemClock, type Clock } from "../../shared/clock";
import { randomIds, type IdGenerator } from "../../shared/ids";
import { DEFAULT_FAILURE_ERROR_CODE, type AsyncOperationRecord } from "./async-operations";
import type { ExecutionContextOptions } from "./execution-context";
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_SIZE_EXCEEDED_HEADER_VALUE } from "./webhook-request";

/** "Timeout 60 s" (§3.4). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Everything a WebhookCaller can be built with; all optional. */
export interface WebhookCallerOptions {
  /**
   * Receives every completed system job the organization keeps: failures (statuscode 31) always, successes
   * (statuscode 30) unless the step has asyncautodelete. The integrator stores them as `asyncoperation` rows.
   */
  readonly onAsyncOperation?: (record: AsyncOperationRecord) => void;
  readonly clock?: Clock;
  /** Ids for `x-request-id` and system jobs. */
  readonly ids?: IdGenerator;
  readonly fetch?: typeof fetch;
  /** Per attempt; default 60 000. */
  readonly timeoutMs?: number;
  /** Pause before the one retry after 502/503/504; undocumented, default 0. */
  readonly retryDelayMs?: number;
  /** Bodies larger than this are trimmed; default 262 144 (256 KB). */
  readonly maxBodyBytes?: number;
  /** Value of `x-ms-dynamics-msg-size-exceeded`; default "true". */
  readonly sizeExceededHeaderValue?: string;
  /** `errorcode` of failures; default DEFAULT_FAILURE_ERROR_CODE. */
  readonly failureErrorCode?: number;
  /** The body's undocumented switches (the OperationId is the caller's to set). */
  readonly context?: Omit<ExecutionContextOptions, "operationId">;
}

/** The options with every default applied. */
export interface CallerSettings {
  readonly onAsyncOperation: (record: AsyncOperationRecord) => void;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly retryDelayMs: number;
  readonly maxBodyBytes: number;
  readonly sizeExceededHeaderValue: string;
  readonly failureErrorCode: number;
  readonly context: Omit<ExecutionContextOptions, "operationId">;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0`);
  return value;
}

/** Applies the defaults and checks the numbers. */
export function resolveCallerOptions(options: WebhookCallerOptions): CallerSettings {
  return {
    onAsyncOperation: options.onAsyncOperation ?? (() => undefined),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    fetch: options.fetch ?? fetch,
    timeoutMs: nonNegative("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    retryDelayMs: nonNegative("retryDelayMs", options.retryDelayMs ?? 0),
    maxBodyBytes: nonNegative("maxBodyBytes", options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
    sizeExceededHeaderValue: options.sizeExceededHeaderValue ?? DEFAULT_SIZE_EXCEEDED_HEADER_VALUE,
    failureErrorCode: options.failureErrorCode ?? DEFAULT_FAILURE_ERROR_CODE,
    context: options.context ?? {},
  };
}
