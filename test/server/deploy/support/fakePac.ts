/**
 * A stand-in for the Power Platform CLI (the real one can't be installed here, shared/reference/toolchain.md §1): an
 * executable `pac` in a folder of its own, to put on the PATH deploy searches. It appends each argument list to a log
 * and behaves as pac would for the calls deploy makes: `solution import` imports the zip through the environment's
 * ImportSolution with a token the test gives it (with --import-as-holding it only keeps the zip), `solution upgrade`
 * then imports the kept zip; FAKE_PAC_FAIL makes the import fail with pac-like output.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";

const SCRIPT = `#!/usr/bin/env node
const fs = require("node:fs");
const args = process.argv.slice(2);
const log = process.env.FAKE_PAC_LOG;
fs.appendFileSync(log, JSON.stringify(args) + "\\n");
const option = (name) => args[args.indexOf(name) + 1];
async function importZip(path) {
  const answer = await fetch(process.env.FAKE_PAC_API + "/ImportSolution", {
    method: "POST",
    headers: { authorization: "Bearer " + process.env.FAKE_PAC_TOKEN, "content-type": "application/json" },
    body: JSON.stringify({ CustomizationFile: fs.readFileSync(path).toString("base64") }),
  });
  if (answer.status !== 204) {
    console.error("Error: " + (await answer.text()));
    process.exit(1);
  }
}
(async () => {
  if (args[0] === "solution" && args[1] === "import") {
    console.log("Solution Importing...");
    if (process.env.FAKE_PAC_FAIL) {
      console.error("Error: Solution import failed: " + process.env.FAKE_PAC_FAIL);
      process.exit(1);
    }
    if (args.includes("--import-as-holding")) fs.writeFileSync(log + ".holding", option("--path"));
    else await importZip(option("--path"));
    console.log("Solution Imported successfully.");
  } else if (args[0] === "solution" && args[1] === "upgrade") {
    await importZip(fs.readFileSync(log + ".holding", "utf8"));
    console.log("Solution Upgrade completed.");
  } else {
    console.error("fake pac: unexpected arguments");
    process.exit(2);
  }
})();
`;

export interface FakePac {
  /** PATH with the fake pac first, then node's folder (for its #! line). */
  readonly path: string;
  /** The argument lists pac was called with, in order. */
  calls(): string[][];
  /** The variables the fake reads: its log, and where and as whom it imports. */
  env(api: string, token: string, fail?: string): Record<string, string>;
  remove(): void;
}

export function createFakePac(): FakePac {
  const folder = mkdtempSync(join(tmpdir(), "fake-pac-"));
  const executable = join(folder, "pac");
  writeFileSync(executable, SCRIPT);
  chmodSync(executable, 0o755);
  const log = join(folder, "calls.log");
  writeFileSync(log, "");
  return {
    path: `${folder}${delimiter}${dirname(process.execPath)}`,
    calls: () =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as string[]),
    env: (api, token, fail) => ({
      FAKE_PAC_LOG: log,
      FAKE_PAC_API: api,
      FAKE_PAC_TOKEN: token,
      ...(fail === undefined ? {} : { FAKE_PAC_FAIL: fail }),
    }),
    remove: () => {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
