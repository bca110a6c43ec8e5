/**
 * `npm start` (through scripts/start.mjs): the whole Co-sell Bridge loop on this machine, with no Microsoft account.
 * Prints each part as it comes up, then the URLs; Ctrl+C (or SIGTERM) stops everything in reverse order, deletes the
 * temp folder and exits 0; a second Ctrl+C exits at once. Settings: demo/README.md.
 */
import { rmSync } from "node:fs";
import { logLevels, type LogLevel } from "../server/config/types";
import { DemoStartError, messageOf } from "./stack/demoError";
import { portRequestsFromEnvironment } from "./stack/ports";
import { seconds } from "./stack/progress";
import { readableServiceLog } from "./stack/serviceLog";
import { startDemo, type RunningDemo } from "./stack/startDemo";

const say = (line: string) => process.stdout.write(`${line}\n`);
const warn = (line: string) => process.stderr.write(`${line}\n`);

let demo: RunningDemo | null = null;
let stopRequested = false;

async function stopAndExit(): Promise<never> {
  say("\nStopping: demo site, sync service (letting running jobs finish), emulators…");
  try {
    await demo?.stop();
    say("Stopped. Every port is free and the temp folder is deleted.");
    process.exit(0);
  } catch (error) {
    warn(`✖ Stopping failed: ${messageOf(error)}`);
    process.exit(1);
  }
}

function onSignal(): void {
  if (stopRequested) {
    warn("Stopping at once.");
    // Best effort: the temp folder is small to delete, and nothing else would ever delete it.
    if (demo !== null) rmSync(demo.workDir, { recursive: true, force: true });
    process.exit(130);
  }
  stopRequested = true;
  // During start-up, main() stops what started as soon as startDemo returns.
  if (demo !== null) void stopAndExit();
}

function logLevelOf(text: string | undefined): LogLevel {
  const level = (text ?? "").trim().toLowerCase();
  if (level === "") return "warn";
  if ((logLevels as readonly string[]).includes(level)) return level as LogLevel;
  throw new DemoStartError(`DEMO_LOG_LEVEL is '${level}'.`, `Set it to one of ${logLevels.join(", ")}, or unset it.`);
}

async function main(): Promise<void> {
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const started = performance.now();
  say("Co-sell Bridge demo: Dataverse, Partner Center, the sync service and a Dynamics-like site on this machine.\n");
  try {
    demo = await startDemo({
      ports: portRequestsFromEnvironment(process.env),
      report: say,
      serviceLogLevel: logLevelOf(process.env.DEMO_LOG_LEVEL),
      serviceLogStream: readableServiceLog(warn),
    });
  } catch (error) {
    if (error instanceof DemoStartError) {
      warn(`\n✖ ${error.message}\n  What to do: ${error.whatToDo}`);
    } else {
      const port = /EADDRINUSE.*:(\d+)/.exec(messageOf(error))?.[1];
      warn(`\n✖ The demo could not start: ${messageOf(error)}`);
      warn(
        port === undefined
          ? "  What to do: run `npm run build`, then `npm start` again; set DEBUG=1 to see where it failed."
          : `  What to do: port ${port} was taken meanwhile; stop what uses it (or set the DEMO_*_PORT variable), then start again.`,
      );
      if (process.env.DEBUG !== undefined && error instanceof Error) warn(error.stack ?? "");
    }
    process.exit(1);
  }
  if (stopRequested) await stopAndExit();
  const { urls } = demo;
  say(`\nReady in ${seconds(performance.now() - started)}. Open:`);
  say(`  Opportunities      ${urls.site}/`);
  say(`  An opportunity     ${urls.exampleForm}`);
  say(`  Partner Center     ${urls.partnerCenterView}`);
  say(`  Operator           ${urls.operator}`);
  say(`  Sync service       ${urls.service}  (/healthz, /openapi.json)`);
  say(`  Emulators          Dataverse ${urls.dataverse}, Partner Center ${urls.partnerCenter}`);
  say("\nPress Ctrl+C to stop.");
}

void main();
