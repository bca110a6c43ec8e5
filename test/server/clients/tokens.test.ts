import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secret } from "../../../server/config/secret";
import {
  InMemoryRefreshTokenStore,
  partnerCenterAudience,
  PARTNER_CENTER_AUDIENCES,
  type ClientLogger,
} from "../../../server/clients";
import { ApiError } from "../../../server/sync/apiError";
import {
  ALL_SECRETS,
  callsTo,
  clientsFor,
  configFor,
  failureOf,
  HOUR_MS,
  PC_REFRESH_TOKEN,
  startDataverse,
  startPartnerCenter,
  type TestDataverse,
  type TestPartnerCenter,
  withFreshRefreshToken,
} from "./harness";

function expectNoSecret(error: unknown, extra: readonly string[] = []): void {
  expect(error).toBeInstanceOf(ApiError);
  const text = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as Error).stack)}`;
  for (const secret of [...ALL_SECRETS, ...extra]) expect(text).not.toContain(secret);
}

describe("tokens", () => {
  let dataverse: TestDataverse;
  let partnerCenter: TestPartnerCenter;

  beforeAll(async () => {
    [dataverse, partnerCenter] = await Promise.all([startDataverse({ seed: false }), startPartnerCenter()]);
  });
  afterAll(async () => {
    await Promise.all([dataverse.close(), partnerCenter.close()]);
  });

  /** A refresh token for the test client, as if the Referrals admin had signed in again. */
  async function freshRefreshToken(): Promise<string> {
    const config = await withFreshRefreshToken(configFor(dataverse, partnerCenter), partnerCenter);
    return config.partnerCenter.refreshToken.reveal();
  }

  it("keeps a token until shortly before it expires, and concurrent callers share one request for it", async () => {
    const clients = clientsFor(configFor(dataverse, partnerCenter), { now: () => dataverse.clock.now().getTime() });
    await Promise.all(Array.from({ length: 6 }, () => clients.dataverse.whoAmI()));
    await clients.dataverse.ping();
    expect(callsTo(clients.calls, "tokens")).toHaveLength(1);
    expect(callsTo(clients.calls, "dataverse")).toHaveLength(7);

    // 59 minutes on, inside the renewal margin of a one-hour token: renewed before it is used, no 401 on the way.
    dataverse.clock.advance(59 * 60_000);
    await clients.dataverse.ping();
    expect(clients.calls.slice(-2).map((call) => [call.api, call.status])).toEqual([
      ["tokens", 200],
      ["dataverse", 200],
    ]);
  });

  it("on a 401 fetches a new token and retries once, then gives up on a second 401", async () => {
    const clients = clientsFor(configFor(dataverse, partnerCenter));
    await clients.dataverse.ping();
    dataverse.clock.advance(2 * HOUR_MS);
    clients.calls.length = 0;
    await clients.dataverse.ping();
    expect(clients.calls.map((call) => [call.api, call.status])).toEqual([
      ["dataverse", 401],
      ["tokens", 200],
      ["dataverse", 200],
    ]);

    await dataverse.admin.addFault({
      match: { pathPrefix: "/api/data/v9.2/WhoAmI" },
      fault: { kind: "status", status: 401 },
      remaining: 2,
    });
    clients.calls.length = 0;
    const refused = await failureOf(() => clients.dataverse.ping());
    expect(refused).toMatchObject({ api: "dataverse", status: 401, retryable: false });
    expect(clients.calls.map((call) => [call.api, call.status])).toEqual([
      ["dataverse", 401],
      ["tokens", 200],
      ["dataverse", 401],
    ]);
  });

  it("saves each rotated refresh token and redeems the saved one next, not the configured one", async () => {
    const config = configFor(dataverse, partnerCenter);
    const store = new InMemoryRefreshTokenStore();
    const first = clientsFor(
      { ...config, partnerCenter: { ...config.partnerCenter, refreshToken: new Secret(await freshRefreshToken()) } },
      { refreshTokenStore: store },
    );
    await first.partnerCenter.ping();
    const rotated = await store.read();
    expect(rotated).not.toBeNull();
    expect(rotated).not.toBe(config.partnerCenter.refreshToken.reveal());

    // A restart: new clients, same store, and a configured token that was burned by the first redemption.
    const restarted = clientsFor(config, { refreshTokenStore: store });
    await restarted.partnerCenter.ping();
    const again = await store.read();
    expect(again).not.toBe(rotated);

    // The token the store held before is single use: redeeming it again is refused, without quoting it.
    const replay = clientsFor(config, { refreshTokenStore: new InMemoryRefreshTokenStore(rotated) });
    const refused = await failureOf(() => replay.partnerCenter.ping());
    expect(refused).toMatchObject({ api: "tokens", status: 400, code: "AADSTS50173", retryable: false });
    expect((refused as Error).message).toMatch(/sign the Referrals admin in again/);
    expectNoSecret(refused, [String(rotated), String(again)]);
  });

  it("falls back to the configured refresh token while the store is empty", async () => {
    const config = configFor(dataverse, partnerCenter);
    const token = await freshRefreshToken();
    const clients = clientsFor({
      ...config,
      partnerCenter: { ...config.partnerCenter, refreshToken: new Secret(token) },
    });
    await expect(clients.store.read()).resolves.toBeNull();
    await clients.partnerCenter.ping();
    const saved = await clients.store.read();
    expect(saved).not.toBeNull();
    expect(saved).not.toBe(token);
  });

  it("picks up the successor when another replica rotated the token it read", async () => {
    const config = configFor(dataverse, partnerCenter);
    const shared = new InMemoryRefreshTokenStore(await freshRefreshToken());
    const stale = (await shared.read()) ?? "";
    // Replica A redeems and rotates; replica B read the store before A saved, so it presents the old token first.
    await clientsFor(config, { refreshTokenStore: shared }).partnerCenter.ping();
    let reads = 0;
    const laggingView = {
      read: () => (reads++ === 0 ? Promise.resolve(stale) : shared.read()),
      save: (token: string) => shared.save(token),
    };
    const replicaB = clientsFor(config, { refreshTokenStore: laggingView });
    await replicaB.partnerCenter.ping();
    expect(callsTo(replicaB.calls, "tokens").map((call) => call.status)).toEqual([400, 200]);
  });

  it("keeps a rotated token in memory when the store can't save it, and says so", async () => {
    const config = configFor(dataverse, partnerCenter);
    const warnings: string[] = [];
    const logger: ClientLogger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (obj, msg) => warnings.push(`${msg} ${JSON.stringify(obj)}`),
    };
    const broken = {
      read: () => Promise.resolve(null),
      save: () => Promise.reject(new Error("disk full")),
    };
    const token = await freshRefreshToken();
    const clients = clientsFor(
      { ...config, partnerCenter: { ...config.partnerCenter, refreshToken: new Secret(token) } },
      { refreshTokenStore: broken, logger, now: () => partnerCenter.clock.now().getTime() },
    );
    await clients.partnerCenter.ping();
    partnerCenter.clock.advance(2 * HOUR_MS);
    await clients.partnerCenter.ping();
    expect(callsTo(clients.calls, "tokens").map((call) => call.status)).toEqual([200, 200]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("disk full");
    for (const warning of warnings) expect(warning).not.toContain(token);
  });

  it("never puts a client secret or refresh token in the error of a refused grant", async () => {
    const config = configFor(dataverse, partnerCenter);
    const wrongSecret = "this-secret-is-wrong-but-still-secret-0000";
    const dataverseClients = clientsFor({
      ...config,
      dataverse: { ...config.dataverse, clientSecret: new Secret(wrongSecret) },
    });
    const refused = await failureOf(() => dataverseClients.dataverse.whoAmI());
    expect(refused).toMatchObject({ api: "tokens", status: 401, code: "AADSTS7000215" });
    expect((refused as ApiError).request).toMatch(/^POST \/[0-9a-f-]+\/oauth2\/v2\.0\/token$/);
    expect((refused as Error).message).toMatch(/client secret/);
    expectNoSecret(refused, [wrongSecret]);

    const unknownToken = "an-unknown-refresh-token-0123456789abcdef";
    const pcClients = clientsFor({
      ...config,
      partnerCenter: { ...config.partnerCenter, refreshToken: new Secret(unknownToken) },
    });
    const unknown = await failureOf(() => pcClients.partnerCenter.ping());
    expect(unknown).toMatchObject({ api: "tokens", status: 400 });
    expectNoSecret(unknown, [unknownToken, PC_REFRESH_TOKEN]);
  });

  it("asks for the documented Partner Center audiences unless the API is on another https host", () => {
    expect(partnerCenterAudience("https://api.partner.microsoft.com", "referrals")).toBe(
      PARTNER_CENTER_AUDIENCES.referrals,
    );
    expect(partnerCenterAudience("https://api.partner.microsoft-ppe.com", "referrals")).toBe(
      "https://api.partner.microsoft-ppe.com",
    );
    expect(partnerCenterAudience("http://127.0.0.1:7071", "webhooks")).toBe("https://api.partnercenter.microsoft.com");
  });
});
