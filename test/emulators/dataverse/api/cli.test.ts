/**
 * `npm run emulator:dataverse`: the real entry point in a child process (started as the npm script starts it,
 * through tsx), reached over HTTP with a client-credentials token, then stopped with SIGTERM; and its arguments.
 */
import { afterEach, describe, expect, it } from "vitest";
import { killStartedClis, startEmulatorCli, type EmulatorCli } from "../../../support/emulatorCli";
import { parseCliArguments } from "../../../../emulators/dataverse/cli";
import { DEFAULT_INTEGRATION_CLIENT } from "../../../../emulators/dataverse";
import { ManualClock } from "../../../../emulators/shared/clock";
import { clientCredentialsToken } from "./harness";

afterEach(killStartedClis);

function startCli(args: readonly string[]): EmulatorCli {
  return startEmulatorCli("emulators/dataverse/main.ts", args, { DV_EMULATOR_PORT: "" });
}

describe("the command-line entry point", () => {
  it("prints where everything is, serves WhoAmI, and exits cleanly on SIGTERM", { timeout: 60_000 }, async () => {
    const cli = startCli(["--port", "0", "--manual-clock", "--no-demo-data", "--seed", "cli-test"]);
    const [, url = ""] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    await cli.waitFor(/Press Ctrl\+C to stop\./);
    const banner = cli.output();
    expect(banner).toContain(`Web API         ${url}/api/data/v9.2`);
    expect(banner).toContain(`admin API       ${url}/admin`);
    expect(banner).toContain(DEFAULT_INTEGRATION_CLIENT.clientId);
    expect(banner).toContain(DEFAULT_INTEGRATION_CLIENT.clientSecret);
    expect(banner).toContain("clock           manual");

    const info = (await (await fetch(`${url}/admin`)).json()) as {
      tokenEndpoint: string;
      users: { integrationUserId: string };
    };
    const token = await clientCredentialsToken({ url, tokenEndpoint: info.tokenEndpoint });
    const who = await fetch(`${url}/api/data/v9.2/WhoAmI`, { headers: { authorization: `Bearer ${token}` } });
    expect(who.status).toBe(200);
    expect(((await who.json()) as { UserId: string }).UserId).toBe(info.users.integrationUserId);

    cli.child.kill("SIGTERM");
    expect(await cli.exited()).toEqual({ code: 0, signal: null });
    expect(cli.output()).toContain("SIGTERM received");
    expect(cli.output()).toContain("stopped");
    await expect(fetch(`${url}/admin`)).rejects.toThrow();
  });

  it("prints usage and exits 2 for an unknown flag", { timeout: 60_000 }, async () => {
    const cli = startCli(["--colour"]);
    expect((await cli.exited()).code).toBe(2);
  });
});

describe("argument parsing", () => {
  it("defaults to port 7072, or DV_EMULATOR_PORT, or --port", () => {
    expect(parseCliArguments([], {})).toEqual({ kind: "start", options: { port: 7072 } });
    expect(parseCliArguments([], { DV_EMULATOR_PORT: "7200" })).toEqual({ kind: "start", options: { port: 7200 } });
    expect(parseCliArguments([], { DV_EMULATOR_PORT: " " })).toEqual({ kind: "start", options: { port: 7072 } });
    expect(parseCliArguments(["--port", "0"], { DV_EMULATOR_PORT: "7200" })).toEqual({
      kind: "start",
      options: { port: 0 },
    });
  });

  it("reads host, snapshot, seed, demo data and manual clock; refuses a bad port", () => {
    const command = parseCliArguments(
      ["--host", "0.0.0.0", "--snapshot", "data/dv.json", "--seed", "demo-2", "--no-demo-data", "--manual-clock"],
      {},
    );
    expect(command).toMatchObject({
      kind: "start",
      options: {
        host: "0.0.0.0",
        idsSeed: "demo-2",
        snapshotFile: "data/dv.json",
        seed: { demo: false, seed: "demo-2" },
      },
    });
    expect(command.kind === "start" && command.options.clock instanceof ManualClock).toBe(true);
    expect(parseCliArguments(["--port", "http"], {})).toMatchObject({ kind: "invalid" });
    expect(parseCliArguments(["--port", "70000"], {})).toMatchObject({ kind: "invalid" });
    expect(parseCliArguments(["--help"], {})).toEqual({ kind: "help" });
  });
});
