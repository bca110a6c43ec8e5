/**
 * The process behind the `cosell-bridge` binary: real streams, signals, and the exit code. An unexpected error is
 * printed without its stack unless DEBUG is set, and exits with 1.
 */
import { runCli } from "./main";
import type { CliIo } from "./command";

const stopRequested = new Promise<void>((resolve) => {
  process.once("SIGINT", () => {
    resolve();
  });
  process.once("SIGTERM", () => {
    resolve();
  });
});

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  status: (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\u001b[2K${line}`);
  },
  isTerminal: process.stderr.isTTY,
  env: process.env,
  cwd: process.cwd(),
  stopRequested,
};

runCli(process.argv.slice(2), io).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    const debug = process.env.DEBUG !== undefined && process.env.DEBUG !== "";
    io.err(`✖ ${debug && error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
