/**
 * `npm run emulator:dataverse`: starts the local Dataverse, prints where everything is, and stops cleanly on SIGINT
 * or SIGTERM (webhook calls are stopped and the server closes, then the process exits by itself).
 */
import { CLI_USAGE, parseCliArguments, startupBanner } from "./cli";
import { startDataverseEmulator } from "./server";

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
  const emulator = await startDataverseEmulator(command.options);
  process.stdout.write(`${startupBanner(emulator)}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received, stopping the Dataverse emulator\n`);
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
    `the Dataverse emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
