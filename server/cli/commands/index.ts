import type { CliCommand } from "../command";
import { backfillCommand } from "./backfill";
import { configCheckCommand } from "./configCheck";
import { deployCommand } from "./deploy";
import { registerWebhooksCommand } from "./registerWebhooks";
import { retryCommand } from "./retry";
import { serveCommand } from "./serve";
import { statusCommand } from "./status";

/** Every command, in the order `cosell-bridge --help` lists them. */
export const commands: readonly CliCommand[] = [
  serveCommand,
  registerWebhooksCommand,
  backfillCommand,
  statusCommand,
  retryCommand,
  configCheckCommand,
  deployCommand,
];
