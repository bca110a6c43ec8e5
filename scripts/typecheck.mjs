// Type-checks every TypeScript program of the repository, one tsconfig at a time, and fails if any of them fails.
// A folder that has no TypeScript yet is reported as such instead of failing with TS18003 ("No inputs were found").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { findControlFolders } from "./lib/pcf-controls.mjs";

const programs = [
  { config: "tsconfig.json", what: "PCF program (controls + core, DOM)" },
  { config: "core/tsconfig.json", what: "core without DOM or Node globals" },
  { config: "emulators/tsconfig.json", what: "emulators" },
  { config: "server/tsconfig.json", what: "server" },
  { config: "server/http/operator/browser/tsconfig.json", what: "operator page (browser)" },
  { config: "webresources/tsconfig.json", what: "web resources" },
  { config: "solution/tsconfig.json", what: "solution source and packer" },
  { config: "demo/tsconfig.json", what: "demo host server" },
  { config: "demo/host/browser/tsconfig.json", what: "demo host page (browser)" },
  { config: "test/tsconfig.json", what: "tests and benchmarks" },
];

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
let failures = 0;

// The controls import generated/ManifestTypes.d.ts, which pcf-scripts writes from each manifest and git ignores.
if (findControlFolders("controls").length > 0) {
  const refresh = spawnSync(process.execPath, [require.resolve("pcf-scripts/bin/pcf-scripts.js"), "refreshTypes"], {
    encoding: "utf8",
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "1" },
  });
  if (refresh.status !== 0 || !/\[refreshTypes\]\s+Succeeded/.test(refresh.stdout)) {
    console.error(`✖ pcf-scripts refreshTypes failed\n${refresh.stdout}${refresh.stderr}`);
    process.exit(1);
  }
}

for (const { config, what } of programs) {
  if (!existsSync(config)) {
    console.error(`✖ ${config} is missing (${what})`);
    failures += 1;
    continue;
  }
  const started = performance.now();
  const result = spawnSync(process.execPath, [tsc, "--noEmit", "--pretty", "-p", config], { encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    console.log(`✔ ${config} (${what}) ${seconds}s`);
  } else if (output.includes("TS18003")) {
    console.log(`– ${config} (${what}): no TypeScript sources yet`);
  } else {
    console.error(`✖ ${config} (${what})\n${output}`);
    failures += 1;
  }
}

if (failures > 0) {
  console.error(`typecheck failed in ${failures} program(s)`);
  process.exit(1);
}
