/**
 * The ImportSolution action: `POST ImportSolution` with `{ CustomizationFile: <base64 zip>,
 * OverwriteUnmanagedCustomizations, PublishWorkflows, ImportJobId, HoldingSolution }` → 204, as the platform's
 * action answers (parameters: solutionImportParameters.ts). The import module applies the zip (tables, columns,
 * choices, web resources, the PCF control record, service endpoints, steps, environment variables; solution and
 * version rows) as the calling user; with HoldingSolution it stages a managed upgrade as `<uniquename>_Upgrade`. A
 * zip that can't be read or applied is refused with 400 and a message listing every problem; nothing is changed
 * then. Webhook keys never travel in a solution: set them afterwards (admin API
 * `PUT /admin/serviceendpoints/:id/authvalue`).
 */
import { importSolution, SolutionApplyError, type ImportOptions } from "../import";
import { SolutionImportError } from "../solution";
import { checkQueryOptions } from "./entityReads";
import { readSolutionImportParameters, refused, type SolutionImportParameters } from "./solutionImportParameters";
import type { WebApiRequest, WebApiResponse } from "./webApiRequest";

/** POST `ImportSolution`. */
export async function importSolutionAction(request: WebApiRequest): Promise<WebApiResponse> {
  checkQueryOptions(request.query, []);
  const parameters = readSolutionImportParameters("ImportSolution", await request.json());
  try {
    await request.writes((organization) =>
      importSolution(organization, parameters.zip, importOptionsOf(parameters, request.identity.userId)),
    );
  } catch (error) {
    if (error instanceof SolutionImportError || error instanceof SolutionApplyError) throw refused(error.message);
    throw error;
  }
  return { status: 204 };
}

/** The import module's options for a request's parameters, importing as `actor`. */
export function importOptionsOf(
  parameters: SolutionImportParameters,
  actor: string,
): ImportOptions & { readonly actor: string } {
  const { overwriteUnmanagedCustomizations: overwrite, publishWorkflows } = parameters;
  return {
    actor,
    holding: parameters.holding,
    ...(overwrite === undefined ? {} : { overwriteUnmanagedCustomizations: overwrite }),
    ...(publishWorkflows === undefined ? {} : { publishWorkflows }),
  };
}
