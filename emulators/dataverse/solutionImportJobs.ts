/**
 * The background half of ImportSolutionAsync (Microsoft's Web API reference: the action answers at once with
 * `AsyncOperationId` and `ImportJobKey`; the caller follows the system job and the import job). Each import gets an
 * `asyncoperation` row that moves from 0/0 Waiting For Resources through 2/20 In Progress to 3/30 Succeeded or 3/31
 * Failed (with `message`, `friendlymessage` and `errorcode` naming the problem), and an `importjob` row whose
 * `progress` climbs to 100 and whose `data` holds the import log. The import itself is the same code as
 * ImportSolution, run as one queued write like any other.
 */
import type { Logger } from "../http";
import { importSolution, SolutionApplyError, type ImportOptions, type ImportResult } from "./import";
import { importLogOf, type ImportOutcome } from "./importJobLog";
import type { DataverseOrganization } from "./model";
import { SolutionImportError } from "./solution";
import type { WriteCoordinator, WriteScope } from "./writeCoordinator";

/** What one asynchronous import is asked to do. */
export interface SolutionImportJobRequest {
  readonly zip: Uint8Array;
  readonly options: ImportOptions & { readonly actor: string };
  /** The caller's ImportJobId, when given. */
  readonly importJobId: string | undefined;
  /** The request's scope: its correlation id and initiating user carry over to the job's writes. */
  readonly scope: WriteScope;
}

/** The ids the action answers with. */
export interface StartedImportJob {
  readonly asyncOperationId: string;
  readonly importJobId: string;
}

/** Progress written between the job's start and the import itself, so a poller sees it move. */
const PROGRESS_STEPS = [10, 35, 60, 85];
/** The platform's code of a failed solution import, as recorded on its system job. UNCONFIRMED in the reference. */
const IMPORT_FAILED_CODE = -2147188720;

export class SolutionImportJobs {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly coordinator: WriteCoordinator,
    /** Milliseconds between the job's progress steps. */
    private readonly stepMs: number,
    private readonly logger: Logger | undefined,
  ) {}

  /** Creates the job's rows (waiting), starts the import in the background, and returns the rows' ids. */
  async start(request: SolutionImportJobRequest): Promise<StartedImportJob> {
    const write = { actor: request.options.actor, correlationId: request.scope.correlationId };
    const started = await this.coordinator.write((organization) => {
      const asyncOperationId = organization.create(
        "asyncoperation",
        {
          name: "ImportSolutionAsync",
          messagename: "ImportSolution",
          correlationid: request.scope.correlationId,
          depth: 1,
          statecode: 0,
          statuscode: 0,
        },
        write,
      ).id;
      const importJobId = organization.create(
        "importjob",
        { ...(request.importJobId === undefined ? {} : { importjobid: request.importJobId }), progress: 0 },
        write,
      ).id;
      return { asyncOperationId, importJobId };
    }, request.scope);
    const job = this.run(request, started).catch((error: unknown) => {
      this.logger?.error("an asynchronous solution import could not record its outcome", {
        error: error instanceof Error ? error.message : String(error),
      });
    });
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
    return started;
  }

  /** Resolves once every import started so far has ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private async run(request: SolutionImportJobRequest, ids: StartedImportJob): Promise<void> {
    await pause(this.stepMs);
    await this.update(request, (organization) => {
      const startedOn = organization.clock.now().toISOString();
      organization.update("asyncoperation", ids.asyncOperationId, {
        statecode: 2,
        statuscode: 20,
        startedon: startedOn,
      });
      organization.update("importjob", ids.importJobId, { startedon: startedOn });
    });
    for (const progress of PROGRESS_STEPS) {
      await pause(this.stepMs);
      await this.update(request, (organization) => organization.update("importjob", ids.importJobId, { progress }));
    }
    const outcome = await this.importZip(request);
    await this.update(request, (organization) => {
      const completedOn = organization.clock.now().toISOString();
      const failure = outcome.failure;
      organization.update("asyncoperation", ids.asyncOperationId, {
        statecode: 3,
        statuscode: failure === undefined ? 30 : 31,
        completedon: completedOn,
        ...(failure === undefined ? {} : { message: failure, friendlymessage: failure, errorcode: IMPORT_FAILED_CODE }),
      });
      organization.update("importjob", ids.importJobId, {
        ...(failure === undefined ? { progress: 100 } : {}),
        completedon: completedOn,
        solutionname: outcome.uniqueName ?? null,
        name: outcome.uniqueName ?? null,
        data: importLogOf(outcome),
      });
    });
  }

  /** Runs the import as one write; a refused zip is an outcome, not an error. */
  private async importZip(request: SolutionImportJobRequest): Promise<ImportOutcome> {
    try {
      const result: ImportResult = await this.coordinator.write(
        (organization) => importSolution(organization, request.zip, request.options),
        request.scope,
      );
      return { uniqueName: result.uniqueName, version: result.version, result };
    } catch (error) {
      if (error instanceof SolutionApplyError || error instanceof SolutionImportError) {
        return {
          uniqueName: error instanceof SolutionApplyError ? solutionNameOf(error) : undefined,
          failure: error.message,
        };
      }
      return {
        failure: `The import stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  private update<T>(request: SolutionImportJobRequest, plan: (organization: DataverseOrganization) => T): Promise<T> {
    return this.coordinator.write(plan, request.scope);
  }
}

/** The unique name the error's message starts with ("The solution 'X' can't be imported ..."). */
function solutionNameOf(error: SolutionApplyError): string | undefined {
  return /^The solution '([^']+)'/.exec(error.message)?.[1];
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
