import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { QueueEvent } from "../../../server/queue";
import { ENGINES } from "../store/testDatabases";
import { aJob, deferred, keepAll, matching, queueFixture, recorder, waitUntil, type TestJob } from "./queueHarness";

/** An error the way the HTTP clients throw them (server/sync/apiError.ts RetryHint). */
function apiFailure(message: string, hint: { retryable?: boolean; retryAfterMs?: number | null }): Error {
  return Object.assign(new Error(message), hint);
}

function ofType<T extends QueueEvent["type"]>(events: QueueEvent[], type: T): Extract<QueueEvent, { type: T }>[] {
  return events.filter((event): event is Extract<QueueEvent, { type: T }> => event.type === type);
}

describe.each(ENGINES)("retries on %s", (engine) => {
  const fixture = queueFixture(engine, "queue_retry");
  beforeAll(() => fixture.setUp());
  afterEach(() => fixture.stopQueues());
  afterAll(() => fixture.tearDown());

  it("waits at least the Retry-After the error asked for, however short the backoff", async () => {
    const { events, listener } = recorder();
    const queue = await fixture.queue({ backoff: { baseMs: 10, capMs: 10 }, listener });
    const attempts: { attempt: number; at: number }[] = [];
    let failedAt = 0;
    queue.start((_, { attempt }) => {
      attempts.push({ attempt, at: Date.now() });
      if (attempt > 1) return Promise.resolve();
      failedAt = Date.now();
      return Promise.reject(apiFailure("429 Too Many Requests from Partner Center", { retryAfterMs: 300 }));
    });
    await queue.enqueue(aJob("referral:1", 1));
    await waitUntil("the retry completed", () => ofType(events, "completed").length === 1);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2]);
    expect((attempts[1]?.at ?? 0) - failedAt).toBeGreaterThanOrEqual(300);
    expect(ofType(events, "failed")[0]).toMatchObject({
      attempt: 1,
      retryInMs: 300,
      reason: matching(/^429/),
    });
  });

  it("parks a job after maxAttempts, keeping the last reason and the attempt count", async () => {
    const { events, listener } = recorder();
    const queue = await fixture.queue({ maxAttempts: 3, listener });
    queue.start((_, { attempt }) => Promise.reject(new Error(`Dataverse answered 503 (attempt ${attempt})`)));
    const { id } = await queue.enqueue(aJob("opportunity:3", 1));
    await waitUntil("the job is parked", () => ofType(events, "parked").length === 1);
    expect(ofType(events, "failed").map((event) => event.attempt)).toEqual([1, 2]);
    const problems = await queue.problems();
    expect(problems).toEqual([
      expect.objectContaining({
        id,
        kind: "test",
        dedupeKey: "opportunity:3",
        state: "parked",
        attempts: 3,
        reason: "Dataverse answered 503 (attempt 3)",
        nextAttemptAt: null,
        job: aJob("opportunity:3", 1),
      }),
    ]);
    expect(Date.parse(problems[0]?.lastAttemptAt ?? "")).not.toBeNaN();
    expect(await queue.depth()).toMatchObject({ queued: 0, running: 0, retrying: 0, failed: 1 });
    expect(await queue.pendingFor("opportunity:3")).toEqual([]);
  });

  it("parks at once on an error that is not retryable", async () => {
    const { events, listener } = recorder();
    const queue = await fixture.queue({ maxAttempts: 5, listener });
    queue.start(() => Promise.reject(apiFailure("400 Bad Request: customer name missing", { retryable: false })));
    await queue.enqueue(aJob("opportunity:4", 1));
    await waitUntil("the job is parked", () => ofType(events, "parked").length === 1);
    expect(ofType(events, "started").map((event) => event.attempt)).toEqual([1]);
    expect((await queue.problems())[0]).toMatchObject({
      attempts: 1,
      reason: "400 Bad Request: customer name missing",
    });
  });

  it("lists a job that waits for its next attempt as retrying, with its next attempt time", async () => {
    const queue = await fixture.queue({ backoff: { baseMs: 60_000, capMs: 60_000 }, random: () => 0.5 });
    const failed = deferred();
    queue.start(() => {
      failed.resolve();
      return Promise.reject(new Error("connection reset"));
    });
    await queue.enqueue(aJob("opportunity:5", 1));
    await failed.promise;
    await waitUntil("the job is retrying", async () => (await queue.depth()).retrying === 1);
    const [problem] = await queue.problems();
    expect(problem).toMatchObject({ state: "retrying", attempts: 1, reason: "connection reset" });
    expect(Date.parse(problem?.nextAttemptAt ?? "") - Date.now()).toBeGreaterThan(20_000);
    expect((await queue.pendingFor("opportunity:5"))[0]).toMatchObject({ state: "retrying", attempts: 1 });
  });

  it("folds a change that arrived during a failed run into the retry, which keeps its backoff", async () => {
    const queue = await fixture.queue({ coalesce: keepAll });
    const runs: TestJob[] = [];
    const held = deferred();
    queue.start(async (job) => {
      runs.push(job);
      if (runs.length > 1) return;
      await held.promise;
      throw new Error("Partner Center timed out");
    });
    await queue.enqueue(aJob("referral:6", 1));
    await waitUntil("the first run started", () => runs.length === 1);
    expect((await queue.enqueue(aJob("referral:6", 2))).coalesced).toBe(false);
    held.resolve();
    await waitUntil("nothing is pending", async () => (await queue.pendingFor("referral:6")).length === 0);
    expect(runs).toEqual([aJob("referral:6", 1), { ...aJob("referral:6", 2), seen: [1, 2] }]);
  });

  it("brings parked jobs back with retry and retryAll, and says when there is nothing to retry", async () => {
    const { events, listener } = recorder();
    let healthy = false;
    const queue = await fixture.queue({ maxAttempts: 1, listener });
    queue.start(() => (healthy ? Promise.resolve() : Promise.reject(new Error("Partner Center is down"))));
    const jobs = await Promise.all([1, 2, 3].map((n) => queue.enqueue(aJob(`opportunity:r${n}`, n))));
    await waitUntil("three jobs are parked", () => ofType(events, "parked").length === 3);
    healthy = true;
    expect(await queue.retry(jobs[0]?.id ?? "")).toBe("retried");
    await waitUntil("the retried job completed", () => ofType(events, "completed").length === 1);
    expect(await queue.retry(jobs[0]?.id ?? "")).toBe("not-failed");
    expect(await queue.retry("00000000-0000-4000-8000-000000000000")).toBe("not-found");
    expect(await queue.retry("not-a-job-id")).toBe("not-found");
    expect(await queue.retryAll()).toBe(2);
    await waitUntil("all completed", () => ofType(events, "completed").length === 3);
    expect(await queue.problems()).toEqual([]);
    expect(
      ofType(events, "started")
        .filter((event) => event.id === jobs[1]?.id)
        .map((e) => e.attempt),
    ).toEqual([1, 2]);
  });

  it("gives a retried job a fresh set of attempts", async () => {
    const { events, listener } = recorder();
    const queue = await fixture.queue({ maxAttempts: 2, listener });
    queue.start(() => Promise.reject(new Error("still failing")));
    const { id } = await queue.enqueue(aJob("opportunity:fresh", 1));
    await waitUntil("parked once", () => ofType(events, "parked").length === 1);
    await queue.retry(id);
    await waitUntil("parked twice", () => ofType(events, "parked").length === 2);
    expect(ofType(events, "started").map((event) => event.attempt)).toEqual([1, 2, 3, 4]);
    expect((await queue.problems())[0]).toMatchObject({ id, attempts: 4 });
  });

  it("parks a stored job the reader cannot read, without running the handler", async () => {
    const { events, listener } = recorder();
    const read = (data: unknown): TestJob => {
      const job = data as TestJob;
      if (job.n < 0) throw new Error("n must not be negative");
      return job;
    };
    const queue = await fixture.queue({ read, listener });
    let handled = 0;
    queue.start(() => Promise.resolve(void (handled += 1)));
    await queue.enqueue(aJob("opportunity:bad", -1));
    await waitUntil("the job is parked", () => ofType(events, "parked").length === 1);
    expect(handled).toBe(0);
    expect((await queue.problems())[0]?.reason).toMatch(/cannot be read \(n must not be negative\)/);
  });

  it("fails an attempt that outruns the handler timeout and aborts its signal", async () => {
    const { events, listener } = recorder();
    const queue = await fixture.queue({ handlerTimeoutMs: 50, maxAttempts: 1, listener });
    let aborted = false;
    queue.start(
      (_, { signal }) =>
        new Promise<void>((resolve) => {
          signal.addEventListener("abort", () => {
            aborted = true;
            resolve();
          });
        }),
    );
    await queue.enqueue(aJob("opportunity:slow", 1));
    await waitUntil("the job is parked", () => ofType(events, "parked").length === 1);
    expect(aborted).toBe(true);
    expect(ofType(events, "parked")[0]?.reason).toMatch(/did not finish within 50 ms/);
  });
});
