/** An in-memory CliIo: what a command printed, line by line, and a stop signal the test controls. */
import type { CliIo } from "../../../server/cli/command";

export interface RecordedIo extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly statusLines: string[];
  requestStop(): void;
}

export function recordingIo(
  options: { env?: Record<string, string | undefined>; cwd?: string; isTerminal?: boolean } = {},
): RecordedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const statusLines: string[] = [];
  const stop: { resolve?: () => void } = {};
  const stopRequested = new Promise<void>((resolve) => {
    stop.resolve = resolve;
  });
  return {
    stdout,
    stderr,
    statusLines,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    status: (line) => statusLines.push(line),
    isTerminal: options.isTerminal ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stopRequested,
    requestStop: () => {
      stop.resolve?.();
    },
  };
}
