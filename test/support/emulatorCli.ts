/**
 * Runs an emulator's real entry point in a child process, the way its npm script starts it (through tsx), and lets a
 * test wait for what it prints, signal it and see how it exits.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

const REPOSITORY_ROOT = resolve(__dirname, "../..");
const startedChildren: ChildProcess[] = [];

/** How a child process ended: its exit code, or the signal that ended it. */
export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A running command-line entry point. */
export interface EmulatorCli {
  readonly child: ChildProcess;
  /** Everything printed on stdout so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects, with the output, if the CLI exits first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  exited(): Promise<CliExit>;
}

/**
 * Starts `node --import tsx <entryPoint> ...args` in the repository root with `env` laid over the test's environment.
 * Call {@link killStartedClis} in afterEach so that no child outlives its test.
 */
export function startEmulatorCli(
  entryPoint: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): EmulatorCli {
  const child = spawn(process.execPath, ["--import", "tsx", entryPoint, ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  startedChildren.push(child);
  let stdout = "";
  let stderr = "";
  const listeners: (() => void)[] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    for (const listener of [...listeners]) listener();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<CliExit>((done) => {
    child.once("exit", (code, signal) => {
      done({ code, signal });
    });
  });
  return {
    child,
    output: () => stdout,
    waitFor: (pattern) =>
      new Promise((found, failed) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match !== null) found(match);
        };
        listeners.push(check);
        check();
        void exit.then(({ code }) => {
          failed(new Error(`the CLI exited (${String(code)}) before printing ${String(pattern)}:\n${stdout}${stderr}`));
        });
      }),
    exited: () => exit,
  };
}

/** Kills (SIGKILL) every CLI started by {@link startEmulatorCli} that is still running, and forgets them all. */
export function killStartedClis(): void {
  for (const child of startedChildren.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}
