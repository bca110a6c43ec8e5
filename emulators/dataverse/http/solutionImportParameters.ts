/**
 * The parameters ImportSolution and ImportSolutionAsync share (Microsoft's Web API reference of both actions):
 * `CustomizationFile` (the zip as base64), `OverwriteUnmanagedCustomizations`, `PublishWorkflows`, `ImportJobId`,
 * `HoldingSolution`. The rest of the documented parameters (ConvertToManaged, SkipProductUpdateDependencies,
 * ComponentParameters, SolutionParameters, LayerDesiredOrder and the internal ribbon switches) are accepted and
 * ignored: the emulator has no layers, connection references or ribbons for them to act on.
 */
import { HttpError } from "../../http";
import { BAD_REQUEST_CODE } from "./errors";

const HONOURED = [
  "CustomizationFile",
  "OverwriteUnmanagedCustomizations",
  "PublishWorkflows",
  "ImportJobId",
  "HoldingSolution",
];
const IGNORED = [
  "ConvertToManaged",
  "SkipProductUpdateDependencies",
  "ComponentParameters",
  "SolutionParameters",
  "LayerDesiredOrder",
  "SkipQueueRibbonJob",
  "AsyncRibbonProcessing",
];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an import request asks for, checked. */
export interface SolutionImportParameters {
  readonly zip: Uint8Array;
  readonly overwriteUnmanagedCustomizations: boolean | undefined;
  readonly publishWorkflows: boolean | undefined;
  /** Lower case. */
  readonly importJobId: string | undefined;
  readonly holding: boolean;
}

/** Reads the body of `action`. @throws HttpError 400 naming the parameter that is wrong. */
export function readSolutionImportParameters(action: string, body: unknown): SolutionImportParameters {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw refused(`${action} takes a JSON object with CustomizationFile (the solution zip as base64).`);
  }
  const parameters = body as Record<string, unknown>;
  const unknown = Object.keys(parameters).filter((name) => !HONOURED.includes(name) && !IGNORED.includes(name));
  if (unknown.length > 0) throw refused(`${action} has no parameter ${unknown.join(", ")}.`);
  const jobId = parameters.ImportJobId;
  if (jobId !== undefined && (typeof jobId !== "string" || !GUID.test(jobId))) {
    throw refused("ImportJobId must be a GUID when given.");
  }
  for (const name of ["ConvertToManaged", "SkipProductUpdateDependencies"]) flag(parameters, name);
  return {
    zip: zipOf(parameters.CustomizationFile),
    overwriteUnmanagedCustomizations: flag(parameters, "OverwriteUnmanagedCustomizations"),
    publishWorkflows: flag(parameters, "PublishWorkflows"),
    importJobId: typeof jobId === "string" ? jobId.toLowerCase() : undefined,
    holding: flag(parameters, "HoldingSolution") === true,
  };
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
  if (value === undefined || value === null || typeof value === "boolean") return value ?? undefined;
  throw refused(`${name} must be true or false.`);
}

/** A 400 with the platform's code for a request that can't be read. */
export function refused(message: string): HttpError {
  return new HttpError(400, BAD_REQUEST_CODE, message);
}
