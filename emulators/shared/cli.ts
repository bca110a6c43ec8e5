/**
 * The command line both emulators share: the flags they have in common (port, host, snapshot, seed, manual clock,
 * help), the port from --port, an environment variable or a default, and main.ts's process concerns (usage, banner,
 * stopping cleanly on SIGINT or SIGTERM). Each emulator's cli.ts says what differs: its port, its own switches, how
 * the flags become its options, its usage text and banner.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ManualClock } from "./clock";

/** Either options to start with, a request for help, or a message saying what is wrong. */
export type CliCommand<Options> =
  | { readonly kind: "start"; readonly options: Options }
  | { readonly kind: "help" }
  | { readonly kind: "invalid"; readonly message: string };

/** The options both emulators name alike. */
export interface CommonEmulatorOptions {
  readonly port: number;
  readonly host?: string;
  /** --seed: repeatable generated ids. */
  readonly idsSeed?: string;
  /** --manual-clock: a clock that only the admin API moves, starting now. */
  readonly clock?: ManualClock;
}

/** What the command line asked for, for the emulator to turn into its options. */
export interface CliArguments {
  readonly common: CommonEmulatorOptions;
  /** --snapshot: the file to keep the emulator's data in. */
  readonly snapshot?: string;
  /** --seed, which an emulator may use for more than ids. */
  readonly seed?: string;
  /** The emulator's own switches that were given. */
  readonly switches: ReadonlySet<string>;
}

/** What differs between the emulators' command lines. */
export interface CliSpec<Options> {
  /** The environment variable that sets the port when --port is absent, e.g. "PC_EMULATOR_PORT". */
  readonly portVariable: string;
  readonly defaultPort: number;
  /** Switches (flags without a value) that only this emulator has, e.g. "no-demo-data". */
  readonly switches: readonly string[];
  readonly toOptions: (parsed: CliArguments) => Options;
}

const COMMON_FLAGS: NonNullable<ParseArgsConfig["options"]> = {
  port: { type: "string" },
  host: { type: "string" },
  snapshot: { type: "string" },
  seed: { type: "string" },
  "manual-clock": { type: "boolean" },
  help: { type: "boolean" },
};

/** Reads the command line (without node and the script) and the environment. */
export function parseEmulatorArguments<Options>(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  spec: CliSpec<Options>,
): CliCommand<Options> {
  const switches = Object.fromEntries(spec.switches.map((name) => [name, { type: "boolean" as const }]));
  // The flags are only known at run time here, so parseArgs can't type its values; textOf and `=== true` read them.
  let values: Readonly<Record<string, unknown>>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { ...COMMON_FLAGS, ...switches }, strict: true }));
  } catch (error) {
    return { kind: "invalid", message: messageOf(error) };
  }
  if (values.help === true) return { kind: "help" };
  // An empty port variable (a blank line in an .env file) counts as unset.
  const variable = env[spec.portVariable]?.trim();
  const fromEnvironment = variable === "" ? undefined : variable;
  const portText = textOf(values.port) ?? fromEnvironment ?? String(spec.defaultPort);
  const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) return { kind: "invalid", message: `invalid port '${portText}'` };
  const host = textOf(values.host);
  const seed = textOf(values.seed);
  const snapshot = textOf(values.snapshot);
  const common: CommonEmulatorOptions = {
    port,
    ...(host === undefined ? {} : { host }),
    ...(seed === undefined ? {} : { idsSeed: seed }),
    ...(values["manual-clock"] === true ? { clock: new ManualClock(new Date()) } : {}),
  };
  const given = new Set(spec.switches.filter((name) => values[name] === true));
  const parsed: CliArguments = {
    common,
    ...(snapshot === undefined ? {} : { snapshot }),
    ...(seed === undefined ? {} : { seed }),
    switches: given,
  };
  return { kind: "start", options: spec.toOptions(parsed) };
}

/** What main.ts needs to know about its emulator. */
export interface EmulatorEntryPoint<Options, Emulator extends { close(): Promise<void> }> {
  /** How messages name it, e.g. "Dataverse emulator". */
  readonly name: string;
  readonly usage: string;
  readonly parse: (argv: readonly string[], env: NodeJS.ProcessEnv) => CliCommand<Options>;
  readonly start: (options: Options) => Promise<Emulator>;
  readonly banner: (emulator: Emulator) => string;
}

/** The parts of `process` an entry point uses, so a test can pass a stand-in. */
export interface CliProcess {
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  exitCode: number | string | undefined;
  once(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * Runs an emulator from the command line: usage for --help; usage and exit code 2 for a bad argument; otherwise
 * starts it, prints its banner, and closes it on the first SIGINT or SIGTERM, after which the process exits by
 * itself. Never rejects: a failure is printed and sets exit code 1.
 */
export async function runEmulatorCli<Options, Emulator extends { close(): Promise<void> }>(
  entry: EmulatorEntryPoint<Options, Emulator>,
  host: CliProcess = process,
): Promise<void> {
  try {
    await start(entry, host);
  } catch (error) {
    host.stderr.write(`the ${entry.name} failed to start: ${messageOf(error)}\n`);
    host.exitCode = 1;
  }
}

async function start<Options, Emulator extends { close(): Promise<void> }>(
  entry: EmulatorEntryPoint<Options, Emulator>,
  host: CliProcess,
): Promise<void> {
  const command = entry.parse(host.argv.slice(2), host.env);
  if (command.kind === "help") {
    host.stdout.write(`${entry.usage}\n`);
    return;
  }
  if (command.kind === "invalid") {
    host.stderr.write(`${command.message}\n${entry.usage}\n`);
    host.exitCode = 2;
    return;
  }
  const emulator = await entry.start(command.options);
  host.stdout.write(`${entry.banner(emulator)}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    host.stdout.write(`${signal} received, stopping the ${entry.name}\n`);
    emulator.close().then(
      () => {
        host.stdout.write("stopped\n");
      },
      (error: unknown) => {
        host.stderr.write(`could not stop cleanly: ${messageOf(error)}\n`);
        host.exitCode = 1;
      },
    );
  };
  host.once("SIGINT", stop);
  host.once("SIGTERM", stop);
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
