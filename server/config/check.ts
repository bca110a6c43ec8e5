import { parseArgs } from "node:util";
import { describeConfig } from "./describe";
import { loadConfig } from "./loadConfig";
import { describeConfigKeys } from "./reference";
import type { Environment } from "./sources";

/** Usage of `cosell-bridge config check`. */
export const CONFIG_CHECK_USAGE = [
  "Usage: cosell-bridge config check [--config <file>] [--help]",
  "  Validates the configuration as the service would at start, without starting it.",
  "  --config <file>  a JSON configuration file (default: the CONFIG_FILE variable, if set)",
  "  --help           list every setting",
].join("\n");

/** What `config check` reads. */
export interface ConfigCheckOptions {
  /** The environment, usually process.env. */
  readonly env: Environment;
  /** The arguments after `config check`, e.g. ["--config", "cosell.json"]. */
  readonly argv: readonly string[];
  /** Folder relative paths are resolved against; default the process's working folder. */
  readonly cwd?: string;
}

/** The text to print (on stdout when exitCode is 0, stderr otherwise) and the process exit code. */
export interface ConfigCheckResult {
  readonly exitCode: 0 | 1;
  readonly output: string;
}

function readArguments(argv: readonly string[]): { config?: string; help: boolean } | string {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { config: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    if (values.config?.trim() === "") return "--config needs the path of a JSON file";
    return { ...(values.config === undefined ? {} : { config: values.config }), help: values.help === true };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * `cosell-bridge config check`: validates like the service at start and says either "Configuration is valid" with
 * the summary of describeConfig, or every problem on its own line ("✖ DATAVERSE_URL: …"), their count and where the
 * settings are documented. Exit code 1 on any problem or bad argument. Prints nothing itself: main does.
 */
export function configCheck(options: ConfigCheckOptions): ConfigCheckResult {
  const parsed = readArguments(options.argv);
  if (typeof parsed === "string") return { exitCode: 1, output: `✖ ${parsed}\n\n${CONFIG_CHECK_USAGE}` };
  if (parsed.help) return { exitCode: 0, output: `${CONFIG_CHECK_USAGE}\n\n${describeConfigKeys()}` };

  const result = loadConfig({
    env: options.env,
    ...(parsed.config === undefined ? {} : { file: parsed.config }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  if (result.ok) return { exitCode: 0, output: `✔ Configuration is valid\n\n${describeConfig(result.config)}` };

  const count = result.problems.length;
  return {
    exitCode: 1,
    output: [
      ...result.problems.map((problem) => `✖ ${problem.key}: ${problem.message}`),
      "",
      `${count} ${count === 1 ? "problem" : "problems"} found: the service would refuse to start.`,
      "Set the documented environment variables (`cosell-bridge config check --help` lists them), then check again.",
    ].join("\n"),
  };
}
