/**
 * `npm run emulator:partner-center`: starts the local Partner Center, prints where everything is, and stops cleanly
 * on SIGINT or SIGTERM (the dispatcher and the server close, then the process exits by itself).
 */
import { runEmulatorCli } from "../shared/cli";
import { CLI_USAGE, parseCliArguments, startupBanner } from "./cli";
import { startPartnerCenterEmulator } from "./server";

void runEmulatorCli({
  name: "Partner Center emulator",
  usage: CLI_USAGE,
  parse: parseCliArguments,
  start: startPartnerCenterEmulator,
  banner: startupBanner,
});
