/**
 * The asynchronous solution actions (Microsoft's Web API reference): `ImportSolutionAsync` takes ImportSolution's
 * parameters and answers 200 at once with `AsyncOperationId` and `ImportJobKey` (the import job's id, also readable
 * as `importjobs(<ImportJobKey>)`), the import running as a system job (solutionImportJobs.ts); `DeleteAndPromote`
 * (`{ UniqueName }`) replaces the solution with its holding solution `<UniqueName>_Upgrade` and answers 200 with the
 * promoted `SolutionId`. Malformed parameters are refused at once with 400; an import that fails does so on its job.
 */
import { promoteHoldingSolution, SolutionApplyError } from "../import";
import type { SolutionImportJobs } from "../solutionImportJobs";
import { checkQueryOptions } from "./entityReads";
import { importOptionsOf } from "./importSolutionAction";
import { readSolutionImportParameters, refused } from "./solutionImportParameters";
import type { ActionHandler } from "./webApiRoutes";

/** The action handlers, bound to the emulator's import jobs. */
export function solutionJobActions(jobs: SolutionImportJobs): Readonly<Record<string, ActionHandler>> {
  return {
    ImportSolutionAsync: async (request) => {
      checkQueryOptions(request.query, []);
      const parameters = readSolutionImportParameters("ImportSolutionAsync", await request.json());
      const started = await jobs.start({
        zip: parameters.zip,
        options: importOptionsOf(parameters, request.identity.userId),
        importJobId: parameters.importJobId,
        scope: request.scope,
      });
      return {
        status: 200,
        body: {
          "@odata.context": `${request.apiUrl}/$metadata#Microsoft.Dynamics.CRM.ImportSolutionAsyncResponse`,
          AsyncOperationId: started.asyncOperationId,
          ImportJobKey: started.importJobId,
        },
      };
    },
    DeleteAndPromote: async (request) => {
      checkQueryOptions(request.query, []);
      const uniqueName = uniqueNameOf(await request.json());
      try {
        const solutionId = await request.writes((organization) =>
          promoteHoldingSolution(organization, uniqueName, { actor: request.identity.userId }),
        );
        return {
          status: 200,
          body: {
            "@odata.context": `${request.apiUrl}/$metadata#Microsoft.Dynamics.CRM.DeleteAndPromoteResponse`,
            SolutionId: solutionId,
          },
        };
      } catch (error) {
        if (error instanceof SolutionApplyError) throw refused(error.message);
        throw error;
      }
    },
  };
}

function uniqueNameOf(body: unknown): string {
  const parameters = typeof body === "object" && body !== null && !Array.isArray(body) ? body : {};
  const unknown = Object.keys(parameters).filter((name) => name !== "UniqueName");
  if (unknown.length > 0) throw refused(`DeleteAndPromote has no parameter ${unknown.join(", ")}.`);
  const { UniqueName: uniqueName } = parameters as { UniqueName?: unknown };
  if (typeof uniqueName !== "string" || uniqueName.trim() === "") {
    throw refused(
      "DeleteAndPromote takes { UniqueName }: the unique name of the solution its holding solution replaces.",
    );
  }
  return uniqueName.trim();
}
