// `npm start`: the whole Co-sell Bridge loop on this machine (demo/README.md). It first runs `npm run build` when
// out/ lacks the built control, web resources or solution zips, or when their sources changed after them, then runs
// demo/main.ts with tsx. The build's own scripts fail loudly (build-controls.mjs reads pcf-scripts' output, since
// pcf-scripts exits 0 on errors), so a failed build stops here with its exit code instead of starting a stale demo.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Newest modification time (ms) of the files under `folder`, skipping generated and installed ones; 0 if none. */
function newestSource(folder) {
  let newest = 0;
  const walk = (directory) => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk(path.join(root, folder));
  return newest;
}

/** The modification time of the newest file matching `pattern` in `folder`, or null when there is none. */
function builtTime(folder, pattern) {
  const directory = path.join(root, folder);
  if (!existsSync(directory)) return null;
  const times = readdirSync(directory)
    .filter((name) => pattern.test(name))
    .map((name) => statSync(path.join(directory, name)).mtimeMs);
  return times.length === 0 ? null : Math.max(...times);
}

/** Why the build must run first, or null when out/ is complete and newer than its sources. */
export function whyBuild() {
  const core = newestSource("core");
  const artifacts = [
    {
      what: "the CoSellPanel control",
      built: builtTime("out/controls/CoSellPanel", /^bundle\.js$/),
      sources: ["controls", "core"],
    },
    {
      what: "the web resources",
      built: builtTime("out/webresources", /^meta\.json$/),
      sources: ["webresources", "core"],
    },
    {
      what: "the solution zips",
      built: builtTime("out", /^CoSellBridge_[\d_]+_managed\.zip$/),
      sources: ["solution", "core", "out/controls", "out/webresources"],
    },
  ];
  for (const artifact of artifacts) {
    if (artifact.built === null) return `out/ has no build of ${artifact.what}`;
    const changed = artifact.sources.find(
      (folder) => (folder === "core" ? core : newestSource(folder)) > artifact.built,
    );
    if (changed !== undefined) return `${changed}/ changed after the last build of ${artifact.what}`;
  }
  return null;
}

function build(reason) {
  console.log(`Building first: ${reason} (npm run build, about 2 minutes).\n`);
  const result = spawnSync(npm, ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(
      `\n✖ npm run build failed${result.status === null ? "" : ` (exit code ${result.status})`}: the demo runs the ` +
        "built control, web resources and solution, so it can't start. Fix the errors above, then run npm start again.",
    );
    process.exit(result.status ?? 1);
  }
  console.log("");
}

function run() {
  const reason = whyBuild();
  if (reason !== null) build(reason);
  // Its own process group: a Ctrl+C in the terminal reaches this process once, and the demo gets exactly the signals
  // forwarded below (it reads a second SIGINT as "stop at once").
  const demo = spawn(process.execPath, ["--import", "tsx", path.join(root, "demo/main.ts")], {
    cwd: root,
    stdio: "inherit",
    detached: true,
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (demo.exitCode === null) demo.kill(signal);
    });
  }
  demo.on("exit", (code, signal) => {
    process.exit(code ?? (signal === null ? 1 : 128 + (signal === "SIGINT" ? 2 : 15)));
  });
}

if (process.argv[1] === import.meta.filename) run();
