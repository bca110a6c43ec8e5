/**
 * kill -9 for real: a child process claims a job and hangs; after SIGKILL, another queue instance runs the job
 * exactly once more. On PostgreSQL that happens while the child's lease runs out; PGlite serves one process per
 * folder, so there the folder is opened again after the kill and the job found running is recovered at start-up.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { JobQueue, type QueueEvent } from "../../../server/queue";
import { openDatabase, type Database } from "../../../server/store";
import { dropSchemas, POSTGRES_URL, postgresStorage, tempFolder, uniqueSchema } from "../store/testDatabases";
import { aJob, matching, recorder, sleep, uniqueQueueName, waitUntil, type TestJob } from "./queueHarness";

const WORKER = resolve(__dirname, "fixtures", "hangingWorker.ts");
const LEASE_MS = 1_000;

interface Worker {
  readonly child: ChildProcess;
  readonly lines: string[];
}

function startWorker(args: object): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(args)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => lines.push(line));
  return { child, lines };
}

async function killHard(worker: Worker): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  const exited = new Promise((done) => worker.child.once("exit", done));
  if (worker.child.pid !== undefined) process.kill(worker.child.pid, "SIGKILL");
  await exited;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  // Last registered first, and every one of them even after one fails (a leftover schema would outlive the run).
  const errors: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error: unknown) => errors.push(error));
  }
  if (errors.length > 0) throw new AggregateError(errors, "crash test cleanup failed");
});

async function runsAfterRecovery(queue: JobQueue<TestJob>, events: QueueEvent[]): Promise<number[]> {
  const attempts: number[] = [];
  queue.start((_, { attempt }) => Promise.resolve(void attempts.push(attempt)));
  await waitUntil("the job completed in the surviving queue", () => events.some((e) => e.type === "completed"), 15_000);
  await sleep(200);
  return attempts;
}

describe("a worker killed with SIGKILL in the middle of a job", () => {
  it("on PostgreSQL: the job runs exactly once more in another replica once the lease expires", async () => {
    const schema = uniqueSchema("queue_crash");
    const queueName = uniqueQueueName();
    cleanups.push(() => dropSchemas(schema));
    const database: Database = await openDatabase(postgresStorage(), { schema });
    cleanups.push(() => database.close());
    const { events, listener } = recorder();
    const survivor = await JobQueue.open<TestJob>({
      database,
      queueName,
      maxAttempts: 3,
      concurrency: 2,
      pollIntervalMs: 20,
      expireAfterMs: LEASE_MS,
      listener,
    });
    cleanups.push(async () => {
      await survivor.stop();
    });

    const worker = startWorker({ schema, queueName, expireAfterMs: LEASE_MS, postgresUrl: POSTGRES_URL });
    cleanups.push(() => killHard(worker));
    await waitUntil("the worker is ready", () => worker.lines.includes("ready"), 20_000);
    const { id } = await survivor.enqueue(aJob("opportunity:crash", 1));
    await waitUntil("the worker claimed the job", () => worker.lines.some((l) => l.startsWith("claimed")), 10_000);
    expect(worker.lines).toContain(`claimed ${id} 1`);
    await killHard(worker);

    expect(await runsAfterRecovery(survivor, events)).toEqual([2]);
    expect(events.find((event) => event.type === "failed")).toMatchObject({
      id,
      attempt: 1,
      reason: matching(/stopped answering \(no heartbeat for 1 s\)/),
    });
    expect(await survivor.problems()).toEqual([]);
  }, 40_000);

  it("on PGlite: the job runs exactly once more when the folder is opened again", async () => {
    const dataDir = tempFolder("queue_crash");
    cleanups.push(() => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    });
    const queueName = uniqueQueueName();
    const job = aJob("opportunity:crash", 1);
    const worker = startWorker({ schema: "cosell_bridge", queueName, expireAfterMs: 60_000, dataDir, enqueue: job });
    cleanups.push(() => killHard(worker));
    await waitUntil("the worker claimed the job", () => worker.lines.some((l) => l.startsWith("claimed")), 30_000);
    const id = worker.lines.find((l) => l.startsWith("claimed"))?.split(" ")[1];
    await killHard(worker);

    // The lock file of the killed process is still there; its process is gone, so the folder opens.
    const database = await openDatabase({ kind: "pglite", dataDir });
    cleanups.push(() => database.close());
    const { events, listener } = recorder();
    const restarted = await JobQueue.open<TestJob>({
      database,
      queueName,
      maxAttempts: 3,
      concurrency: 1,
      pollIntervalMs: 20,
      expireAfterMs: 60_000,
      listener,
    });
    cleanups.push(async () => {
      await restarted.stop();
    });
    expect(await runsAfterRecovery(restarted, events)).toEqual([2]);
    expect(events.find((event) => event.type === "completed")).toMatchObject({ id, attempt: 2 });
  }, 60_000);
});
