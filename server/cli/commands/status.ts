import type { QueueProblem } from "../../queue";
import type { SyncRecord, SyncStatusView } from "../../sync";
import { silentSyncLogger } from "../../runtime/logger";
import { openServiceParts } from "../../runtime/parts";
import { parseCommandArguments, positiveInteger } from "../args";
import type { CliCommand, CliIo } from "../command";
import { CONFIG_OPTION_USAGE, configOption, loadCommandConfig, storageDescription } from "../loadCommandConfig";

const options = { ...configOption, opportunity: { type: "string" }, limit: { type: "string" } } as const;

function syncLine(record: SyncRecord): string {
  const arrow = record.direction === "toPartnerCenter" ? "CRM → PC" : "PC → CRM";
  return `  ${record.finishedAt}  ${arrow}  ${record.outcome.padEnd(9)} ${record.summary}`;
}

function printOpportunity(io: CliIo, status: SyncStatusView): void {
  io.out(`Opportunity ${status.opportunityId}: ${status.syncStatus}${status.checkmark ? " ✔" : ""}`);
  io.out(`  referral: ${status.referralId ?? "none"}${status.referralLink ? ` (${status.referralLink})` : ""}`);
  io.out(`  last synced: ${status.lastSyncedOn ?? "never"}`);
  if (status.lastError) {
    io.out(`  last error: ${status.lastError.message}`);
    if (status.lastError.whatToDo) io.out(`  what to do: ${status.lastError.whatToDo}`);
  }
  for (const entry of status.audit) io.out(`  ${entry.line}`);
}

function printProblem(io: CliIo, problem: QueueProblem): void {
  const next = problem.nextAttemptAt === null ? "" : `  next attempt ${problem.nextAttemptAt}`;
  io.out(`  ${problem.id}  ${problem.state}  ${problem.dedupeKey}  attempts ${problem.attempts}${next}`);
  io.out(`    ${problem.reason}`);
}

/** `cosell-bridge status`: the queue, failed jobs and recent syncs, or one opportunity's sync. */
export const statusCommand: CliCommand = {
  name: "status",
  summary: "show the queue, failed jobs and recent syncs (or one opportunity's sync)",
  usage: [
    "Usage: cosell-bridge status [--opportunity <id>] [--limit <n>] [--config <file>]",
    "  Prints the queue's depth, the jobs that failed with their reasons, and the most recent syncs.",
    "  With the embedded database this works while the service is stopped; with PostgreSQL, at any time.",
    "  --opportunity <id>  that opportunity's status, referral, last error and audit trail (reads Dataverse)",
    "  --limit <n>         how many failed jobs and recent syncs to list (default 20)",
    CONFIG_OPTION_USAGE,
  ].join("\n"),
  async run(argv, io) {
    const { values } = parseCommandArguments(argv, options);
    const limit = positiveInteger("limit", values.limit, 20);
    const loaded = loadCommandConfig(io, values.config);
    if (loaded === null) return 1;
    const parts = await openServiceParts(loaded.config, silentSyncLogger, { schema: loaded.schema });
    try {
      if (values.opportunity !== undefined) {
        printOpportunity(io, await parts.engine.status(values.opportunity));
        return 0;
      }
      const depth = await parts.queue.depth();
      io.out(`State: ${storageDescription(loaded)}`);
      io.out(
        `Queue: ${depth.queued} queued, ${depth.running} running, ${depth.retrying} retrying, ${depth.failed} failed` +
          (depth.oldestQueuedAt ? ` (oldest queued ${depth.oldestQueuedAt})` : ""),
      );
      const problems = await parts.queue.problems({ limit });
      // A retried job is back in the queue as "retrying": listing it under "Failed jobs" would say the retry failed.
      const parked = problems.filter((problem) => problem.state === "parked");
      const retrying = problems.filter((problem) => problem.state === "retrying");
      io.out(parked.length === 0 ? "No failed jobs." : "Failed jobs (retry with `cosell-bridge retry <id>`):");
      for (const problem of parked) printProblem(io, problem);
      if (retrying.length > 0) io.out("Retrying by themselves (the last error is shown):");
      for (const problem of retrying) printProblem(io, problem);
      const recent = await parts.syncState.recentSyncs({ limit });
      io.out(recent.length === 0 ? "No syncs yet." : "Recent syncs, newest first:");
      for (const record of recent) io.out(syncLine(record));
      return 0;
    } finally {
      await parts.close();
    }
  },
};
