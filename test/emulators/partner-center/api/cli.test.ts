/**
 * `npm run emulator:partner-center`: the real entry point in a child process (started the way the npm script starts
 * it, through tsx), reached over HTTP, then stopped with SIGTERM; and its argument parsing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { killStartedClis, startEmulatorCli, type EmulatorCli } from "../../../support/emulatorCli";
import { ManualClock } from "../../../../emulators/shared/clock";
import { parseCliArguments } from "../../../../emulators/partner-center/cli";
import { DEFAULT_DELEGATED_CLIENT, DEFAULT_REFRESH_TOKEN, REFERRALS_PATH } from "../../../../emulators/partner-center";

afterEach(killStartedClis);

function startCli(args: readonly string[]): EmulatorCli {
  return startEmulatorCli("emulators/partner-center/main.ts", args, { PC_EMULATOR_PORT: "" });
}

describe("the command-line entry point", () => {
  it("prints where everything is, serves requests, and exits cleanly on SIGTERM", { timeout: 60_000 }, async () => {
    const cli = startCli(["--port", "0", "--manual-clock", "--seed", "cli-test"]);
    const [, url = ""] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    await cli.waitFor(/Press Ctrl\+C to stop\./);
    const banner = cli.output();
    expect(banner).toContain(`token endpoint  ${url}/`);
    expect(banner).toContain(DEFAULT_DELEGATED_CLIENT.clientId);
    expect(banner).toContain(`admin API       ${url}/admin`);
    expect(banner).toContain("clock           manual");

    const info = (await (await fetch(`${url}/admin`)).json()) as { tokenEndpoint: string; manualClock: boolean };
    expect(info.manualClock).toBe(true);
    const token = await fetch(info.tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        client_id: DEFAULT_DELEGATED_CLIENT.clientId,
        refresh_token: DEFAULT_REFRESH_TOKEN,
        scope: "https://api.partner.microsoft.com/.default",
      }).toString(),
    });
    expect(token.status).toBe(200);
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    const listed = await fetch(`${url}${REFERRALS_PATH}`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(listed.status).toBe(200);

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
  it("defaults to port 7071, or PC_EMULATOR_PORT, or --port", () => {
    expect(parseCliArguments([], {})).toEqual({ kind: "start", options: { port: 7071 } });
    expect(parseCliArguments([], { PC_EMULATOR_PORT: "7100" })).toEqual({ kind: "start", options: { port: 7100 } });
    expect(parseCliArguments([], { PC_EMULATOR_PORT: " " })).toEqual({ kind: "start", options: { port: 7071 } });
    expect(parseCliArguments(["--port", "0"], { PC_EMULATOR_PORT: "7100" })).toEqual({
      kind: "start",
      options: { port: 0 },
    });
  });

  it("reads host, snapshot, seed and manual clock; refuses a bad port", () => {
    const command = parseCliArguments(
      ["--host", "0.0.0.0", "--snapshot", "data/pc.json", "--seed", "demo", "--manual-clock"],
      {},
    );
    expect(command).toMatchObject({
      kind: "start",
      options: { host: "0.0.0.0", idsSeed: "demo", state: { snapshotFile: "data/pc.json" } },
    });
    expect(command.kind === "start" && command.options.clock instanceof ManualClock).toBe(true);
    expect(parseCliArguments(["--port", "http"], {})).toMatchObject({ kind: "invalid" });
    expect(parseCliArguments(["--port", "70000"], {})).toMatchObject({ kind: "invalid" });
    expect(parseCliArguments(["--help"], {})).toEqual({ kind: "help" });
  });
});
