/**
 * `npm run bench:sync`: the sync service against both emulators on this machine, with no added latency, on the
 * embedded PGlite store (the `npm start` default). Prints latency both ways, Partner Center calls per change, the
 * webhook intake rate, and backfill throughput. Sizes can be lowered for a quick look: BENCH_CHANGES, BENCH_INTAKE,
 * BENCH_BACKFILL. Results and the machine go in bench/README.md.
 */
import { startBridgeStack, type BridgeStack, type StackOptions } from "../test/support/bridgeStack";
import { machineDescription } from "./lib/machine";
import { formatMs, type LatencySummary } from "./lib/stats";
import { measureBackfill, optInOpenOpportunities } from "./sync/backfill";
import { measureIntake } from "./sync/intake";
import { measureLatency, type CallCounter } from "./sync/latency";

/** The store: "pglite" (the default, as `npm start` runs) or "postgres" (the local server, DATABASE_URL). */
const storage = process.env.BENCH_STORAGE === "postgres" ? "postgres" : "pglite";

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

async function main(): Promise<void> {
  console.log(`Co-sell Bridge sync benchmark · ${machineDescription()}`);
  console.log(`Emulators and service in this process, ${storage} store, no added latency.\n`);

  const counter: CallCounter = { partnerCenterCalls: 0 };
  const observer = (call: { readonly api: string }) => {
    if (call.api === "partnerCenter") counter.partnerCenterCalls += 1;
  };
  const latency = await withStack(
    "bench-latency",
    {
      storage,
      dataverse: { seed: { opportunities: sizes.changes * 2 } },
      service: { clients: { observer } },
    },
    (stack) => measureLatency(stack, counter, sizes.changes),
  );
  console.log(`(${latency.invalid} demo opportunities were refused as invalid for Partner Center and left out)`);
  console.log(latencyLine("seller save → referral created in PC", latency.createToPartnerCenter));
  console.log(latencyLine("seller save → referral updated in PC", latency.updateToPartnerCenter));
  console.log(latencyLine("PC change → opportunity updated", latency.updateToDataverse));
  console.log(
    `PC calls per create ${latency.callsPerCreate.toFixed(2)}, per update ${latency.callsPerUpdate.toFixed(2)}, per Microsoft change ${latency.callsPerMicrosoftChange.toFixed(2)}`,
  );
  console.log(
    `PC calls per no-op save ${latency.callsPerNoOp.toFixed(2)}; in a 2 s window after the syncs (echoes) ${latency.callsPerEchoWindow}\n`,
  );

  const intake = await withStack(
    "bench-intake",
    { storage, dataverse: { seed: false }, registerWebhooks: false, service: { processJobs: false } },
    (stack) => measureIntake(stack, sizes.intake, 32),
  );
  console.log(
    `webhook intake: ${intake.acceptedPerSecond.toFixed(0)} accepted/s (${intake.requests} requests, ${intake.concurrency} senders, ${intake.refused} refused)`,
  );
  console.log(
    latencyLine("webhook acknowledgement", intake.ack).replace("p95", "p95") + `  p99 ${formatMs(intake.ack.p99Ms)}\n`,
  );

  const backfill = await withStack(
    "bench-backfill",
    {
      storage,
      dataverse: { seed: { opportunities: Math.ceil(sizes.backfill * 1.6) } },
      registerWebhooks: false,
      service: { processJobs: false },
    },
    async (stack) => {
      const opportunities = optInOpenOpportunities(stack, sizes.backfill);
      return measureBackfill(stack, opportunities, 16);
    },
  );
  console.log(
    `backfill: ${backfill.opportunities} opportunities in ${backfill.seconds.toFixed(1)} s = ${backfill.perSecond.toFixed(0)}/s; ${backfill.referralsCreated} referrals; exit ${backfill.exitCode}`,
  );
  for (const line of backfill.summary) console.log(`  ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
