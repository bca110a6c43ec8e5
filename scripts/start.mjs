// `npm start`: runs what exists of the local loop and says what does not exist yet. It never fails because a part is
// missing; the full demo (emulators + sync service + a demo Opportunity form) replaces this as the parts land.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const parts = [
  { name: "Partner Center emulator", entry: "emulators/partner-center/main.ts" },
  { name: "Dataverse emulator", entry: "emulators/dataverse/main.ts" },
  // The service exists (`npx cosell-bridge serve`, server/README.md) but needs configuration pointing at the
  // emulators; wiring it in here is the job of the full demo.
  {
    name: "sync service",
    entry: "demo/service.ts",
    hint: "not started here yet: run `npx cosell-bridge serve` with its configuration (server/README.md)",
  },
  { name: "demo Opportunity form", entry: "demo/main.ts" },
];

const present = parts.filter((part) => existsSync(part.entry));
const missing = parts.filter((part) => !existsSync(part.entry));

console.log("Co-sell Bridge: local loop");
for (const part of missing) console.log(`  – ${part.name}: ${part.hint ?? "not built yet"}`);
if (present.length === 0) {
  console.log(
    "\nNothing runnable exists yet; `npm test` exercises what exists, and `npm run build` builds the control.",
  );
  process.exit(0);
}

const children = present.map((part) => {
  console.log(`  ✔ starting ${part.name} (${part.entry})`);
  const child = spawn(process.execPath, ["--import", "tsx", part.entry], { stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal === null) console.error(`${part.name} stopped with exit code ${String(code)}`);
  });
  return child;
});

function stopAll() {
  for (const child of children) child.kill("SIGTERM");
}
process.on("SIGINT", stopAll);
process.on("SIGTERM", stopAll);
console.log("\nPress Ctrl+C to stop.");
