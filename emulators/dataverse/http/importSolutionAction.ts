/**
 * The ImportSolution action: `POST ImportSolution` with `{ CustomizationFile: <base64 zip>,
 * OverwriteUnmanagedCustomizations, PublishWorkflows, ImportJobId }` → 204, as the platform's action answers. The
 * import module applies the zip (tables, columns, choices, web resources, the PCF control record, service endpoints,
 * steps, environment variables; solution and version rows) as the calling user. A zip that can't be read or
 * applied is refused with 400 and a message listing every problem; nothing is changed then. Webhook keys never
 * travel in a solution: set them afterwards (admin API `PUT /admin/serviceendpoints/:id/authvalue`).
 */
import { HttpError } from "../../http";
import { importSolution, SolutionApplyError } from "../import";
import { SolutionImportError } from "../solution";
import { checkQueryOptions } from "./entityReads";
import { BAD_REQUEST_CODE } from "./errors";
import type { WebApiRequest, WebApiResponse } from "./webApiRequest";

const PARAMETERS = ["CustomizationFile", "OverwriteUnmanagedCustomizations", "PublishWorkflows", "ImportJobId"];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** POST `ImportSolution`. */
export async function importSolutionAction(request: WebApiRequest): Promise<WebApiResponse> {
  checkQueryOptions(request.query, []);
  const body = await request.json();
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw refused("ImportSolution takes a JSON object with CustomizationFile (the solution zip as base64).");
  }
  const parameters = body as Record<string, unknown>;
  const unknown = Object.keys(parameters).filter((name) => !PARAMETERS.includes(name));
  if (unknown.length > 0) throw refused(`ImportSolution has no parameter ${unknown.join(", ")}.`);
  const zip = zipOf(parameters.CustomizationFile);
  const overwrite = flag(parameters, "OverwriteUnmanagedCustomizations");
  const publishWorkflows = flag(parameters, "PublishWorkflows");
  const jobId = parameters.ImportJobId;
  if (jobId !== undefined && (typeof jobId !== "string" || !/^[0-9a-f-]{36}$/i.test(jobId))) {
    throw refused("ImportJobId must be a GUID when given.");
  }
  try {
    await request.writes((organization) =>
      importSolution(organization, zip, {
        actor: request.identity.userId,
        ...(overwrite === undefined ? {} : { overwriteUnmanagedCustomizations: overwrite }),
        ...(publishWorkflows === undefined ? {} : { publishWorkflows }),
      }),
    );
  } catch (error) {
    if (error instanceof SolutionImportError || error instanceof SolutionApplyError) throw refused(error.message);
    throw error;
  }
  return { status: 204 };
}

function zipOf(file: unknown): Uint8Array {
  if (typeof file !== "string" || file.trim() === "") {
    throw refused("CustomizationFile is required: the solution zip as a base64 string.");
  }
  const text = file.replace(/\s+/g, "");
  if (!BASE64.test(text)) throw refused("CustomizationFile is not valid base64.");
  return new Uint8Array(Buffer.from(text, "base64"));
}

function flag(parameters: Record<string, unknown>, name: string): boolean | undefined {
  const value = parameters[name];
  if (value === undefined || typeof value === "boolean") return value;
  throw refused(`${name} must be true or false.`);
}

function refused(message: string): HttpError {
  return new HttpError(400, BAD_REQUEST_CODE, message);
}
