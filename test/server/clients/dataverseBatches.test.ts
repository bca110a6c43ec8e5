/**
 * Reads and write-backs of opportunities that syncs ask for at the same time share requests (opportunityBatches.ts):
 * reads go out as `$batch`es of GETs, write-backs as one `$batch` of PATCHes, and every caller still gets its own
 * answer. Against the Dataverse emulator's real `$batch` endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpportunityReading } from "../../../server/sync/ports";
import { ApiError } from "../../../server/sync/apiError";
import {
  callsTo,
  clientsFor,
  configFor,
  failureOf,
  startDataverse,
  startPartnerCenter,
  type TestClients,
  type TestDataverse,
  type TestPartnerCenter,
} from "./harness";

const GONE = "00000000-0000-4000-8000-00000000dead";

describe("opportunity reads and write-backs batched across syncs", () => {
  let dataverse: TestDataverse;
  let partnerCenter: TestPartnerCenter;
  let clients: TestClients;
  let sellerUserId: string;

  beforeAll(async () => {
    [dataverse, partnerCenter] = await Promise.all([startDataverse(), startPartnerCenter()]);
    clients = clientsFor(configFor(dataverse, partnerCenter));
    sellerUserId = String((await dataverse.admin.info()).users.sellerUserId);
    await clients.dataverse.replaceSolutionCatalog([
      { id: "SOL-15974-MQF", name: "Contoso Supply Chain Insights" },
      { id: "SOL-20418-K2P", name: "Contoso Field Service Accelerator" },
    ]);
  });
  afterAll(async () => {
    await Promise.all([dataverse.close(), partnerCenter.close()]);
  });

  async function anOpportunity(name: string, products: string, currency: string | null): Promise<string> {
    const accountId = await clients.dataverse.createAccount({ name: `${name} Ltd`, address1_country: "US" });
    return clients.dataverse.createOpportunity(
      {
        name,
        csb_products: products,
        "parentaccountid@odata.bind": `/accounts(${accountId})`,
        "ownerid@odata.bind": `/systemusers(${sellerUserId})`,
      },
      currency,
    );
  }

  const dataverseCalls = () => callsTo(clients.calls, "dataverse").map((call) => `${call.method} ${call.path}`);

  it("reads opportunities asked for together in two $batch requests, each exactly as a lone read gives it", async () => {
    const first = await anOpportunity("Warehouse", "SOL-15974-MQF", "EUR");
    const second = await anOpportunity("Field service", "sol-20418-k2p; SOL-99999-ZZZ", "USD");
    const third = await anOpportunity("No products", "", null);
    const alone = new Map<string, OpportunityReading | null>();
    for (const id of [first, second, third]) alone.set(id, await clients.dataverse.readOpportunity(id));
    clients.calls.length = 0;

    // A missing opportunity in the middle of the batch is null for its caller only.
    const ids = [first, GONE, second, third];
    const together = await Promise.all(ids.map((id) => clients.dataverse.readOpportunity(id)));

    expect(together[1]).toBeNull();
    expect(together[0]).toEqual(alone.get(first));
    expect(together[2]).toEqual(alone.get(second));
    expect(together[3]).toEqual(alone.get(third));
    expect(together[0]?.snapshot.currencyCode).toBe("EUR");
    expect(together[2]?.snapshot.solutionCatalog).toEqual([
      { id: "SOL-20418-K2P", name: "Contoso Field Service Accelerator" },
    ]);
    expect(together[3]?.snapshot.owner?.lastName).toBe("Howard");
    // Rows, then owners and the catalogue at once: three requests for four opportunities, not twelve.
    expect(dataverseCalls().sort()).toEqual([
      "GET /api/data/v9.2/csb_partnercentersolutions",
      "POST /api/data/v9.2/$batch",
      "POST /api/data/v9.2/$batch",
    ]);
  });

  it("writes back together in one $batch: a stale or missing row in the middle fails alone", async () => {
    const ids = await Promise.all(["One", "Two", "Three"].map((name) => anOpportunity(name, "", null)));
    const readings = await Promise.all(ids.map((id) => clients.dataverse.readOpportunity(id)));
    const [one, two, three] = ids as [string, string, string];
    // A seller saves the second one after it was read: its ETag is stale now.
    dataverse.org.update("opportunity", two, { description: "changed by a seller" });
    clients.calls.length = 0;

    const writes = [
      { id: one, etag: readings[0]?.etag },
      { id: two, etag: readings[1]?.etag },
      { id: GONE, etag: "*" },
      { id: three, etag: readings[2]?.etag },
    ].map(({ id, etag }) =>
      clients.dataverse.updateOpportunity(id, { csb_audit: `synced ${id}` }, { ifMatch: etag ?? "" }),
    );
    const outcomes = await Promise.allSettled(writes);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    const [, stale, missing] = outcomes.map((outcome) =>
      outcome.status === "rejected" ? (outcome.reason as unknown) : null,
    );
    expect(stale).toBeInstanceOf(ApiError);
    expect(stale).toMatchObject({
      api: "dataverse",
      status: 412,
      request: `PATCH /api/data/v9.2/opportunities(${two})`,
    });
    expect(missing).toMatchObject({ api: "dataverse", status: 404 });
    expect(dataverseCalls()).toEqual(["POST /api/data/v9.2/$batch"]);
    const audit = (id: string) => dataverse.org.retrieve("opportunity", id, { select: "csb_audit,description" });
    expect(audit(one)).toMatchObject({ csb_audit: `synced ${one}` });
    expect(audit(three)).toMatchObject({ csb_audit: `synced ${three}` });
    expect(audit(two)).toMatchObject({ csb_audit: null, description: "changed by a seller" });
  });

  it("sends a lone read or write-back as a plain request, as before batching", async () => {
    const id = await anOpportunity("Alone", "", null);
    clients.calls.length = 0;
    const reading = await clients.dataverse.readOpportunity(id);
    await clients.dataverse.updateOpportunity(id, { description: "alone" }, { ifMatch: reading?.etag ?? "" });
    expect(dataverseCalls().map((call) => call.replace(/\([0-9a-f-]{36}\)/, "(id)"))).toEqual([
      "GET /api/data/v9.2/opportunities(id)",
      "GET /api/data/v9.2/systemusers(id)",
      "PATCH /api/data/v9.2/opportunities(id)",
    ]);
  });

  it("fails every write-back of a batch Dataverse throttles, each with the Retry-After to honour", async () => {
    const ids = await Promise.all(["Busy one", "Busy two"].map((name) => anOpportunity(name, "", null)));
    await dataverse.admin.addFault({
      match: { pathPrefix: "/api/data/v9.2/$batch" },
      fault: { kind: "status", status: 429, headers: { "Retry-After": "7" } },
      remaining: 1,
    });
    const errors = await Promise.all(
      ids.map((id) => failureOf(() => clients.dataverse.updateOpportunity(id, { description: "x" }))),
    );
    for (const error of errors) expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 7_000 });
  });
});
