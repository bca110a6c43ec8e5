// Builds the PCF controls with pcf-scripts and fails loudly when the build fails. pcf-scripts prints "[build] Failed"
// and still exits 0 on a TypeScript, manifest or lint error (shared/reference/toolchain.md, section 2, pitfall 2), so
// its exit code alone proves nothing: this wrapper also reads its output and checks that every bundle was rewritten.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { judgePcfBuild } from "./lib/pcf-build-verdict.mjs";
import { findControlFolders, readBundleTimes } from "./lib/pcf-controls.mjs";

const mode = process.argv.includes("--dev") ? "development" : "production";
const controls = findControlFolders("controls");

if (controls.length === 0) {
  console.log("build:controls: no PCF control under controls/ yet, nothing to build.");
  process.exit(0);
}

const startedAt = Date.now();
const pcfScripts = createRequire(import.meta.url).resolve("pcf-scripts/bin/pcf-scripts.js");
const result = spawnSync(process.execPath, [pcfScripts, "build", "--buildMode", mode], {
  encoding: "utf8",
  env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "1" },
});
const output = `${result.stdout}${result.stderr}`;
process.stdout.write(output);

const verdict = judgePcfBuild({
  exitCode: result.status,
  output,
  startedAt,
  bundles: readBundleTimes("out/controls", controls),
});
if (!verdict.ok) {
  console.error(`\n✖ build:controls failed: ${verdict.reason}`);
  process.exit(1);
}
console.log(`✔ build:controls (${mode}): ${controls.map((control) => control.name).join(", ")}`);
