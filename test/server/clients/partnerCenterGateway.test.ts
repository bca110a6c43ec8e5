import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOLUTIONS } from "../../../emulators/partner-center";
import { ApiError } from "../../../server/sync/apiError";
import {
  callsTo,
  clientsFor,
  configFor,
  failureOf,
  HOUR_MS,
  startDataverse,
  startPartnerCenter,
  type TestClients,
  type TestDataverse,
  type TestPartnerCenter,
  withFreshRefreshToken,
} from "./harness";
import { aReferral } from "./fixtures";
import { startRecordingProxy, type RecordingProxy } from "./recordingProxy";

describe("HttpPartnerCenterGateway against the Partner Center emulator", () => {
  let dataverse: TestDataverse;
  let partnerCenter: TestPartnerCenter;
  let clients: TestClients;
  let proxy: RecordingProxy;

  beforeAll(async () => {
    [dataverse, partnerCenter] = await Promise.all([
      startDataverse({ seed: false }),
      startPartnerCenter({ state: { maxPageSize: 3 } }),
    ]);
    clients = clientsFor(configFor(dataverse, partnerCenter));
    proxy = await startRecordingProxy(partnerCenter.url);
  });
  afterAll(async () => {
    await Promise.all([dataverse.close(), partnerCenter.close(), proxy.close()]);
  });

  /** Clients whose Referrals API calls go through the recording proxy, so the headers they send can be read. */
  async function recordedClients(): Promise<TestClients> {
    const config = await withFreshRefreshToken(configFor(dataverse, partnerCenter), partnerCenter);
    return clientsFor({ ...config, partnerCenter: { ...config.partnerCenter, apiUrl: proxy.url } });
  }

  it("creates a referral, reads it back by id and by externalReferenceId, each with its quoted eTag", async () => {
    const created = await clients.partnerCenter.createReferral(aReferral("opp-'quoted'"));
    expect(created.value).toMatchObject({ name: "Fabrikam warehouse modernisation", status: "Active" });
    expect(created.etag).toMatch(/^".+"$/);
    expect(created.etag).toBe(created.value.eTag);

    const read = await clients.partnerCenter.getReferral(created.value.id);
    expect(read).toEqual(created);
    const found = await clients.partnerCenter.findReferralByExternalReferenceId("opp-'quoted'");
    expect(found?.value.id).toBe(created.value.id);
    expect(found?.etag).toBe(created.etag);
    await expect(clients.partnerCenter.findReferralByExternalReferenceId("no-such-opportunity")).resolves.toBeNull();
    await expect(clients.partnerCenter.getReferral("00000000-0000-4000-8000-000000000000")).resolves.toBeNull();
  });

  it("patches with If-Match and return=representation, and a stale eTag is a 412", async () => {
    const recorded = await recordedClients();
    const created = await recorded.partnerCenter.createReferral(aReferral("opp-patch"));
    const patched = await recorded.partnerCenter.patchReferral(
      created.value.id,
      [{ op: "replace", path: "/details/dealValue", value: 300000 }],
      created.etag,
    );
    const headers = proxy.requests.at(-1)?.headers ?? {};
    expect(proxy.requests.at(-1)?.method).toBe("PATCH");
    expect(headers["if-match"]).toBe(created.etag);
    expect(headers.prefer).toBe("return=representation");
    expect(headers["ms-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["ms-correlationid"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(patched.value.details?.dealValue).toBe(300000);
    expect(patched.etag).not.toBe(created.etag);

    const stale = await failureOf(() =>
      clients.partnerCenter.patchReferral(
        created.value.id,
        [{ op: "replace", path: "/details/notes", value: "x" }],
        created.etag,
      ),
    );
    expect(stale).toBeInstanceOf(ApiError);
    expect(stale).toMatchObject({ api: "partnerCenter", status: 412, code: "PreconditionFailed", retryable: false });
    expect((stale as Error).message).toMatch(/GET it again/);
    expect((await clients.partnerCenter.getReferral(created.value.id))?.value.details?.notes).not.toBe("x");
  });

  it("reads Partner Center's error body: code and description of a refused PATCH", async () => {
    const error = await failureOf(() =>
      clients.partnerCenter.patchReferral("00000000-0000-4000-8000-000000000000", [], '"x"'),
    );
    expect(error).toMatchObject({ status: 404, code: "NotFound", retryable: false });
    expect((error as Error).message).toContain("No referral has the id");
    expect((error as ApiError).request).toBe("PATCH /v1.0/engagements/referrals/00000000-0000-4000-8000-000000000000");
  });

  it("lists referrals updated since a watermark, oldest first, following @odata.nextLink", async () => {
    await partnerCenter.admin.resetReferrals();
    const ids: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      partnerCenter.clock.advance(60_000);
      ids.push((await clients.partnerCenter.createReferral(aReferral(`opp-list-${index}`, `Deal ${index}`))).value.id);
    }
    clients.calls.length = 0;
    const all = [];
    for await (const referral of clients.partnerCenter.listReferralsUpdatedSince(null)) all.push(referral);
    expect(all.map((referral) => referral.id)).toEqual(ids);
    // Eight referrals at three per page.
    expect(callsTo(clients.calls, "partnerCenter").map((call) => call.path)).toEqual(
      Array.from({ length: 3 }, () => "/v1.0/engagements/referrals"),
    );

    const watermark = all[4]?.updatedDateTime ?? "";
    const later = [];
    for await (const referral of clients.partnerCenter.listReferralsUpdatedSince(watermark)) later.push(referral.id);
    expect(later).toEqual(ids.slice(5));
  });

  it("lists the partner's co-sell solutions and pings", async () => {
    await expect(clients.partnerCenter.listSolutions()).resolves.toEqual(
      DEFAULT_SOLUTIONS.map(({ id, name }) => ({ id, name })),
    );
    await expect(clients.partnerCenter.ping()).resolves.toBeUndefined();
  });

  it("surfaces a 429 with Retry-After in seconds, or as an HTTP date", async () => {
    await partnerCenter.admin.addFault({
      match: { pathPrefix: "/v1.0/engagements/solutions" },
      fault: { kind: "rateLimit", limit: 0, windowMs: 60_000, retryAfterSeconds: 57 },
      remaining: 1,
    });
    const throttled = await failureOf(() => clients.partnerCenter.listSolutions());
    expect(throttled).toMatchObject({ api: "partnerCenter", status: 429, retryAfterMs: 57_000, retryable: true });
    expect((throttled as Error).message).toContain("Rate limit is exceeded");

    const at = new Date(Date.now() + 120_000).toUTCString();
    await partnerCenter.admin.addFault({
      match: { pathPrefix: "/v1.0/engagements/solutions" },
      fault: { kind: "status", status: 503, headers: { "retry-after": at } },
      remaining: 1,
    });
    const unavailable = await failureOf(() => clients.partnerCenter.listSolutions());
    expect(unavailable).toMatchObject({ status: 503, retryable: true });
    const waitMs = (unavailable as ApiError).retryAfterMs ?? 0;
    expect(waitMs).toBeGreaterThan(100_000);
    expect(waitMs).toBeLessThanOrEqual(120_000);
  });

  it("keeps MS-RequestId on the retry after a 401 and uses a fresh one for the next request", async () => {
    const recorded = await recordedClients();
    await recorded.partnerCenter.ping();
    // The emulator's clock moves past the token's hour: the cached token is now refused.
    partnerCenter.clock.advance(2 * HOUR_MS);
    recorded.calls.length = 0;
    const seen = proxy.requests.length;
    await recorded.partnerCenter.ping();
    await recorded.partnerCenter.ping();
    const apiHeaders = proxy.requests.slice(seen).map((request) => request.headers);
    expect(recorded.calls.map((call) => [call.api, call.status])).toEqual([
      ["partnerCenter", 401],
      ["tokens", 200],
      ["partnerCenter", 200],
      ["partnerCenter", 200],
    ]);
    const [first, retry, next] = apiHeaders.map((headers) => headers["ms-requestid"]);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);
    expect(next).not.toBe(first);
    expect(apiHeaders[0]?.authorization).not.toBe(apiHeaders[1]?.authorization);
  });
});

describe.each([
  { staleEtagStatus: 409 as const, code: "Conflict" },
  { staleEtagStatus: 400 as const, code: "2055" },
])("a stale eTag answered $staleEtagStatus (partner-center.md §1.6)", ({ staleEtagStatus, code }) => {
  let dataverse: TestDataverse;
  let partnerCenter: TestPartnerCenter;

  beforeAll(async () => {
    [dataverse, partnerCenter] = await Promise.all([
      startDataverse({ seed: false }),
      startPartnerCenter({ state: { staleEtagStatus } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([dataverse.close(), partnerCenter.close()]);
  });

  it("is reported as 412 with Partner Center's own code", async () => {
    const { partnerCenter: gateway } = clientsFor(configFor(dataverse, partnerCenter));
    const created = await gateway.createReferral(aReferral("opp-stale"));
    await gateway.patchReferral(
      created.value.id,
      [{ op: "replace", path: "/details/notes", value: "a" }],
      created.etag,
    );
    const stale = await failureOf(() =>
      gateway.patchReferral(created.value.id, [{ op: "replace", path: "/details/notes", value: "b" }], created.etag),
    );
    expect(stale).toMatchObject({ status: 412, code, retryable: false });
  });
});
