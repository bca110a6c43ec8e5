import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../server/cli/main";
import { commands } from "../../../server/cli/commands";
import { recordingIo } from "./cliIo";

describe("cosell-bridge", () => {
  it("lists every command with its summary on --help, and exits 0", async () => {
    const io = recordingIo();
    expect(await runCli(["--help"], io)).toBe(0);
    for (const command of commands) {
      expect(io.stdout.some((line) => line.includes(command.name) && line.includes(command.summary))).toBe(true);
    }
  });

  it("prints the command list and exits 2 when no command is given", async () => {
    const io = recordingIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.stdout.join("\n")).toContain("Commands:");
  });

  it("names an unknown command and the known ones", async () => {
    const io = recordingIo();
    expect(await runCli(["sycn"], io)).toBe(2);
    expect(io.stderr[0]).toContain("unknown command 'sycn'");
    expect(io.stderr[0]).toContain("config check");
  });

  it("asks for the subcommand of a command group", async () => {
    const io = recordingIo();
    expect(await runCli(["config"], io)).toBe(2);
    expect(io.stderr[0]).toBe("✖ 'config' needs a subcommand: config check");
  });

  it.each(commands.map((command) => [command.name]))("'%s --help' prints its usage and exits 0", async (name) => {
    const io = recordingIo();
    expect(await runCli([...name.split(" "), "--help"], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^Usage: cosell-bridge /);
    expect(io.stderr).toEqual([]);
  });

  it("runs through the real binary (bin/cosell-bridge.mjs) with exit codes", () => {
    const help = spawnSync(process.execPath, ["bin/cosell-bridge.mjs", "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Co-sell Bridge");
    const check = spawnSync(process.execPath, ["bin/cosell-bridge.mjs", "config", "check"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("✖ PUBLIC_URL: is not set.");
    const typo = spawnSync(process.execPath, ["bin/cosell-bridge.mjs", "config", "check", "--bogus"], {
      encoding: "utf8",
    });
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain("--bogus");
  });
});
