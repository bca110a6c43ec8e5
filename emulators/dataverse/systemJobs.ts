/**
 * System jobs of asynchronous webhook steps (dataverse.md §3.2, §3.4): every job the webhook caller reports becomes
 * an `asyncoperation` row, so a failure (statuscode 31, with friendlymessage, message and errorcode) can be found
 * with the documented query `asyncoperations?$filter=statuscode eq 31 and _owningextensionid_value eq <step id>`.
 * The complete records (with retry count, start time and the changed row) are also kept for the admin API.
 */
import type { DataverseOrganization } from "./model";
import type { AsyncOperationRecord } from "./webhooks";
import type { WritePlan } from "./writeCoordinator";

export class SystemJobs {
  private records: AsyncOperationRecord[] = [];

  constructor(
    /** Queues the row's creation with the other writes. */
    private readonly write: (plan: WritePlan<unknown>, what: string) => void,
    private readonly maxRecords = 1000,
  ) {}

  /** The webhook caller's `onAsyncOperation`. */
  readonly record = (record: AsyncOperationRecord): void => {
    this.records.push(record);
    if (this.records.length > this.maxRecords) this.records.splice(0, this.records.length - this.maxRecords);
    this.write((organization) => {
      createRow(organization, record);
    }, `recording system job ${record.asyncoperationid}`);
  };

  /** The jobs reported so far, oldest first; optionally only those with one statuscode. */
  list(statuscode?: number): readonly AsyncOperationRecord[] {
    return statuscode === undefined ? [...this.records] : this.records.filter((job) => job.statuscode === statuscode);
  }

  clear(): void {
    this.records = [];
  }
}

function createRow(organization: DataverseOrganization, record: AsyncOperationRecord): void {
  const row = {
    asyncoperationid: record.asyncoperationid,
    name: record.name,
    messagename: record.messagename,
    primaryentitytype: record.primaryentitytype,
    friendlymessage: record.friendlymessage,
    message: record.message,
    errorcode: record.errorcode,
    completedon: record.completedon,
    correlationid: record.correlationid,
    depth: record.depth,
    statecode: record.statecode,
    statuscode: record.statuscode,
    overriddencreatedon: record.createdon,
  };
  const stepExists = organization.retrieveMultiple("sdkmessageprocessingsteps", {
    select: ["sdkmessageprocessingstepid"],
    filter: `sdkmessageprocessingstepid eq ${record.owningextensionid}`,
  }).value.length;
  // A step deleted while its job ran can't be bound; the job is kept without it rather than lost.
  const binding =
    stepExists > 0 ? { "owningextensionid@odata.bind": `/sdkmessageprocessingsteps(${record.owningextensionid})` } : {};
  organization.create("asyncoperation", { ...row, ...binding });
}
