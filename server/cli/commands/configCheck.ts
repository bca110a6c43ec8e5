import { CONFIG_CHECK_USAGE, configCheck } from "../../config";
import type { CliCommand } from "../command";

/** `cosell-bridge config check`: validate the configuration without starting anything. */
export const configCheckCommand: CliCommand = {
  name: "config check",
  summary: "validate the configuration and print it (secrets hidden) without starting",
  usage: CONFIG_CHECK_USAGE,
  run(argv, io) {
    const result = configCheck({ env: io.env, argv, cwd: io.cwd });
    for (const line of result.output.split("\n")) {
      if (result.exitCode === 0) io.out(line);
      else io.err(line);
    }
    return Promise.resolve(result.exitCode);
  },
};
