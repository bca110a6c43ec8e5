/**
 * `npm run bench:sync`: the sync service against both emulators on this machine, with no added latency, on the
 * embedded PGlite store (the `npm start` default; BENCH_STORAGE=postgres for the local PostgreSQL). Prints latency
 * both ways, Partner Center calls per change, the webhook intake rate, and backfill throughput. Sizes can be lowered
 * for a quick look (BENCH_CHANGES, BENCH_INTAKE, BENCH_BACKFILL) and parts chosen (BENCH_ONLY=latency,intake,backfill).
 * Results and the machine go in bench/README.md.
 */
import { startBridgeStack, type BridgeStack, type StackOptions } from "../test/support/bridgeStack";
import { machineDescription } from "./lib/machine";
import { formatMs, type LatencySummary } from "./lib/stats";
import { measureBackfill } from "./sync/backfill";
import { measureIntake } from "./sync/intake";
import { measureLatency, type CallCounter } from "./sync/latency";

/** The store: "pglite" (the default, as `npm start` runs) or "postgres" (the local server, DATABASE_URL). */
const storage = process.env.BENCH_STORAGE === "postgres" ? "postgres" : "pglite";

/** Which parts to run, e.g. BENCH_ONLY=backfill; default all. */
const only = new Set((process.env.BENCH_ONLY ?? "latency,intake,backfill").split(","));

const sizes = {
  changes: Number(process.env.BENCH_CHANGES ?? 200),
  intake: Number(process.env.BENCH_INTAKE ?? 5_000),
  backfill: Number(process.env.BENCH_BACKFILL ?? 10_000),
};

function latencyLine(label: string, summary: LatencySummary): string {
  return `${label.padEnd(44)} p50 ${formatMs(summary.p50Ms).padStart(8)}  p95 ${formatMs(summary.p95Ms).padStart(8)}  max ${formatMs(summary.maxMs).padStart(8)}  (n=${summary.samples})`;
}

async function withStack<T>(
  name: string,
  options: Omit<StackOptions, "name">,
  run: (stack: BridgeStack) => Promise<T>,
): Promise<T> {
  const stack = await startBridgeStack({ ...options, name });
  try {
    return await run(stack);
  } finally {
    await stack.stop();
  }
}

async function latencyPart(): Promise<void> {
  const counter: CallCounter = { partnerCenterCalls: 0 };
  const observer = (call: { readonly api: string }) => {
    if (call.api === "partnerCenter") counter.partnerCenterCalls += 1;
  };
  const latency = await withStack(
    "bench-latency",
    { storage, dataverse: { seed: { opportunities: sizes.changes * 2 } }, service: { clients: { observer } } },
    (stack) => measureLatency(stack, counter, sizes.changes),
  );
  console.log(`(${latency.invalid} demo opportunities were refused as invalid for Partner Center and left out)`);
  console.log(latencyLine("seller save → referral created in PC", latency.createToPartnerCenter));
  console.log(latencyLine("seller save → referral updated in PC", latency.updateToPartnerCenter));
  console.log(latencyLine("PC change → opportunity updated", latency.updateToDataverse));
  const perChange = `per create ${latency.callsPerCreate.toFixed(2)}, per update ${latency.callsPerUpdate.toFixed(2)}`;
  console.log(`PC calls ${perChange}, per Microsoft change ${latency.callsPerMicrosoftChange.toFixed(2)}`);
  const quiet = `in a 2 s window after the syncs (echoes) ${latency.callsPerEchoWindow}`;
  console.log(`PC calls per no-op save ${latency.callsPerNoOp.toFixed(2)}; ${quiet}\n`);
}

async function intakePart(): Promise<void> {
  const intake = await measureIntake(storage, sizes.intake, 32);
  const load = `${intake.requests} requests, ${intake.concurrency} senders, ${intake.refused} refused`;
  console.log(
    `webhook intake: ${intake.acceptedPerSecond.toFixed(0)} accepted/s (${load}); ${intake.storedJobs} jobs stored`,
  );
  console.log(`  service CPU ${intake.cpuMsPerRequest.toFixed(2)} ms per request`);
  console.log(`${latencyLine("webhook acknowledgement", intake.ack)}  p99 ${formatMs(intake.ack.p99Ms)}\n`);
}

async function backfillPart(): Promise<void> {
  const backfill = await measureBackfill(storage, sizes.backfill, 16);
  const rate = `${backfill.seconds.toFixed(1)} s = ${backfill.perSecond.toFixed(0)}/s`;
  console.log(`backfill: ${backfill.opportunities} opportunities in ${rate}; exit code ${backfill.exitCode}`);
  const { dataverse, partnerCenter } = backfill.emulatorCpuMsPerRecord;
  console.log(
    `  CPU per opportunity: service ${backfill.cpuMsPerRecord.toFixed(2)} ms; emulators: ` +
      `Dataverse ${dataverse.toFixed(2)} ms, Partner Center ${partnerCenter.toFixed(2)} ms`,
  );
  const { rows } = backfill;
  console.log(
    `  Partner Center: ${backfill.referralsCreated} referrals, ${backfill.duplicateReferrals} duplicates; Dynamics: ` +
      `${rows.complete} rows written back complete, ${rows.error} refused (invalid demo data), ${rows.other} other`,
  );
  for (const line of backfill.summary) console.log(`  ${line}`);
}

async function main(): Promise<void> {
  console.log(`Co-sell Bridge sync benchmark · ${machineDescription()}`);
  console.log(`${storage} store, no added latency. Latency: emulators and service in this process; intake and`);
  console.log("backfill: each emulator in a child process of its own (they are remote systems in production).\n");
  if (only.has("latency")) await latencyPart();
  if (only.has("intake")) await intakePart();
  if (only.has("backfill")) await backfillPart();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
