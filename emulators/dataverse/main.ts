/**
 * `npm run emulator:dataverse`: starts the local Dataverse, prints where everything is, and stops cleanly on SIGINT
 * or SIGTERM (webhook calls are stopped and the server closes, then the process exits by itself).
 */
import { runEmulatorCli } from "../shared/cli";
import { CLI_USAGE, parseCliArguments, startupBanner } from "./cli";
import { startDataverseEmulator } from "./server";

void runEmulatorCli({
  name: "Dataverse emulator",
  usage: CLI_USAGE,
  parse: parseCliArguments,
  start: startDataverseEmulator,
  banner: startupBanner,
});
