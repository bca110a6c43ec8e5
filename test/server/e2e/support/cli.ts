/**
 * The `cosell-bridge` binary in child processes, as an operator runs it: `node bin/cosell-bridge.mjs <command>` with
 * the stack's environment (test/support/bridgeStack.ts `env`: the same database, schema and emulators). The child's
 * output is kept so a failing test can show it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { eventually } from "../../../support/bridgeStack";

const BINARY = resolve(__dirname, "../../../../bin/cosell-bridge.mjs");
const REPOSITORY = resolve(__dirname, "../../../..");

/** What a finished command printed and returned. */
export interface CommandResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function childEnvironment(env: Readonly<Record<string, string>>): Record<string, string> {
  // Only what the command needs: PATH for node itself, then the stack's settings.
  return { PATH: process.env.PATH ?? "", ...env };
}

/** Runs one command to its end. */
export function runCommand(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  timeoutMs = 60_000,
): Promise<CommandResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BINARY, ...args], {
      cwd: REPOSITORY,
      env: childEnvironment(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`cosell-bridge ${args.join(" ")} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("error", fail);
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      done({ exitCode, signal, stdout, stderr });
    });
  });
}

/** `cosell-bridge serve` running in a child process. */
export class ServeProcess {
  private output = "";
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on("data", (chunk: Buffer) => (this.output += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (this.output += chunk.toString("utf8")));
    this.exited = new Promise((done) => {
      child.on("close", (code, signal) => {
        done({ code, signal });
      });
    });
  }

  /** Starts `serve` with `env` and resolves once GET /healthz answers at PUBLIC_URL. */
  static async start(env: Readonly<Record<string, string>>, timeoutMs = 30_000): Promise<ServeProcess> {
    const child = spawn(process.execPath, [BINARY, "serve"], {
      cwd: REPOSITORY,
      env: childEnvironment(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = env.PUBLIC_URL ?? `http://127.0.0.1:${env.PORT ?? ""}`;
    const serve = new ServeProcess(child, url);
    let exited = false;
    void serve.exited.then(() => (exited = true));
    try {
      await eventually(
        "cosell-bridge serve to answer /healthz",
        async () => {
          if (exited) throw new Error(`cosell-bridge serve exited:\n${serve.output}`);
          return (await fetch(`${url}/healthz`).catch(() => null))?.status === 200;
        },
        timeoutMs,
      );
    } catch (error) {
      child.kill("SIGKILL");
      throw error;
    }
    return serve;
  }

  /** What the child printed so far (for a failing test's message). */
  get log(): string {
    return this.output;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** kill -9: no drain, no cleanup, the lock file and running jobs left behind. */
  async crash(): Promise<void> {
    this.child.kill("SIGKILL");
    const { signal } = await this.exited;
    if (signal !== "SIGKILL") throw new Error(`the child ended with ${String(signal)} instead of SIGKILL`);
  }

  /**
   * Ctrl+C: stops taking webhooks, drains, exits; resolves with the exit code. Fails when the child is still there
   * `timeoutMs` after SIGTERM (the drain itself is bounded by 10 s), and then kills it.
   */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(() => {
        this.child.kill("SIGKILL");
        fail(new Error(`cosell-bridge serve was still running ${timeoutMs} ms after SIGTERM:\n${this.output}`));
      }, timeoutMs);
    });
    try {
      return (await Promise.race([this.exited, late])).code;
    } finally {
      clearTimeout(timer);
    }
  }
}
