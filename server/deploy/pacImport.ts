/**
 * The import through the Power Platform CLI when `pac` is on the PATH (it can't be installed from npm, see
 * shared/reference/toolchain.md §1, so nothing requires it): `pac solution import --path <zip> --async
 * --activate-plugins`, with `--import-as-holding` then `pac solution upgrade` for an upgrade. pac signs in with its
 * own auth profile for the environment (`pac auth create --environment <url>`), so no secret goes on its command
 * line, where other users of the machine could read it. pac's output is passed through as its progress.
 */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import type { CliIo } from "../cli/command";
import { DeployError } from "./deployError";

const PAC_NAMES = process.platform === "win32" ? ["pac.exe", "pac.cmd"] : ["pac"];

/** The pac executable on the PATH of `env`, or null. */
export function findPac(env: CliIo["env"]): string | null {
  for (const folder of (env.PATH ?? "").split(delimiter)) {
    if (folder === "") continue;
    for (const name of PAC_NAMES) {
      const candidate = join(folder, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

export interface PacImport {
  readonly pac: string;
  readonly environmentUrl: string;
  readonly timeoutMinutes: number;
  readonly io: CliIo;
}

export function pacImportArguments(zipPath: string, holding: boolean, settings: PacImport): string[] {
  return [
    "solution",
    "import",
    "--path",
    zipPath,
    "--async",
    "--activate-plugins",
    ...(holding ? ["--import-as-holding"] : []),
    "--max-async-wait-time",
    String(settings.timeoutMinutes),
    "--environment",
    settings.environmentUrl,
  ];
}

export function pacUpgradeArguments(uniqueName: string, settings: PacImport): string[] {
  return [
    "solution",
    "upgrade",
    "--solution-name",
    uniqueName,
    "--async",
    "--max-async-wait-time",
    String(settings.timeoutMinutes),
    "--environment",
    settings.environmentUrl,
  ];
}

/** Runs pac with the arguments, printing its output. @throws DeployError pacFailed. */
export async function runPac(args: readonly string[], settings: PacImport): Promise<void> {
  const { io } = settings;
  io.err(`  $ pac ${args.join(" ")}`);
  const tail: string[] = [];
  const print = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split(/\r?\n/)) {
      if (line.trim() === "") continue;
      io.err(`  pac: ${line}`);
      tail.push(line);
      if (tail.length > 5) tail.shift();
    }
  };
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(settings.pac, args, { env: { ...io.env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", print);
    child.stderr.on("data", print);
    child.on("error", reject);
    child.on("close", resolve);
  }).catch((error: unknown) => {
    throw new DeployError(
      "pacFailed",
      `pac could not be started (${error instanceof Error ? error.message : String(error)}).`,
    );
  });
  if (exitCode !== 0) {
    throw new DeployError(
      "pacFailed",
      `pac ${args.slice(0, 2).join(" ")} exited with code ${String(exitCode)}${tail.length > 0 ? `: ${tail.join(" / ")}` : ""}`,
    );
  }
}
