import type { CliCommand } from "../command";
import { configCheckCommand } from "./configCheck";

/** Every command, in the order `cosell-bridge --help` lists them. */
export const commands: readonly CliCommand[] = [configCheckCommand];
