/**
 * What `npm run emulator:dataverse` understands and prints. Kept apart from main.ts so the entry point only wires
 * process concerns (arguments in, banner out, signals) and this stays plain functions.
 */
import { parseArgs } from "node:util";
import { ManualClock } from "../shared/clock";
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
export type CliCommand =
  | { readonly kind: "start"; readonly options: DataverseEmulatorOptions }
  | { readonly kind: "help" }
  | { readonly kind: "invalid"; readonly message: string };

/** Reads the command line (without node and the script) and the environment. */
export function parseCliArguments(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        host: { type: "string" },
        snapshot: { type: "string" },
        seed: { type: "string" },
        "no-demo-data": { type: "boolean" },
        "manual-clock": { type: "boolean" },
        help: { type: "boolean" },
      },
      strict: true,
    }));
  } catch (error) {
    return { kind: "invalid", message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) return { kind: "help" };
  // An empty DV_EMULATOR_PORT (a blank line in an .env file) counts as unset.
  const fromEnvironment = env.DV_EMULATOR_PORT?.trim() === "" ? undefined : env.DV_EMULATOR_PORT?.trim();
  const portText = values.port ?? fromEnvironment ?? String(DEFAULT_CLI_PORT);
  const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) return { kind: "invalid", message: `invalid port '${portText}'` };
  const seed = {
    ...(values["no-demo-data"] === true ? { demo: false } : {}),
    ...(values.seed === undefined ? {} : { seed: values.seed }),
  };
  const options: DataverseEmulatorOptions = {
    port,
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values.seed === undefined ? {} : { idsSeed: values.seed }),
    ...(Object.keys(seed).length === 0 ? {} : { seed }),
    ...(values["manual-clock"] === true ? { clock: new ManualClock(new Date()) } : {}),
    ...(values.snapshot === undefined ? {} : { snapshotFile: values.snapshot }),
  };
  return { kind: "start", options };
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
