/**
 * Waiting for the service to act on the smoke-test opportunity: its csb_syncstatus, referral id and audit column are
 * read every poll interval until a condition holds, the service reports Error (its newest audit line, which ends
 * with what to do, becomes the message), or the time runs out.
 */
import { SyncStatus } from "../../core";
import type { CliIo } from "../cli/command";
import type { DataverseWebApi } from "../clients/dataverse/webApi";
import { auditLinesOf } from "../sync/audit";
import { DeployError } from "./deployError";
import { readSmokeState, type SmokeState } from "./smokeRecords";
import { createWaitProgress, pause } from "./waitProgress";

export interface WaitSettings {
  readonly io: CliIo;
  readonly pollIntervalMs: number;
  readonly timeoutMs: number;
}

const STATUS_WORDS: Readonly<Record<number, string>> = {
  [SyncStatus.NotSynced]: "not synced yet",
  [SyncStatus.Pending]: "pending",
  [SyncStatus.Synced]: "synced",
  [SyncStatus.Error]: "error",
};

export function newestAuditLine(state: SmokeState): string | null {
  return auditLinesOf(state.audit)[0] ?? null;
}

/** Polls until `done(state)`; `what` names the wait in messages ("the referral to be created"). */
export async function waitForService(
  api: DataverseWebApi,
  opportunityId: string,
  what: string,
  done: (state: SmokeState) => boolean,
  settings: WaitSettings,
): Promise<SmokeState> {
  const started = Date.now();
  const progress = createWaitProgress(settings.io, `waiting for ${what}`);
  let last: SmokeState | null = null;
  for (;;) {
    const state = await readSmokeState(api, opportunityId);
    if (state === null) {
      progress.done("the opportunity is gone");
      throw new DeployError(
        "smokeTestFailed",
        `The smoke-test opportunity ${opportunityId} was deleted while deploy waited for ${what}.`,
      );
    }
    last = state;
    if (done(state)) {
      progress.done(STATUS_WORDS[state.syncStatus ?? -1] ?? "done");
      return state;
    }
    if (state.syncStatus === SyncStatus.Error) {
      progress.done("the service reported an error");
      throw new DeployError(
        "smokeTestFailed",
        `The service could not sync the smoke-test opportunity (waiting for ${what}): ` +
          (newestAuditLine(state) ?? "no audit line was written"),
      );
    }
    progress.update(null, STATUS_WORDS[state.syncStatus ?? -1] ?? "no status yet");
    if (Date.now() - started >= settings.timeoutMs) break;
    if (await pause(settings.pollIntervalMs, settings.io.stopRequested)) {
      progress.done("stopped");
      throw new DeployError("smokeTestTimedOut", `Stopped waiting for ${what}; the test records are left in place.`);
    }
  }
  progress.done("timed out");
  const status = STATUS_WORDS[last.syncStatus ?? -1] ?? "no status";
  throw new DeployError(
    "smokeTestTimedOut",
    `The service did not finish ${what} within ${Math.round(settings.timeoutMs / 1000)} s (the opportunity's sync ` +
      `status is ${status}).`,
  );
}
