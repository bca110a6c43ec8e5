/**
 * System jobs (`asyncoperation` rows) for asynchronous webhook steps (dataverse.md §3.2 and §3.4): a failure is kept
 * with statuscode 31 and its friendlymessage, message and errorcode; a success is kept with statuscode 30 unless the
 * step's `asyncautodelete` deletes it.
 */
import type { ChangeNotification } from "./change-notification";
import type { StepRegistration } from "./registrations";
import type { StepFailure } from "./step-outcome";

/** `asyncoperation.statecode` 3 = Completed. */
export const ASYNC_OPERATION_COMPLETED = 3;

/** `asyncoperation.statuscode` of completed jobs. */
export const AsyncOperationStatus = { Succeeded: 30, Failed: 31 } as const;

/** `asyncoperation.operationtype` 1 = System Event: the type of plug-in and service endpoint jobs. */
export const SYSTEM_EVENT_OPERATION_TYPE = 1;

/**
 * The `errorcode` of failed webhook jobs. Dataverse's value is not documented (§3.4); the emulator uses
 * 0x80040216 ("An unexpected error occurred") unless configured otherwise.
 */
export const DEFAULT_FAILURE_ERROR_CODE = -2147220970;

/** A completed system job, with the columns a receiver or a test queries (§3.2's failed-jobs query). */
export interface AsyncOperationRecord {
  readonly asyncoperationid: string;
  /** The step's name, as the System Jobs view shows it. */
  readonly name: string;
  readonly operationtype: number;
  readonly statecode: number;
  /** 30 Succeeded or 31 Failed. */
  readonly statuscode: number;
  readonly friendlymessage: string | null;
  readonly message: string | null;
  readonly errorcode: number | null;
  readonly messagename: string;
  readonly primaryentitytype: string;
  /** The changed row. */
  readonly regardingobjectid: string;
  /** `_owningextensionid_value`: the step. */
  readonly owningextensionid: string;
  readonly correlationid: string;
  readonly depth: number;
  /** Attempts beyond the first. */
  readonly retrycount: number;
  /** ISO 8601 instants. */
  readonly createdon: string;
  readonly startedon: string;
  readonly completedon: string;
}

/** One queued job: its id (also the body's `OperationId`) and when it was queued. */
export interface AsyncJob {
  readonly asyncoperationid: string;
  readonly step: StepRegistration;
  readonly createdon: Date;
}

/** The record of a finished job; `failure` undefined means it succeeded. */
export function asyncOperationRecord(
  job: AsyncJob,
  notification: ChangeNotification,
  times: { readonly startedon: Date; readonly completedon: Date },
  result: { readonly attempts: number; readonly failure?: StepFailure | undefined },
): AsyncOperationRecord {
  const failed = result.failure !== undefined;
  return {
    asyncoperationid: job.asyncoperationid,
    name: job.step.name,
    operationtype: SYSTEM_EVENT_OPERATION_TYPE,
    statecode: ASYNC_OPERATION_COMPLETED,
    statuscode: failed ? AsyncOperationStatus.Failed : AsyncOperationStatus.Succeeded,
    friendlymessage: result.failure?.friendlyMessage ?? null,
    message: result.failure?.message ?? null,
    errorcode: result.failure?.errorCode ?? null,
    messagename: notification.message,
    primaryentitytype: notification.entityName,
    regardingobjectid: notification.id,
    owningextensionid: job.step.sdkmessageprocessingstepid,
    correlationid: notification.correlationId,
    depth: notification.depth,
    retrycount: Math.max(0, result.attempts - 1),
    createdon: job.createdon.toISOString(),
    startedon: times.startedon.toISOString(),
    completedon: times.completedon.toISOString(),
  };
}
