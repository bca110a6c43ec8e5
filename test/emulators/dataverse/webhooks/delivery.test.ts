import { describe, expect, it } from "vitest";
import { AsyncOperationStatus, DEFAULT_FAILURE_ERROR_CODE } from "../../../../emulators/dataverse/webhooks";
import {
  CORRELATION_ID,
  OPPORTUNITY_ID,
  parseBody,
  registrations,
  step,
  updateNotification,
  WEBHOOK_KEY,
} from "./fixtures";
import { harnessPerTest } from "./harness";
import type { Answer } from "./receiver";

/** Answers the n-th request with the n-th status, then 200. */
function answers(...statuses: Answer[]): (request: unknown, index: number) => Answer {
  return (_request, index) => statuses[index] ?? 200;
}

describe("calling webhook steps", () => {
  const started = harnessPerTest();

  it("returns a synchronous step's failure to the caller, skipping the commit and the async steps", async () => {
    const { caller, receiver, jobs, endpoint } = await started();
    receiver.answerWith(answers(500));
    const syncStep = step({ mode: 0, name: "sync" });
    const committed: string[] = [];
    const result = await caller.dispatch(
      updateNotification(),
      registrations([syncStep, step({ mode: 1 })], [endpoint()]),
      () => {
        committed.push("commit");
      },
    );
    await caller.idle();
    expect(result).toMatchObject({
      ok: false,
      failure: { reason: "status", statusCode: 500, attempts: 1, stepId: syncStep.sdkmessageprocessingstepid },
    });
    expect(result.ok ? "" : result.failure.message).toContain(receiver.url);
    expect(result.ok ? "" : result.failure.message).not.toContain(WEBHOOK_KEY);
    expect(committed).toEqual([]);
    expect(receiver.requests).toHaveLength(1);
    expect(jobs).toEqual([]);
  });

  it("runs synchronous steps before the commit and asynchronous ones after it, each in rank order", async () => {
    const { caller, receiver, endpoint } = await started();
    const events: string[] = [];
    receiver.answerWith((request) => {
      events.push((parseBody(request.text).OwningExtension as { Id: string }).Id);
      return 200;
    });
    const steps = [
      step({ mode: 1, rank: 2, sdkmessageprocessingstepid: "async-2" }),
      step({ mode: 0, rank: 2, sdkmessageprocessingstepid: "sync-2" }),
      step({ mode: 1, rank: 1, sdkmessageprocessingstepid: "async-1" }),
      step({ mode: 0, rank: 1, sdkmessageprocessingstepid: "sync-1" }),
      step({ mode: 1, rank: 3, sdkmessageprocessingstepid: "async-3", enabled: false }),
    ];
    const result = await caller.dispatch(updateNotification(), registrations(steps, [endpoint()]), () => {
      events.push("commit");
    });
    await caller.idle();
    expect(result).toEqual({ ok: true, called: 2 });
    expect(events).toEqual(["sync-1", "sync-2", "commit", "async-1", "async-2"]);
  });

  it("does not wait for asynchronous steps", async () => {
    const { caller, receiver, endpoint } = await started();
    const ids = caller.startAsynchronousSteps(updateNotification(), registrations([step(), step()], [endpoint()]));
    expect(ids).toHaveLength(2);
    expect(receiver.requests).toHaveLength(0);
    await caller.idle();
    expect(receiver.requests).toHaveLength(2);
  });

  it("sends nothing when an Update changed no filtered column", async () => {
    const { caller, receiver, endpoint } = await started();
    const filtered = [
      step({ filteringattributes: "estimatedvalue" }),
      step({ mode: 0, filteringattributes: "statecode" }),
    ];
    const result = await caller.dispatch(updateNotification(), registrations(filtered, [endpoint()]));
    await caller.idle();
    expect(result).toEqual({ ok: true, called: 0 });
    expect(receiver.requests).toHaveLength(0);
  });

  it.each([502, 503, 504])("retries an async step exactly once after %i, then records success", async (status) => {
    const { caller, receiver, jobs, endpoint } = await started();
    receiver.answerWith(answers(status));
    const [jobId] = caller.startAsynchronousSteps(updateNotification(), registrations([step()], [endpoint()]));
    await caller.idle();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]?.text).toBe(receiver.requests[0]?.text);
    expect(receiver.requests[1]?.headers["x-request-id"]).not.toBe(receiver.requests[0]?.headers["x-request-id"]);
    expect(jobs).toMatchObject([
      { asyncoperationid: jobId, statuscode: AsyncOperationStatus.Succeeded, retrycount: 1 },
    ]);
  });

  it("gives up after the one retry", async () => {
    const { caller, receiver, jobs, endpoint } = await started();
    receiver.answerWith(answers(503, 503, 200));
    caller.startAsynchronousSteps(updateNotification(), registrations([step()], [endpoint()]));
    await caller.idle();
    expect(receiver.requests).toHaveLength(2);
    expect(jobs).toMatchObject([{ statuscode: 31, retrycount: 1 }]);
    expect(jobs[0]?.message).toContain("HTTP 503, then HTTP 503");
  });

  it("does not retry a 500 and records a failed system job whose texts hold no key", async () => {
    const { caller, receiver, jobs, clock, endpoint } = await started();
    receiver.answerWith(answers(500));
    const registered = step({ name: "pc-sync: Update of opportunity" });
    const [jobId] = caller.startAsynchronousSteps(updateNotification(), registrations([registered], [endpoint()]));
    await caller.idle();
    expect(receiver.requests).toHaveLength(1);
    expect(jobs).toEqual([
      {
        asyncoperationid: jobId,
        name: "pc-sync: Update of opportunity",
        operationtype: 1,
        statecode: 3,
        statuscode: 31,
        friendlymessage: expect.stringContaining("HTTP 500") as string,
        message: expect.stringContaining(receiver.url) as string,
        errorcode: DEFAULT_FAILURE_ERROR_CODE,
        messagename: "Update",
        primaryentitytype: "opportunity",
        regardingobjectid: OPPORTUNITY_ID,
        owningextensionid: registered.sdkmessageprocessingstepid,
        correlationid: CORRELATION_ID,
        depth: 1,
        retrycount: 0,
        createdon: clock.now().toISOString(),
        startedon: clock.now().toISOString(),
        completedon: clock.now().toISOString(),
      },
    ]);
    expect(JSON.stringify(jobs)).not.toContain(WEBHOOK_KEY);
    expect(JSON.stringify(jobs)).not.toContain(encodeURIComponent(WEBHOOK_KEY));
    expect(parseBody(receiver.requests[0]?.text ?? "").OperationId).toBe(jobId);
  });

  it("keeps HttpHeader and HttpQueryString secrets out of failure texts", async () => {
    const { caller, receiver, jobs, endpoint } = await started();
    receiver.answerWith(() => 401);
    const header = `<settings><setting name="x-api-key" value="header-secret" /></settings>`;
    const query = `<settings><setting name="token" value="query-secret" /></settings>`;
    const endpoints = [
      endpoint({ serviceendpointid: "e-header", authtype: 5, authvalue: header }),
      endpoint({ serviceendpointid: "e-query", authtype: 6, authvalue: query }),
    ];
    const steps = [
      step({ eventHandlerServiceEndpointId: "e-header" }),
      step({ eventHandlerServiceEndpointId: "e-query" }),
    ];
    caller.startAsynchronousSteps(updateNotification(), registrations(steps, endpoints));
    await caller.idle();
    expect(jobs.map((job) => job.statuscode)).toEqual([31, 31]);
    expect(JSON.stringify(jobs)).not.toMatch(/header-secret|query-secret/);
  });

  it("fails a call that gets no answer within the timeout, without retrying", async () => {
    const { caller, receiver, jobs, endpoint } = await started({ timeoutMs: 20 });
    receiver.answerWith(() => "hang");
    const syncResult = await caller.runSynchronousSteps(
      updateNotification(),
      registrations([step({ mode: 0 })], [endpoint()]),
    );
    expect(syncResult).toMatchObject({ ok: false, failure: { reason: "timeout", attempts: 1 } });
    caller.startAsynchronousSteps(updateNotification(), registrations([step()], [endpoint()]));
    await caller.idle();
    expect(receiver.requests).toHaveLength(2);
    expect(jobs).toMatchObject([{ statuscode: 31 }]);
    expect(jobs[0]?.message).toContain("no response within 20 ms");
  });

  it("records a network failure when the endpoint cannot be reached", async () => {
    const { caller, receiver, jobs, endpoint } = await started();
    await receiver.close();
    caller.startAsynchronousSteps(updateNotification(), registrations([step()], [endpoint()]));
    await caller.idle();
    expect(jobs).toMatchObject([{ statuscode: 31 }]);
    expect(jobs[0]?.message).toContain("could not be sent (ECONNREFUSED)");
  });

  it("keeps successful jobs unless asyncautodelete, and failed ones always", async () => {
    const { caller, receiver, jobs, endpoint } = await started();
    receiver.answerWith((request) =>
      (parseBody(request.text).OwningExtension as { Id: string }).Id === "fails" ? 500 : 200,
    );
    const steps = [
      step({ sdkmessageprocessingstepid: "kept" }),
      step({ sdkmessageprocessingstepid: "deleted", asyncautodelete: true }),
      step({ sdkmessageprocessingstepid: "fails", asyncautodelete: true }),
    ];
    caller.startAsynchronousSteps(updateNotification(), registrations(steps, [endpoint()]));
    await caller.idle();
    expect(receiver.requests).toHaveLength(3);
    expect(jobs.map((job) => [job.owningextensionid, job.statuscode])).toEqual([
      ["kept", 30],
      ["fails", 31],
    ]);
    expect(jobs[0]).toMatchObject({ friendlymessage: null, message: null, errorcode: null });
  });

  it("reports an unusable registration as a failure without calling anything", async () => {
    const { caller, receiver, jobs, endpoint } = await started();
    const broken = endpoint({ authtype: 5, authvalue: "plain-secret-not-xml" });
    const result = await caller.runSynchronousSteps(updateNotification(), registrations([step({ mode: 0 })], [broken]));
    caller.startAsynchronousSteps(updateNotification(), registrations([step()], [broken]));
    await caller.idle();
    expect(result).toMatchObject({ ok: false, failure: { reason: "configuration", attempts: 0 } });
    expect(jobs).toMatchObject([{ statuscode: 31 }]);
    expect(JSON.stringify([result, jobs])).not.toContain("plain-secret-not-xml");
    expect(receiver.requests).toHaveLength(0);
  });

  it("ignores steps whose handler is not a registered webhook endpoint", async () => {
    const { caller, receiver, endpoint } = await started();
    const queue = endpoint({ serviceendpointid: "e-queue", contract: 2 });
    const steps = [
      step({ eventHandlerServiceEndpointId: "e-queue" }),
      step({ eventHandlerServiceEndpointId: "plugin" }),
    ];
    expect(caller.startAsynchronousSteps(updateNotification(), registrations(steps, [queue]))).toEqual([]);
    await caller.idle();
    expect(receiver.requests).toHaveLength(0);
  });

  it("surfaces an error thrown by onAsyncOperation from idle()", async () => {
    const { caller, endpoint } = await started({
      onAsyncOperation: () => {
        throw new Error("store is down");
      },
    });
    caller.startAsynchronousSteps(updateNotification(), registrations([step()], [endpoint()]));
    await expect(caller.idle()).rejects.toThrow("store is down");
    await expect(caller.idle()).resolves.toBeUndefined();
  });

  it("aborts calls under way on close, records nothing for them, and refuses new work", async () => {
    const { caller, receiver, jobs, endpoint } = await started();
    receiver.answerWith(() => "hang");
    caller.startAsynchronousSteps(updateNotification(), registrations([step(), step()], [endpoint()]));
    await receiver.received(1);
    await caller.close();
    expect(receiver.requests).toHaveLength(1);
    expect(jobs).toEqual([]);
    expect(() => caller.startAsynchronousSteps(updateNotification(), registrations([]))).toThrow(/closed/);
  });
});
