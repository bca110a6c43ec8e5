/**
 * What the queue tests share: one database per engine and test file, a fresh queue name per test (so tests never see
 * each other's jobs), fast settings, a deferred to hold a handler mid-run, and an event recorder.
 */
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { JobQueue, type JobQueueOptions, type QueueEvent } from "../../../server/queue";
import type { Database } from "../../../server/store";
import { openTestDatabase, testStorage, type EngineName } from "../store/testDatabases";

export interface TestJob {
  readonly kind: "test";
  readonly dedupeKey: string;
  readonly n: number;
  /** Changes folded into this job by the test's coalesce function. */
  readonly seen?: readonly number[];
}

export function aJob(key: string, n: number): TestJob {
  return { kind: "test", dedupeKey: key, n };
}

/** Keeps every change: the waiting job's numbers plus the incoming one. */
export function keepAll(waiting: TestJob, incoming: TestJob): TestJob {
  return { ...incoming, seen: [...(waiting.seen ?? [waiting.n]), ...(incoming.seen ?? [incoming.n])] };
}

export interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
}

export function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Asymmetric matchers, typed as what they are to the linter: values of unknown type. */
export const anyNumber: unknown = expect.any(Number);
export function matching(pattern: RegExp): unknown {
  return expect.stringMatching(pattern);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await sleep(5);
  }
}

export function recorder(): { events: QueueEvent[]; listener: (event: QueueEvent) => void } {
  const events: QueueEvent[] = [];
  return { events, listener: (event) => events.push(event) };
}

export function uniqueQueueName(): string {
  return `q_${randomBytes(4).toString("hex")}`;
}

/** Small numbers so that retries, leases and polls take milliseconds. */
export const FAST: Omit<JobQueueOptions<TestJob>, "database"> = {
  maxAttempts: 3,
  concurrency: 4,
  pollIntervalMs: 20,
  expireAfterMs: 1_000,
  backoff: { baseMs: 5, capMs: 20 },
};

/** One database per engine for a test file, and queues that are stopped after each test. */
export function queueFixture(engine: EngineName, prefix: string) {
  const { storage, schema, cleanup } = testStorage(engine, prefix);
  let database: Database | null = null;
  const open: JobQueue<TestJob>[] = [];
  return {
    storage,
    schema,
    get database(): Database {
      if (database === null) throw new Error("call setUp() in beforeAll");
      return database;
    },
    async setUp() {
      database = await openTestDatabase(storage, { schema });
    },
    async queue(options: Partial<JobQueueOptions<TestJob>> = {}): Promise<JobQueue<TestJob>> {
      const queue = await JobQueue.open<TestJob>({
        ...FAST,
        queueName: uniqueQueueName(),
        ...options,
        database: options.database ?? this.database,
      });
      open.push(queue);
      return queue;
    },
    async stopQueues() {
      await Promise.all(open.splice(0).map((queue) => queue.stop({ timeoutMs: 2_000 })));
    },
    async tearDown() {
      try {
        await this.stopQueues();
      } finally {
        try {
          await database?.close();
        } finally {
          await cleanup();
        }
      }
    },
  };
}
