/**
 * `cosell-bridge`: finds the command in the arguments, prints help on request (for the tool and for every command),
 * and turns a wrong argument into its usage with exit code 2. Commands themselves live in ./commands.
 */
import { UsageError, type CliCommand, type CliIo } from "./command";
import { commands } from "./commands";

const TOOL_USAGE = "Usage: cosell-bridge <command> [options]   (cosell-bridge <command> --help for its options)";

function toolHelp(): string[] {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    "Co-sell Bridge: keeps Dynamics 365 opportunities and Partner Center co-sell referrals in sync.",
    "",
    TOOL_USAGE,
    "",
    "Commands:",
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Configuration comes from environment variables; `cosell-bridge config check --help` lists them.",
  ];
}

/** The command named by the first one or two arguments, and the arguments after its name. */
function findCommand(argv: readonly string[]): { command: CliCommand; rest: readonly string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(" ");
    const command = commands.find((candidate) => candidate.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return null;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    for (const line of toolHelp()) io.out(line);
    return first === undefined ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = commands.filter((command) => command.name.startsWith(`${first} `));
    io.err(
      group.length > 0
        ? `✖ '${first}' needs a subcommand: ${group.map((command) => command.name).join(", ")}`
        : `✖ unknown command '${first}'. Commands: ${commands.map((command) => command.name).join(", ")}`,
    );
    io.err(TOOL_USAGE);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes("--help") || rest.includes("-h")) {
    // config check prints its own long help (every setting); the others print their usage.
    if (command.name !== "config check") {
      for (const line of command.usage.split("\n")) io.out(line);
      return 0;
    }
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`✖ ${error.message}`);
      for (const line of command.usage.split("\n")) io.err(line);
      return 2;
    }
    throw error;
  }
}
