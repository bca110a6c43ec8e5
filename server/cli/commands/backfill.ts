import type { SyncEngine, SyncRecord } from "../../sync";
import { createJobHandler } from "../../runtime/jobHandler";
import type { ServiceJob } from "../../runtime/jobs";
import { silentSyncLogger } from "../../runtime/logger";
import { openServiceParts, type ServiceParts } from "../../runtime/parts";
import { parseCommandArguments, positiveInteger } from "../args";
import type { CliCommand, CliIo } from "../command";
import { CONFIG_OPTION_USAGE, configOption, loadCommandConfig } from "../loadCommandConfig";
import { createProgress, type Progress } from "../progress";

const options = {
  ...configOption,
  push: { type: "boolean" },
  pull: { type: "boolean" },
  concurrency: { type: "string" },
} as const;

type Outcome = SyncRecord["outcome"];

/** The engine, counting the outcome of every sync the backfill runs. */
function tallying(engine: SyncEngine, tally: Map<Outcome, number>): SyncEngine {
  const count = (record: SyncRecord) => {
    tally.set(record.outcome, (tally.get(record.outcome) ?? 0) + 1);
    return record;
  };
  return {
    ...engine,
    syncOpportunity: async (job) => count(await engine.syncOpportunity(job)),
    syncReferral: async (job) => count(await engine.syncReferral(job)),
  };
}

/** Enqueues written together by the queue's group commit: listing doesn't wait for each one. */
const ENQUEUES_IN_FLIGHT = 500;

async function listJobs(parts: ServiceParts, wanted: (job: ServiceJob) => boolean, io: CliIo): Promise<number> {
  const progress = createProgress(io, "listing");
  let enqueued = 0;
  let inFlight: Promise<void>[] = [];
  const flush = async () => {
    const batch = inFlight;
    inFlight = [];
    await Promise.all(batch);
  };
  await parts.engine.reconcile({
    backfill: true,
    enqueue: async (job) => {
      if (!wanted(job)) return;
      inFlight.push(
        parts.queue.enqueue(job, { priority: -1 }).then(() => {
          enqueued += 1;
          progress.update(enqueued, null);
        }),
      );
      if (inFlight.length >= ENQUEUES_IN_FLIGHT) await flush();
    },
  });
  await flush();
  progress.finish();
  return enqueued;
}

async function waitForQueue(
  parts: ServiceParts,
  total: number,
  tally: Map<Outcome, number>,
  io: CliIo,
  progress: Progress,
) {
  const stop = { requested: false };
  void io.stopRequested.then(() => {
    stop.requested = true;
  });
  for (;;) {
    const done = [...tally.values()].reduce((sum, count) => sum + count, 0);
    progress.update(Math.min(done, total), total);
    const depth = await parts.queue.depth();
    if (depth.queued + depth.running + depth.retrying === 0 || stop.requested) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  progress.finish();
  return stop.requested;
}

/** `cosell-bridge backfill`: push every opted-in opportunity and pull every referral, through the queue. */
export const backfillCommand: CliCommand = {
  name: "backfill",
  summary: "push every Sync = Yes opportunity to Partner Center and pull every referral, with progress",
  usage: [
    "Usage: cosell-bridge backfill [--push] [--pull] [--concurrency <n>] [--config <file>]",
    "  Lists every opportunity with Sync with Partner Center = Yes and every referral, and syncs each through the same",
    "  queue and engine as webhooks: nothing is created twice, and a second run only changes what differs.",
    "  Ctrl+C stops; what was listed but not synced stays queued and runs when the service next starts.",
    "  --push             only opportunities → Partner Center",
    "  --pull             only referrals → Dataverse",
    "  --concurrency <n>  syncs at once (default 8)",
    CONFIG_OPTION_USAGE,
  ].join("\n"),
  async run(argv, io) {
    const { values } = parseCommandArguments(argv, options);
    const concurrency = positiveInteger("concurrency", values.concurrency, 8);
    const loaded = loadCommandConfig(io, values.config);
    if (loaded === null) return 1;
    const { config, schema } = loaded;
    const pushOnly = values.push === true && values.pull !== true;
    const pullOnly = values.pull === true && values.push !== true;
    const wanted = (job: ServiceJob) =>
      pushOnly ? job.kind === "dataverse-opportunity" : pullOnly ? job.kind === "partner-center-referral" : true;

    const startedAt = Date.now();
    const parts = await openServiceParts(config, silentSyncLogger, { schema, concurrency, pollIntervalMs: 100 });
    const tally = new Map<Outcome, number>();
    try {
      const engine = tallying(parts.engine, tally);
      const handler = createJobHandler({
        ...parts,
        engine,
        enqueue: (job, enqueueOptions) => parts.queue.enqueue(job, enqueueOptions),
        maxAttempts: config.queue.maxAttempts,
        logger: silentSyncLogger,
      });
      // Syncing starts with the first listed record, while the rest is still being listed.
      const syncing = createProgress(io, "syncing");
      parts.queue.start(handler);
      const total = await listJobs(parts, wanted, io);
      const interrupted = await waitForQueue(parts, total, tally, io, syncing);
      const problems = await parts.queue.problems({ limit: 1000 });
      const seconds = (Date.now() - startedAt) / 1000;
      io.out(`${interrupted ? "Interrupted" : "Backfill done"}: ${total} records in ${seconds.toFixed(1)} s.`);
      for (const [outcome, count] of [...tally.entries()].sort()) io.out(`  ${outcome.padEnd(9)} ${count}`);
      if (problems.length > 0) {
        io.out(
          `  ${problems.length} job(s) failed; \`cosell-bridge status\` lists them, \`cosell-bridge retry --all\` retries them.`,
        );
      }
      return problems.length > 0 || interrupted ? 1 : 0;
    } finally {
      await parts.close();
    }
  },
};
