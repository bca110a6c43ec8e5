/**
 * `cosell-bridge deploy` as an admin starts it, through the real binary in a child process: listed in the tool's
 * help, its own --help, a usage error for a missing or bad argument (exit 2), and a refusal (exit 1) that names the
 * profile it looked for under deploy/environments of the working directory.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../e2e/support/cli";

const repository = resolve(__dirname, "../../..");

describe("the deploy command", () => {
  it("is listed by cosell-bridge --help and explains itself with --help", async () => {
    const list = await runCommand(["--help"], {});
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toMatch(/^\s+deploy\s+deploy the solution to an environment/m);
    const help = await runCommand(["deploy", "--help"], {});
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("Usage: cosell-bridge deploy --env <name>");
    expect(help.stdout).toContain("--skip-smoke-test");
  }, 30_000);

  it("needs --env and a four-part --version", async () => {
    const missing = await runCommand(["deploy"], {});
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("✖ --env <name> is required");
    const version = await runCommand(["deploy", "--env", "staging", "--version", "1.2"], {});
    expect(version.exitCode).toBe(2);
    expect(version.stderr).toContain("--version needs a Dataverse version of four numbers");
  }, 30_000);

  it("refuses an environment without a profile, naming where it looked", async () => {
    const result = await runCommand(["deploy", "--env", "nowhere"], {});
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `There is no environment profile at ${resolve(repository, "deploy/environments/nowhere.json")}`,
    );
    expect(result.stderr).toContain("What to do: Create the profile (copy deploy/environments/staging.json)");
  }, 30_000);
});
