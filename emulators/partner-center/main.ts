/**
 * `npm run emulator:partner-center`: starts the local Partner Center, prints where everything is, and stops cleanly
 * on SIGINT or SIGTERM (the dispatcher and the server close, then the process exits by itself).
 */
import { CLI_USAGE, parseCliArguments, startupBanner } from "./cli";
import { startPartnerCenterEmulator } from "./server";

async function main(): Promise<void> {
  const command = parseCliArguments(process.argv.slice(2), process.env);
  if (command.kind === "help") {
    process.stdout.write(`${CLI_USAGE}\n`);
    return;
  }
  if (command.kind === "invalid") {
    process.stderr.write(`${command.message}\n${CLI_USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startPartnerCenterEmulator(command.options);
  process.stdout.write(`${startupBanner(emulator)}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received, stopping the Partner Center emulator\n`);
    emulator.close().then(
      () => {
        process.stdout.write("stopped\n");
      },
      (error: unknown) => {
        process.stderr.write(`could not stop cleanly: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `the Partner Center emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
