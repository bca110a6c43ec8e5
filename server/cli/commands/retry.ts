import { silentSyncLogger } from "../../runtime/logger";
import { openServiceParts } from "../../runtime/parts";
import { parseCommandArguments } from "../args";
import { UsageError, type CliCommand } from "../command";
import { CONFIG_OPTION_USAGE, configOption, loadCommandConfig } from "../loadCommandConfig";

const options = { ...configOption, all: { type: "boolean" } } as const;

/** `cosell-bridge retry`: bring parked jobs back into the queue. */
export const retryCommand: CliCommand = {
  name: "retry",
  summary: "retry a failed job by id, or every failed job with --all",
  usage: [
    "Usage: cosell-bridge retry <job-id> | --all [--config <file>]",
    "  Puts failed (parked) jobs back in the queue; the service runs them at once. `cosell-bridge status` lists them.",
    "  --all  retry every failed job",
    CONFIG_OPTION_USAGE,
  ].join("\n"),
  async run(argv, io) {
    const { values, positionals } = parseCommandArguments(argv, options, 1);
    const jobId = positionals[0];
    if ((jobId === undefined) === (values.all !== true)) throw new UsageError("give one job id, or --all");
    const loaded = loadCommandConfig(io, values.config);
    if (loaded === null) return 1;
    const parts = await openServiceParts(loaded.config, silentSyncLogger, { schema: loaded.schema });
    try {
      if (jobId === undefined) {
        const retried = await parts.queue.retryAll();
        io.out(retried === 0 ? "No failed jobs to retry." : `✔ ${retried} failed job(s) are back in the queue.`);
        return 0;
      }
      const outcome = await parts.queue.retry(jobId);
      if (outcome === "retried") {
        io.out(`✔ Job ${jobId} is back in the queue.`);
        return 0;
      }
      io.err(
        outcome === "not-found"
          ? `✖ There is no job ${jobId}; \`cosell-bridge status\` lists the failed ones.`
          : `✖ Job ${jobId} has not failed (it is waiting, running or done), so there is nothing to retry.`,
      );
      return 1;
    } finally {
      await parts.close();
    }
  },
};
