import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../../server/sync/apiError";
import {
  ALL_SECRETS,
  callsTo,
  clientsFor,
  configFor,
  failureOf,
  startDataverse,
  startPartnerCenter,
  type TestDataverse,
  type TestPartnerCenter,
  withFreshRefreshToken,
} from "./harness";

/** A port that was free a moment ago and has nobody listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

describe("the HTTP core under the gateways", () => {
  let dataverse: TestDataverse;
  let partnerCenter: TestPartnerCenter;

  beforeAll(async () => {
    [dataverse, partnerCenter] = await Promise.all([startDataverse({ seed: false }), startPartnerCenter()]);
  });
  afterAll(async () => {
    await Promise.all([dataverse.close(), partnerCenter.close()]);
  });

  it("turns a refused connection into ApiError status 0, retryable, naming the address to check", async () => {
    const nobody = `http://127.0.0.1:${await closedPort()}`;
    const config = configFor(dataverse, partnerCenter);
    const clients = clientsFor({ ...config, partnerCenter: { ...config.partnerCenter, apiUrl: nobody } });
    // The token comes from the emulator; the Referrals API address is wrong.
    const error = await failureOf(() => clients.partnerCenter.getReferral("abc"));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ api: "partnerCenter", status: 0, code: "NetworkError", retryable: true });
    expect((error as ApiError).request).toBe("GET /v1.0/engagements/referrals/abc");
    expect((error as Error).message).toContain(nobody);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(callsTo(clients.calls, "partnerCenter")).toEqual([
      expect.objectContaining({ method: "GET", path: "/v1.0/engagements/referrals/abc", status: 0 }),
    ]);
  });

  it("gives up on a call that takes longer than its timeout", async () => {
    await dataverse.admin.addFault({
      match: { pathPrefix: "/api/data/v9.2/WhoAmI" },
      fault: { kind: "latency", ms: 1_000 },
      remaining: 1,
    });
    const clients = clientsFor(configFor(dataverse, partnerCenter), { timeoutMs: 100 });
    const error = await failureOf(() => clients.dataverse.whoAmI());
    expect(error).toMatchObject({ api: "dataverse", status: 0, code: "Timeout", retryable: true });
    expect((error as Error).message).toContain("no answer within 100 ms");
  });

  it("never puts the query string (customer data in filters) or a secret in an error message", async () => {
    await dataverse.admin.addFault({
      match: { pathPrefix: "/api/data/v9.2/accounts" },
      fault: { kind: "status", status: 500 },
      remaining: 1,
    });
    const clients = clientsFor(configFor(dataverse, partnerCenter));
    const error = await failureOf(() => clients.dataverse.findAccount("Very Private Customer", "12345"));
    expect(error).toMatchObject({ status: 500, retryable: true, request: "GET /api/data/v9.2/accounts" });
    const text = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(text).not.toContain("Private");
    expect(text).not.toContain("$filter");
    expect(text).not.toContain("12345");
    for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
  });

  it("reads the OData error body of Dataverse: code and message", async () => {
    const clients = clientsFor(configFor(dataverse, partnerCenter));
    const error = await failureOf(() =>
      clients.dataverse.updateAccount("00000000-0000-4000-8000-000000000000", { name: "x" }),
    );
    expect(error).toMatchObject({ api: "dataverse", status: 404 });
    expect((error as ApiError).code).toMatch(/^0x/);
    expect((error as Error).message).toMatch(/^Dataverse answered 404 to PATCH \/api\/data\/v9\.2\/accounts\(0{8}-/);
    expect((error as Error).message).toMatch(/Does Not Exist/i);
  });

  it("hides a secret that an API echoes back in its error", async () => {
    const [secret] = ALL_SECRETS;
    await partnerCenter.admin.addFault({
      match: { pathPrefix: "/v1.0/engagements/solutions" },
      fault: {
        kind: "status",
        status: 400,
        body: { code: "Echo", description: `you sent ${String(secret)} and Bearer abc.def.ghi-123` },
      },
      remaining: 1,
    });
    const clients = clientsFor(await withFreshRefreshToken(configFor(dataverse, partnerCenter), partnerCenter));
    const error = await failureOf(() => clients.partnerCenter.listSolutions());
    expect(error).toMatchObject({ status: 400, code: "Echo" });
    expect((error as Error).message).toContain("you sent [secret] and Bearer [secret]");
  });

  it("rejects a malformed id before sending anything", async () => {
    const clients = clientsFor(configFor(dataverse, partnerCenter));
    await expect(clients.dataverse.updateOpportunity("not-a-guid)", {})).rejects.toThrow(RangeError);
    expect(clients.calls).toEqual([]);
  });
});
