import { startService } from "../../runtime/service";
import { parseCommandArguments } from "../args";
import type { CliCommand } from "../command";
import { CONFIG_OPTION_USAGE, configOption, loadCommandConfig, storageDescription } from "../loadCommandConfig";

/** `cosell-bridge serve`: the sync service in the foreground until Ctrl+C or SIGTERM. */
export const serveCommand: CliCommand = {
  name: "serve",
  summary: "run the sync service: webhooks, the form's API, the queue and the catch-up schedule",
  usage: [
    "Usage: cosell-bridge serve [--config <file>]",
    "  Runs the sync service in the foreground: POST /webhooks/dataverse and /webhooks/partner-center, the form's",
    "  API under /api/v1, /healthz, /readyz, /metrics, /admin and /openapi.json. Ctrl+C (or SIGTERM) stops taking",
    "  webhooks, lets running jobs finish, and exits; waiting jobs stay in the queue for the next start.",
    CONFIG_OPTION_USAGE,
  ].join("\n"),
  async run(argv, io) {
    const { values } = parseCommandArguments(argv, configOption);
    const loaded = loadCommandConfig(io, values.config);
    if (loaded === null) return 1;
    const { config, schema } = loaded;
    const service = await startService(config, { schema });
    io.err(
      `Co-sell Bridge is listening on ${service.url ?? "(not listening)"}; state in ${storageDescription(loaded)}.`,
    );
    io.err(`Webhooks: ${config.server.publicUrl}/webhooks/dataverse and /webhooks/partner-center. Ctrl+C stops.`);
    await io.stopRequested;
    io.err("Stopping: no new webhooks; letting running jobs finish…");
    await service.stop();
    io.err("Stopped.");
    return 0;
  },
};
