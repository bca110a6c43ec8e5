/**
 * The import through the Web API, without pac. `ImportSolutionAsync` takes the zip (base64) and answers at once with
 * the `AsyncOperationId` of a system job; the job is polled (`asyncoperations(<id>)`: statecode 3 Completed with
 * statuscode 30 Succeeded, 31 Failed or 32 Canceled, dataverse.md §3.2) until it ends, and the import job's
 * `progress` (percent) is shown while it runs. An upgrade imports as a holding solution (`HoldingSolution`) and then
 * applies it with `DeleteAndPromote`, which answers when it is done.
 *
 * UNCONFIRMED (no reference at hand says it): that `ImportJobKey` is the `importjobid` to read `progress` from.
 * Progress is only shown when that read works; the outcome always comes from the system job.
 */
import type { CliIo } from "../cli/command";
import type { DataverseWebApi, Row } from "../clients/dataverse/webApi";
import type { HttpRequest } from "../clients/http/httpCore";
import { guid } from "../clients/http/odata";
import { ApiError } from "../sync/apiError";
import { DeployError } from "./deployError";
import type { SolutionZip } from "./solutionPackage";
import { createWaitProgress, pause } from "./waitProgress";

export interface WebApiImportSettings {
  readonly pollIntervalMs: number;
  readonly timeoutMs: number;
  readonly io: CliIo;
  readonly now?: () => number;
}

const ODATA_HEADERS = { "OData-MaxVersion": "4.0", "OData-Version": "4.0", Accept: "application/json" };
const COMPLETED = 3;
const SUCCEEDED = 30;
const STATUS_WORDS: Readonly<Record<number, string>> = {
  0: "waiting for resources",
  10: "waiting",
  20: "in progress",
  21: "pausing",
  22: "canceling",
  30: "succeeded",
  31: "failed",
  32: "canceled",
};

async function post(api: DataverseWebApi, action: string, json: Row): Promise<Row> {
  const request: HttpRequest = { method: "POST", url: `${api.root}/${action}`, headers: ODATA_HEADERS, json };
  const response = await api.http.send(request);
  if (response.status < 200 || response.status >= 300) throw api.http.core.failure(request, response);
  const body = response.body;
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Row) : {};
}

/** Imports the zip and waits for its system job. @throws DeployError importFailed or importTimedOut. */
export async function importWithWebApi(
  api: DataverseWebApi,
  zip: SolutionZip,
  options: { readonly holding: boolean },
  settings: WebApiImportSettings,
): Promise<void> {
  let answer: Row;
  try {
    answer = await post(api, "ImportSolutionAsync", {
      CustomizationFile: Buffer.from(zip.bytes).toString("base64"),
      // The admin's own changes in the environment are kept; environment variable values are set afterwards.
      OverwriteUnmanagedCustomizations: false,
      PublishWorkflows: true,
      ...(options.holding ? { HoldingSolution: true } : {}),
    });
  } catch (error) {
    throw importRefused(error, "refused the import");
  }
  const operationId = typeof answer.AsyncOperationId === "string" ? answer.AsyncOperationId : null;
  if (operationId === null) {
    throw new DeployError("importFailed", "Dataverse accepted ImportSolutionAsync but sent no AsyncOperationId.");
  }
  const importJobId = typeof answer.ImportJobKey === "string" ? answer.ImportJobKey : null;
  await waitForSystemJob(api, guid(operationId, "AsyncOperationId"), importJobId, settings);
}

async function waitForSystemJob(
  api: DataverseWebApi,
  operationId: string,
  importJobId: string | null,
  settings: WebApiImportSettings,
): Promise<void> {
  const now = settings.now ?? Date.now;
  const deadline = now() + settings.timeoutMs;
  const progress = createWaitProgress(settings.io, "import", now);
  let stopped = false;
  for (;;) {
    const job = await api.get(`asyncoperations(${operationId})`, {
      $select: "statecode,statuscode,message,friendlymessage",
    });
    const status = typeof job.statuscode === "number" ? job.statuscode : -1;
    if (job.statecode === COMPLETED) {
      if (status === SUCCEEDED) {
        progress.done("imported");
        return;
      }
      progress.done(STATUS_WORDS[status] ?? `ended with status ${status}`);
      const said = [job.friendlymessage, job.message].find((text) => typeof text === "string" && text.trim() !== "");
      throw new DeployError(
        "importFailed",
        `Dataverse could not import the solution (system job ${operationId}, ${STATUS_WORDS[status] ?? status}): ` +
          (typeof said === "string" ? said.trim() : "it gave no message"),
      );
    }
    progress.update(await importPercent(api, importJobId), STATUS_WORDS[status] ?? "running");
    if (now() >= deadline || stopped) {
      throw new DeployError(
        "importTimedOut",
        stopped
          ? `Stopped waiting for the import (system job ${operationId}); it goes on in Dataverse.`
          : `The import (system job ${operationId}) did not finish within ${Math.round(settings.timeoutMs / 60_000)} minute(s).`,
      );
    }
    stopped = await pause(settings.pollIntervalMs, settings.io.stopRequested);
  }
}

/** The import job's progress in percent, or null when it can't be read (yet). */
async function importPercent(api: DataverseWebApi, importJobId: string | null): Promise<number | null> {
  if (importJobId === null || !/^[0-9a-f-]{36}$/i.test(importJobId)) return null;
  try {
    const job = await api.getOrNull(`importjobs(${importJobId.toLowerCase()})`, { $select: "progress" });
    return typeof job?.progress === "number" ? Math.max(0, Math.min(100, job.progress)) : null;
  } catch {
    return null;
  }
}

/** Applies a holding solution: DeleteAndPromote. @throws DeployError upgradeFailed. */
export async function promoteHoldingSolution(api: DataverseWebApi, uniqueName: string, io: CliIo): Promise<void> {
  const progress = createWaitProgress(io, "apply upgrade");
  const ticker = setInterval(() => {
    progress.update(null, "DeleteAndPromote running");
  }, 1000);
  try {
    await post(api, "DeleteAndPromote", { UniqueName: uniqueName });
    progress.done("upgrade applied");
  } catch (error) {
    progress.done("failed");
    const reason = error instanceof Error ? error.message : String(error);
    throw new DeployError("upgradeFailed", `Applying the upgrade of ${uniqueName} failed: ${reason}`, { cause: error });
  } finally {
    clearInterval(ticker);
  }
}

function importRefused(error: unknown, what: string): DeployError {
  if (error instanceof ApiError && (error.status === 0 || error.status === 401 || error.status === 403)) {
    return new DeployError("dataverseUnavailable", error.message, { cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new DeployError("importFailed", `Dataverse ${what}: ${reason}`, { cause: error });
}
