/**
 * Helpers of the solution-job tests: the CoSellBridge fixture zip at a chosen version, the body of an import action,
 * and a poller that follows an ImportSolutionAsync system job until it completes, recording every state it saw and
 * every progress the import job showed on the way (as a deploy polls them).
 */
import type { DataverseEmulator } from "../../../../emulators/dataverse";
import { coSellBridgeParts } from "../solution/coSellBridgeFixture";
import { replaceInPart, zipParts } from "../solution/fixtureZip";
import { call, objectOf, type CallResult } from "./harness";

export const API = "/api/data/v9.2";

/** The fixture solution (version 1.2.0.7 unless told), managed unless told. */
export function fixtureZip(options: { version?: string; managed?: boolean } = {}): Uint8Array {
  const parts = coSellBridgeParts({ managed: options.managed ?? true });
  const version = options.version ?? "1.2.0.7";
  return zipParts(replaceInPart(parts, "solution.xml", "<Version>1.2.0.7</Version>", `<Version>${version}</Version>`));
}

/** The body of ImportSolution(Async) for a zip, as a deploy sends it. */
export function importBody(zip: Uint8Array, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    CustomizationFile: Buffer.from(zip).toString("base64"),
    OverwriteUnmanagedCustomizations: false,
    PublishWorkflows: true,
    ...extra,
  };
}

export interface FollowedJob {
  /** "statecode/statuscode" of the system job, each distinct value once, in the order seen. */
  readonly states: string[];
  /** The import job's progress values, in the order seen. */
  readonly progress: number[];
  /** The system job as it completed. */
  readonly job: Record<string, unknown>;
  /** The import job as it completed. */
  readonly importJob: Record<string, unknown>;
}

type Api = (method: string, path: string, body?: unknown) => Promise<CallResult>;

/** A caller of the emulator's Web API with a token. */
export function apiOf(emulator: DataverseEmulator, token: string): Api {
  return (method, path, body) =>
    call(emulator, method, `${API}/${path}`, { token, ...(body === undefined ? {} : { body }) });
}

/** Polls the system job and import job of an ImportSolutionAsync answer until the job is completed (statecode 3). */
export async function followImport(api: Api, answer: CallResult, pollMs = 5): Promise<FollowedJob> {
  const { AsyncOperationId: operationId, ImportJobKey: importJobId } = objectOf(answer) as Record<string, string>;
  const states: string[] = [];
  const progress: number[] = [];
  for (let polls = 0; polls < 2000; polls += 1) {
    const job = objectOf(await api("GET", `asyncoperations(${operationId})`));
    const importJob = objectOf(await api("GET", `importjobs(${importJobId})`));
    const state = `${String(job.statecode)}/${String(job.statuscode)}`;
    if (states.at(-1) !== state) states.push(state);
    if (progress.at(-1) !== importJob.progress) progress.push(Number(importJob.progress));
    if (job.statecode === 3) return { states, progress, job, importJob };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`system job ${operationId} did not complete`);
}

/** The solutions of the organization whose unique name starts with CoSellBridge, as unique name, version, managed. */
export async function coSellSolutions(api: Api): Promise<Record<string, unknown>[]> {
  const answer = await api(
    "GET",
    "solutions?$select=uniquename,version,ismanaged&$filter=startswith(uniquename,'CoSellBridge')&$orderby=uniquename",
  );
  return (objectOf(answer).value as Record<string, unknown>[]).map((row) => ({
    uniquename: row.uniquename,
    version: row.version,
    ismanaged: row.ismanaged,
    solutionid: row.solutionid,
  }));
}
