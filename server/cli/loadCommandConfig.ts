/**
 * The configuration for a command that needs one: the same loading and messages as `config check`, so a command
 * that can't start says exactly which settings to fix. It names the database schema (DATABASE_SCHEMA), so that every
 * command of one service opens the same state.
 */
import { loadConfig, type Config } from "../config";
import { DEFAULT_SCHEMA } from "../store/identifiers";
import type { CliIo } from "./command";

export interface CommandConfig {
  readonly config: Config;
  /** The database schema of the service's state (DATABASE_SCHEMA, default cosell_bridge). */
  readonly schema: string;
}

export function loadCommandConfig(io: CliIo, file: string | undefined): CommandConfig | null {
  const result = loadConfig({ env: io.env, cwd: io.cwd, ...(file === undefined ? {} : { file }) });
  if (result.ok) return { config: result.config, schema: result.config.storage.schema ?? DEFAULT_SCHEMA };
  for (const problem of result.problems) io.err(`✖ ${problem.key}: ${problem.message}`);
  io.err("Fix these settings (`cosell-bridge config check --help` lists them all), then run the command again.");
  return null;
}

/** Where the service keeps its state, in words that are safe to print. */
export function storageDescription({ config, schema }: CommandConfig): string {
  return config.storage.kind === "pglite"
    ? `embedded PGlite in ${config.storage.dataDir} (schema ${schema})`
    : `PostgreSQL at ${config.storage.location} (schema ${schema})`;
}

export const configOption = { config: { type: "string" } } as const;
export const CONFIG_OPTION_USAGE = [
  "  --config <file>  a JSON configuration file (default: the CONFIG_FILE variable, if set)",
  "  DATABASE_SCHEMA (environment)  the database schema of the service's state (default cosell_bridge)",
].join("\n");
