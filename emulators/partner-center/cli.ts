/**
 * What `npm run emulator:partner-center` understands and prints. Kept apart from main.ts so the entry point only
 * wires process concerns (arguments in, banner out, signals) and this stays plain functions.
 */
import { parseEmulatorArguments, type CliSpec, type CliCommand as EmulatorCliCommand } from "../shared/cli";
import { DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN } from "./defaults";
import type { PartnerCenterEmulatorOptions } from "./options";
import type { PartnerCenterEmulator } from "./server";

/** The documented default port; PC_EMULATOR_PORT or --port override it. */
export const DEFAULT_CLI_PORT = 7071;

/** The usage text for --help and for a bad argument. */
export const CLI_USAGE = [
  "Usage: npm run emulator:partner-center -- [options]",
  "  --port <n>         port to listen on (default 7071, or PC_EMULATOR_PORT; 0 picks a free one)",
  "  --host <address>   address to listen on (default 127.0.0.1)",
  "  --snapshot <file>  keep the state in this JSON file (read at start, rewritten after every change)",
  "  --seed <text>      make every generated id repeatable",
  "  --manual-clock     run on a clock that only the admin API moves (POST /admin/clock/advance)",
  "  --help             show this text",
].join("\n");

/** Either options to start with, a request for help, or a message saying what is wrong. */
export type CliCommand = EmulatorCliCommand<PartnerCenterEmulatorOptions>;

const PARTNER_CENTER_CLI: CliSpec<PartnerCenterEmulatorOptions> = {
  portVariable: "PC_EMULATOR_PORT",
  defaultPort: DEFAULT_CLI_PORT,
  switches: [],
  toOptions: ({ common, snapshot }) => ({
    ...common,
    ...(snapshot === undefined ? {} : { state: { snapshotFile: snapshot } }),
  }),
};

/** Reads the command line (without node and the script) and the environment. */
export function parseCliArguments(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  return parseEmulatorArguments(argv, env, PARTNER_CENTER_CLI);
}

/**
 * The start-up banner. It names the documented fake secret and refresh token of the default clients (defaults.ts),
 * which are public by design; no other secret is ever printed.
 */
export function startupBanner(emulator: PartnerCenterEmulator): string {
  const info = emulator.info();
  const clients = info.clients.map((client) => `    ${client.kind.padEnd(11)} ${client.clientId}`);
  return [
    `Partner Center emulator listening on ${info.url}`,
    `  token endpoint  ${info.tokenEndpoint}`,
    `  referrals API   ${info.referralsUrl}   (audience ${info.audiences.referrals.join(", ")})`,
    `  solutions       ${info.solutionsUrl}`,
    `  webhooks API    ${info.webhookRegistrationUrl}   (audience ${info.audiences.webhooks.join(", ")})`,
    `  certificate     ${info.certificateUrl}`,
    `  admin API       ${info.adminUrl}`,
    `  tenant          ${info.tenantId}`,
    "  clients",
    ...clients,
    `  default client secret "${DEFAULT_CLIENT_SECRET}" and refresh token "${DEFAULT_REFRESH_TOKEN}"`,
    "  (documented fakes for local use only)",
    info.manualClock ? "  clock           manual (move it with POST /admin/clock/advance)" : "  clock           system",
    "Press Ctrl+C to stop.",
  ].join("\n");
}
