/**
 * Backfill throughput: an organization with many opportunities marked Sync with Partner Center = Yes (written into
 * the emulator directly, so no webhook fires), then `cosell-bridge backfill --push` run in this process exactly as
 * the command line runs it, timed from start to summary. The emulators run in child processes. Afterwards it counts
 * what both sides show: one referral per opportunity, and every synced row written back.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../server/cli/command";
import { runCli } from "../../server/cli/main";
import { silentSyncLogger } from "../../server/runtime/logger";
import { openServiceParts } from "../../server/runtime/parts";
import {
  configFromEnvironment,
  dropPostgresSchema,
  freePort,
  stackEnvironment,
  stackSchema,
  type StackStorage,
} from "../../test/support/bridgeStack";
import { startBenchEmulators } from "./emulatorProcess";
import type { SyncedRows } from "./organizationRows";

export interface BackfillResults {
  readonly opportunities: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** CPU time of the service's process (the command, and PGlite when it is the store), per opportunity. */
  readonly cpuMsPerRecord: number;
  /** CPU time of each emulator process during the run, per opportunity. */
  readonly emulatorCpuMsPerRecord: { readonly dataverse: number; readonly partnerCenter: number };
  readonly referralsCreated: number;
  /** Referrals whose externalReferenceId repeats another's: must be 0. */
  readonly duplicateReferrals: number;
  readonly rows: SyncedRows;
  readonly exitCode: number;
  readonly summary: readonly string[];
}

function benchIo(env: Readonly<Record<string, string>>): CliIo & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (line) => lines.push(line),
    err: (line) => process.stderr.write(`  ${line}\n`),
    status: () => undefined,
    isTerminal: false,
    env,
    cwd: process.cwd(),
    stopRequested: new Promise<void>(() => undefined),
  };
}

export async function measureBackfill(
  storage: StackStorage,
  wanted: number,
  concurrency: number,
): Promise<BackfillResults> {
  const name = "bench-backfill";
  // Real Dataverse allows an application user 6,000 requests per 5 minutes (dataverse.md §4.4), which alone makes
  // a 10,000-record backfill take 15 minutes or more; this measures the service, so the limit is off.
  const emulators = await startBenchEmulators(name, {
    // About 55 % of the demo organization's opportunities are open; twice as many rows leaves enough open ones to
    // opt in exactly `wanted`.
    seed: { opportunities: wanted * 2 },
    serviceProtection: false,
  });
  const dataDir = await mkdtemp(join(tmpdir(), "cosell-bench-"));
  const schema = stackSchema(name);
  const env = {
    ...stackEnvironment(emulators.dataverse, emulators.partnerCenter, { kind: storage, dataDir }, await freePort()),
    DATABASE_SCHEMA: schema,
  };
  try {
    const opportunities = await emulators.optIn(wanted);
    // As if the service had run before: the database and the queue's tables exist when the backfill starts.
    const parts = await openServiceParts(configFromEnvironment(env), silentSyncLogger, { schema });
    await parts.close();

    const io = benchIo({ ...env, LOG_LEVEL: "silent" });
    const startedAt = performance.now();
    const serviceBefore = process.cpuUsage();
    const cpuBefore = await emulators.cpuMs();
    const exitCode = await runCli(["backfill", "--push", "--concurrency", String(concurrency)], io);
    const seconds = (performance.now() - startedAt) / 1000;
    const service = process.cpuUsage(serviceBefore);
    const cpuAfter = await emulators.cpuMs();
    const referrals = await emulators.partnerCenterAdmin.referrals();
    const distinct = new Set(referrals.map((referral) => referral.externalReferenceId?.toLowerCase()));
    return {
      opportunities,
      seconds,
      perSecond: opportunities / seconds,
      cpuMsPerRecord: (service.user + service.system) / 1000 / opportunities,
      emulatorCpuMsPerRecord: {
        dataverse: (cpuAfter.dataverse - cpuBefore.dataverse) / opportunities,
        partnerCenter: (cpuAfter.partnerCenter - cpuBefore.partnerCenter) / opportunities,
      },
      referralsCreated: distinct.size,
      duplicateReferrals: referrals.length - distinct.size,
      rows: await emulators.syncedRows(),
      exitCode,
      summary: io.lines,
    };
  } finally {
    await emulators.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (storage === "postgres") await dropPostgresSchema(schema);
  }
}
