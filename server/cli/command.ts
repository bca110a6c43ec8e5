/**
 * The shape every `cosell-bridge` command has: a name, one line for the command list, its own --help text, and a run
 * function that gets its arguments and the process's streams. Commands print through `io` and return the exit code,
 * so tests run them in-process and read what a user would see.
 */
import type { Environment } from "../config";

export interface CliIo {
  /** Writes a line to stdout. */
  out(line: string): void;
  /** Writes a line to stderr. */
  err(line: string): void;
  /** Redraws the current stderr line (progress bars); a no-op when stderr is not a terminal. */
  status(line: string): void;
  readonly isTerminal: boolean;
  readonly env: Environment;
  readonly cwd: string;
  /** Resolves when the user asks the process to stop (SIGINT/SIGTERM). */
  readonly stopRequested: Promise<void>;
}

export interface CliCommand {
  /** One or two words, e.g. "serve" or "config check". */
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** A wrong argument: main prints the message and the command's usage, and exits with 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
