import { describe, expect, it } from "vitest";
import {
  buildRemoteExecutionContext,
  MEMBERS_REMOVED_WHEN_OVERSIZED,
  typedValue,
  writeDataContractJson,
} from "../../../../emulators/dataverse/webhooks";
import {
  CORRELATION_ID,
  endpoint as fixtureEndpoint,
  parseBody,
  registrations,
  step,
  updateNotification,
  WEBHOOK_KEY,
} from "./fixtures";
import { GUID, harnessPerTest } from "./harness";

describe("the request a webhook receives", () => {
  const started = harnessPerTest();

  it("is a POST with the documented lower-case headers", async () => {
    const { caller, receiver, endpoint } = await started();
    caller.startAsynchronousSteps(updateNotification(), registrations([step()], [endpoint()]));
    await caller.idle();
    const [request] = receiver.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/hook");
    expect(request?.headers).toMatchObject({
      "content-type": "application/json",
      "x-ms-dynamics-organization": "org6eadd181.crm.dynamics.com",
      "x-ms-dynamics-entity-name": "opportunity",
      "x-ms-dynamics-request-name": "Update",
      "x-ms-correlation-request-id": CORRELATION_ID,
    });
    expect(request?.headers["x-request-id"]).toMatch(GUID);
    expect(request?.headers).not.toHaveProperty("x-ms-dynamics-msg-size-exceeded");
  });

  it("carries exactly the serialized context, with the system job id as OperationId", async () => {
    const { caller, receiver, endpoint } = await started();
    const registered = step();
    const [jobId = "none"] = caller.startAsynchronousSteps(
      updateNotification(),
      registrations([registered], [endpoint()]),
    );
    await caller.idle();
    const expected = buildRemoteExecutionContext(updateNotification(), registered, endpoint(), { operationId: jobId });
    expect(receiver.requests[0]?.text).toBe(writeDataContractJson(expected));
    expect(receiver.requests[0]?.text).toContain("http:\\/\\/schemas.microsoft.com\\/xrm\\/2011\\/Contracts");
    expect(parseBody(receiver.requests[0]?.text ?? "").OperationId).toBe(jobId);
  });

  it("puts a WebhookKey in ?code= and nowhere else", async () => {
    const { caller, receiver, endpoint } = await started();
    caller.startAsynchronousSteps(updateNotification(), registrations([step()], [endpoint()]));
    await caller.idle();
    const [request] = receiver.requests;
    expect([...(request?.query ?? [])]).toEqual([["code", WEBHOOK_KEY]]);
    expect(JSON.stringify(request?.headers)).not.toContain(WEBHOOK_KEY);
    expect(request?.text).not.toContain(WEBHOOK_KEY);
  });

  it("sends HttpHeader settings as headers, with no query string", async () => {
    const { caller, receiver, endpoint } = await started();
    const authvalue = `<settings><setting name="X-Api-Key" value="header-secret" /><setting name="X-Tenant" value="t1" /></settings>`;
    caller.startAsynchronousSteps(
      updateNotification(),
      registrations([step()], [endpoint({ authtype: 5, authvalue })]),
    );
    await caller.idle();
    const [request] = receiver.requests;
    expect(request?.headers).toMatchObject({ "x-api-key": "header-secret", "x-tenant": "t1" });
    expect([...(request?.query ?? [])]).toEqual([]);
  });

  it("sends HttpQueryString settings as query parameters", async () => {
    const { caller, receiver, endpoint } = await started();
    const authvalue = `<settings><setting name="Key1" value="Value1" /><setting name="Key2" value="a&amp;b" /></settings>`;
    caller.startAsynchronousSteps(
      updateNotification(),
      registrations([step()], [endpoint({ authtype: 6, authvalue })]),
    );
    await caller.idle();
    expect([...(receiver.requests[0]?.query ?? [])]).toEqual([
      ["Key1", "Value1"],
      ["Key2", "a&b"],
    ]);
    expect(receiver.requests[0]?.headers).not.toHaveProperty("key1");
  });

  it("trims a body over 256 KB and flags it with x-ms-dynamics-msg-size-exceeded", async () => {
    const { caller, receiver, endpoint } = await started();
    const huge = updateNotification({
      target: { description: typedValue.string("x".repeat(300 * 1024)) },
      changedAttributes: ["description"],
    });
    caller.startAsynchronousSteps(huge, registrations([step()], [endpoint()]));
    await caller.idle();
    const [request] = receiver.requests;
    expect(request?.headers["x-ms-dynamics-msg-size-exceeded"]).toBe("true");
    const trimmed = parseBody(request?.text ?? "");
    for (const member of MEMBERS_REMOVED_WHEN_OVERSIZED) expect(trimmed).not.toHaveProperty(member);
    expect(trimmed).toMatchObject({
      PrimaryEntityId: huge.id,
      PrimaryEntityName: "opportunity",
      MessageName: "Update",
    });
    expect(request?.body.byteLength).toBeLessThan(256 * 1024);
  });

  it("honours a configured size limit and header value, and leaves bodies at the limit alone", async () => {
    // The URL is not part of the body, so the fixture endpoint gives the size the receiver will see.
    const syncStep = step({ mode: 0 });
    const size = Buffer.byteLength(
      writeDataContractJson(buildRemoteExecutionContext(updateNotification(), syncStep, fixtureEndpoint())),
    );
    const { caller, receiver, endpoint } = await started({ maxBodyBytes: size, sizeExceededHeaderValue: "1" });
    const registered = registrations([syncStep], [endpoint()]);
    await caller.runSynchronousSteps(updateNotification(), registered);
    const longerName = updateNotification({ target: { name: typedValue.string("Contoso / 500 seats!") } });
    await caller.runSynchronousSteps(longerName, registered);
    expect(receiver.requests[0]?.headers).not.toHaveProperty("x-ms-dynamics-msg-size-exceeded");
    expect(receiver.requests[0]?.body.byteLength).toBe(size);
    expect(receiver.requests[1]?.headers["x-ms-dynamics-msg-size-exceeded"]).toBe("1");
    expect(parseBody(receiver.requests[1]?.text ?? "")).not.toHaveProperty("InputParameters");
  });
});
