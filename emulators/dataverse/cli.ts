/**
 * What `npm run emulator:dataverse` understands and prints. Kept apart from main.ts so the entry point only wires
 * process concerns (arguments in, banner out, signals) and this stays plain functions.
 */
import { parseEmulatorArguments, type CliSpec, type CliCommand as EmulatorCliCommand } from "../shared/cli";
import { DEFAULT_CLIENT_SECRET } from "./defaults";
import type { DataverseEmulatorOptions } from "./options";
import type { DataverseEmulator } from "./server";

/** The documented default port; DV_EMULATOR_PORT or --port override it. */
export const DEFAULT_CLI_PORT = 7072;

/** The usage text for --help and for a bad argument. */
export const CLI_USAGE = [
  "Usage: npm run emulator:dataverse -- [options]",
  "  --port <n>         port to listen on (default 7072, or DV_EMULATOR_PORT; 0 picks a free one)",
  "  --host <address>   address to listen on (default 127.0.0.1)",
  "  --snapshot <file>  keep the organization in this JSON file (read at start, rewritten after every change)",
  "  --seed <text>      make every generated id and the demo data repeatable",
  "  --no-demo-data     start without the demo accounts, contacts and opportunities",
  "  --manual-clock     run on a clock that only the admin API moves (POST /admin/clock/advance)",
  "  --help             show this text",
].join("\n");

/** Either options to start with, a request for help, or a message saying what is wrong. */
export type CliCommand = EmulatorCliCommand<DataverseEmulatorOptions>;

const DATAVERSE_CLI: CliSpec<DataverseEmulatorOptions> = {
  portVariable: "DV_EMULATOR_PORT",
  defaultPort: DEFAULT_CLI_PORT,
  switches: ["no-demo-data"],
  toOptions: ({ common, snapshot, seed, switches }) => {
    const seedOptions = {
      ...(switches.has("no-demo-data") ? { demo: false } : {}),
      ...(seed === undefined ? {} : { seed }),
    };
    return {
      ...common,
      ...(Object.keys(seedOptions).length === 0 ? {} : { seed: seedOptions }),
      ...(snapshot === undefined ? {} : { snapshotFile: snapshot }),
    };
  },
};

/** Reads the command line (without node and the script) and the environment. */
export function parseCliArguments(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  return parseEmulatorArguments(argv, env, DATAVERSE_CLI);
}

/**
 * The start-up banner. It names the documented fake client secret of the default clients (defaults.ts), which is
 * public by design; no other secret is ever printed.
 */
export function startupBanner(emulator: DataverseEmulator): string {
  const info = emulator.info();
  const clients = info.clients.map((client) => `    ${client.kind.padEnd(11)} ${client.clientId}`);
  return [
    `Dataverse emulator listening on ${info.url}`,
    `  Web API         ${info.apiUrl}`,
    `  token endpoint  ${info.tokenEndpoint}   (scope ${info.resource}/.default)`,
    `  JWKS            ${info.jwksUri}`,
    `  admin API       ${info.adminUrl}`,
    `  tenant          ${info.tenantId}`,
    `  organization    ${info.organization.name} (${info.organization.domain})`,
    "  clients",
    ...clients,
    `  integration app user ${info.users.integrationUserId ?? "(none)"}, seller ${info.users.sellerUserId ?? "(none)"}`,
    `  default client secret "${DEFAULT_CLIENT_SECRET}" (a documented fake for local use only)`,
    info.manualClock ? "  clock           manual (move it with POST /admin/clock/advance)" : "  clock           system",
    "Press Ctrl+C to stop.",
  ].join("\n");
}
