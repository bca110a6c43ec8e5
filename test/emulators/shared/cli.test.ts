/**
 * The command line both emulators share: the common flags and the port, and the entry point's process concerns,
 * driven through a stand-in process.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../emulators/shared/clock";
import {
  parseEmulatorArguments,
  runEmulatorCli,
  type CliArguments,
  type CliProcess,
  type CliSpec,
  type EmulatorEntryPoint,
} from "../../../emulators/shared/cli";

const TOY_CLI: CliSpec<CliArguments> = {
  portVariable: "TOY_PORT",
  defaultPort: 7000,
  switches: ["quiet"],
  toOptions: (parsed) => parsed,
};

describe("parseEmulatorArguments", () => {
  it("takes the port from --port, else the variable (unless blank), else the default", () => {
    const portOf = (argv: string[], env: NodeJS.ProcessEnv) => {
      const command = parseEmulatorArguments(argv, env, TOY_CLI);
      return command.kind === "start" ? command.options.common.port : command;
    };
    expect(portOf([], {})).toBe(7000);
    expect(portOf([], { TOY_PORT: " 7100 " })).toBe(7100);
    expect(portOf([], { TOY_PORT: "  " })).toBe(7000);
    expect(portOf(["--port", "0"], { TOY_PORT: "7100" })).toBe(0);
    expect(portOf(["--port", "65536"], {})).toEqual({ kind: "invalid", message: "invalid port '65536'" });
    expect(portOf([], { TOY_PORT: "-1" })).toEqual({ kind: "invalid", message: "invalid port '-1'" });
  });

  it("reads the common flags and the emulator's own switches", () => {
    const command = parseEmulatorArguments(
      ["--host", "0.0.0.0", "--seed", "s", "--snapshot", "f.json", "--manual-clock", "--quiet"],
      {},
      TOY_CLI,
    );
    expect(command).toMatchObject({
      kind: "start",
      options: { common: { port: 7000, host: "0.0.0.0", idsSeed: "s" }, seed: "s", snapshot: "f.json" },
    });
    if (command.kind !== "start") throw new Error("expected a start command");
    expect(command.options.common.clock).toBeInstanceOf(ManualClock);
    expect([...command.options.switches]).toEqual(["quiet"]);
    expect(parseEmulatorArguments([], {}, TOY_CLI)).toEqual({
      kind: "start",
      options: { common: { port: 7000 }, switches: new Set() },
    });
  });

  it("answers help, and says what is wrong with an unknown flag or another emulator's switch", () => {
    expect(parseEmulatorArguments(["--help", "--port", "x"], {}, TOY_CLI)).toEqual({ kind: "help" });
    expect(parseEmulatorArguments(["--colour"], {}, TOY_CLI)).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("'--colour'") as unknown,
    });
    expect(parseEmulatorArguments(["--no-demo-data"], {}, TOY_CLI)).toMatchObject({ kind: "invalid" });
  });
});

interface StandIn extends CliProcess {
  readonly out: string[];
  readonly err: string[];
  readonly signals: Map<NodeJS.Signals, (signal: NodeJS.Signals) => void>;
}

function standIn(args: string[]): StandIn {
  const out: string[] = [];
  const err: string[] = [];
  const signals = new Map<NodeJS.Signals, (signal: NodeJS.Signals) => void>();
  return {
    argv: ["node", "main.ts", ...args],
    env: {},
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    exitCode: undefined,
    once: (signal, listener) => signals.set(signal, listener),
    out,
    err,
    signals,
  };
}

function toyEntry(
  close: () => Promise<void> = () => Promise.resolve(),
): EmulatorEntryPoint<CliArguments, { close(): Promise<void> }> {
  return {
    name: "Toy emulator",
    usage: "Usage: toy",
    parse: (argv, env) => parseEmulatorArguments(argv, env, TOY_CLI),
    start: (options) =>
      options.common.port === 13 ? Promise.reject(new Error("port 13 is unlucky")) : Promise.resolve({ close }),
    banner: () => "Toy emulator listening",
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("runEmulatorCli", () => {
  it("prints usage for --help and exits 0", async () => {
    const host = standIn(["--help"]);
    await runEmulatorCli(toyEntry(), host);
    expect(host.out).toEqual(["Usage: toy\n"]);
    expect(host.exitCode).toBeUndefined();
  });

  it("prints what is wrong and the usage for a bad argument, and exits 2", async () => {
    const host = standIn(["--port", "x"]);
    await runEmulatorCli(toyEntry(), host);
    expect(host.err).toEqual(["invalid port 'x'\nUsage: toy\n"]);
    expect(host.exitCode).toBe(2);
  });

  it("prints the banner, then stops once on the first signal", async () => {
    let closes = 0;
    const host = standIn([]);
    await runEmulatorCli(
      toyEntry(() => {
        closes += 1;
        return Promise.resolve();
      }),
      host,
    );
    expect(host.out).toEqual(["Toy emulator listening\n"]);
    expect([...host.signals.keys()]).toEqual(["SIGINT", "SIGTERM"]);
    host.signals.get("SIGTERM")?.("SIGTERM");
    host.signals.get("SIGINT")?.("SIGINT");
    await settled();
    expect(host.out.slice(1)).toEqual(["SIGTERM received, stopping the Toy emulator\n", "stopped\n"]);
    expect(closes).toBe(1);
    expect(host.exitCode).toBeUndefined();
  });

  it("exits 1 when the emulator can't start or can't stop cleanly", async () => {
    const unlucky = standIn(["--port", "13"]);
    await runEmulatorCli(toyEntry(), unlucky);
    expect(unlucky.err).toEqual(["the Toy emulator failed to start: port 13 is unlucky\n"]);
    expect(unlucky.exitCode).toBe(1);

    const stuck = standIn([]);
    await runEmulatorCli(
      toyEntry(() => Promise.reject(new Error("socket busy"))),
      stuck,
    );
    stuck.signals.get("SIGINT")?.("SIGINT");
    await settled();
    expect(stuck.err).toEqual(["could not stop cleanly: socket busy\n"]);
    expect(stuck.exitCode).toBe(1);
  });
});
