import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opportunityTable, OpportunityState, OpportunityStatus } from "../../../core";
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

describe("HttpDataverseGateway against the Dataverse emulator", () => {
  let dataverse: TestDataverse;
  let partnerCenter: TestPartnerCenter;
  let clients: TestClients;
  let sellerUserId: string;

  beforeAll(async () => {
    [dataverse, partnerCenter] = await Promise.all([startDataverse(), startPartnerCenter()]);
    clients = clientsFor(configFor(dataverse, partnerCenter), { dataversePageSize: 5 });
    sellerUserId = String((await dataverse.admin.info()).users.sellerUserId);
  });
  afterAll(async () => {
    await Promise.all([dataverse.close(), partnerCenter.close()]);
  });

  /** An opportunity of a fresh account and contact, in EUR, owned by the seller, with two catalogue products. */
  async function aFullOpportunity(products: string) {
    const gateway = clients.dataverse;
    const accountId = await gateway.createAccount({
      name: "Fabrikam O'Neil Ltd",
      address1_postalcode: "98101",
      address1_country: "US",
    });
    const contactId = await gateway.createContact({
      firstname: "Ana",
      lastname: "Silva",
      emailaddress1: "ana.silva@fabrikam.example",
      "parentcustomerid_account@odata.bind": `/accounts(${accountId})`,
    });
    const opportunityId = await gateway.createOpportunity(
      {
        name: "Warehouse modernisation",
        estimatedvalue: 125000,
        csb_syncwithpartnercenter: true,
        csb_products: products,
        "parentaccountid@odata.bind": `/accounts(${accountId})`,
        "parentcontactid@odata.bind": `/contacts(${contactId})`,
        "ownerid@odata.bind": `/systemusers(${sellerUserId})`,
      },
      "eur",
    );
    return { accountId, contactId, opportunityId };
  }

  it("names the application user and the organization", async () => {
    const info = await dataverse.admin.info();
    const me = await clients.dataverse.whoAmI();
    expect(me.userId).toBe(info.users.integrationUserId);
    expect(me.organizationId).toBe(info.organization.organizationId);
    await expect(clients.dataverse.ping()).resolves.toBeUndefined();
  });

  it("reads the whole snapshot in two round trips: the row with its relations, then owner and products at once", async () => {
    await clients.dataverse.replaceSolutionCatalog([
      { id: "SOL-15974-MQF", name: "Contoso Supply Chain Insights" },
      { id: "SOL-20418-K2P", name: "Contoso Field Service Accelerator" },
    ]);
    const { accountId, contactId, opportunityId } = await aFullOpportunity(
      "sol-15974-mqf; SOL-20418-K2P, SOL-99999-ZZZ",
    );
    clients.calls.length = 0;

    const reading = await clients.dataverse.readOpportunity(opportunityId);

    expect(reading?.id).toBe(opportunityId);
    expect(reading?.etag).toMatch(/^W\/"\d+"$/);
    expect(reading?.modifiedOn).toBe(
      dataverse.clock
        .now()
        .toISOString()
        .replace(/\.000Z$/, "Z"),
    );
    const snapshot = reading?.snapshot;
    expect(snapshot?.opportunity).toMatchObject({ name: "Warehouse modernisation", estimatedvalue: 125000 });
    expect(snapshot?.opportunity).not.toHaveProperty("parentaccountid");
    expect(snapshot?.opportunity).not.toHaveProperty("@odata.etag");
    expect(snapshot?.account).toMatchObject({
      accountid: accountId,
      name: "Fabrikam O'Neil Ltd",
      address1_country: "US",
    });
    expect(snapshot?.contact).toMatchObject({ contactid: contactId, lastname: "Silva" });
    expect(snapshot?.currencyCode).toBe("EUR");
    expect(snapshot?.owner).toEqual({
      firstName: "Avery",
      lastName: "Howard",
      email: "avery.howard@contoso-demo.example",
      phoneNumber: null,
    });
    expect(snapshot?.solutionCatalog).toEqual(
      expect.arrayContaining([
        { id: "SOL-15974-MQF", name: "Contoso Supply Chain Insights" },
        { id: "SOL-20418-K2P", name: "Contoso Field Service Accelerator" },
      ]),
    );
    expect(snapshot?.solutionCatalog).toHaveLength(2);
    const paths = callsTo(clients.calls, "dataverse").map((call) => call.path.replace(/\([^)]*\)/, "(id)"));
    expect(paths[0]).toBe("/api/data/v9.2/opportunities(id)");
    expect(paths.slice(1).sort()).toEqual([
      "/api/data/v9.2/csb_partnercentersolutions",
      "/api/data/v9.2/systemusers(id)",
    ]);
  });

  it("reads an opportunity without products in two calls and a missing one as null", async () => {
    const id = await clients.dataverse.createOpportunity({ name: "Bare opportunity" }, null);
    clients.calls.length = 0;
    const reading = await clients.dataverse.readOpportunity(id);
    expect(reading?.snapshot).toMatchObject({ account: null, contact: null, currencyCode: null, solutionCatalog: [] });
    expect(callsTo(clients.calls, "dataverse")).toHaveLength(2);
    await expect(clients.dataverse.readOpportunity(GONE)).resolves.toBeNull();
  });

  it("finds opportunities by referral id and accounts by name and postal code, quoting what needs it", async () => {
    const { accountId, opportunityId } = await aFullOpportunity("");
    await clients.dataverse.updateOpportunity(opportunityId, { csb_referralid: "ref-'1'" });
    await expect(clients.dataverse.findOpportunityByReferralId("ref-'1'")).resolves.toBe(opportunityId);
    await expect(clients.dataverse.findOpportunityByReferralId("nothing")).resolves.toBeNull();
    // Several accounts share the name by now; the postal code and the oldest-first order decide.
    const found = await clients.dataverse.findAccount("Fabrikam O'Neil Ltd", "98101");
    expect(found).not.toBeNull();
    await expect(clients.dataverse.findAccount("Fabrikam O'Neil Ltd", "00000")).resolves.toBeNull();
    await clients.dataverse.updateAccount(accountId, { name: "Unique Name Ltd", address1_postalcode: null });
    await expect(clients.dataverse.findAccount("Unique Name Ltd", null)).resolves.toBe(accountId);
  });

  it("writes with If-Match: a stale ETag is a 412, and a missing row a 404 rather than a create", async () => {
    const { opportunityId, contactId } = await aFullOpportunity("");
    const before = await clients.dataverse.readOpportunity(opportunityId);
    await clients.dataverse.updateOpportunity(opportunityId, { description: "first" }, { ifMatch: before?.etag ?? "" });
    const stale = await failureOf(() =>
      clients.dataverse.updateOpportunity(opportunityId, { description: "second" }, { ifMatch: before?.etag ?? "" }),
    );
    expect(stale).toBeInstanceOf(ApiError);
    expect(stale).toMatchObject({ api: "dataverse", status: 412, retryable: false });
    expect((stale as ApiError).request).toBe(`PATCH /api/data/v9.2/opportunities(${opportunityId})`);
    expect((stale as Error).message).toMatch(/412.*read it again/);

    const missing = await failureOf(() => clients.dataverse.updateContact(GONE, { lastname: "X" }));
    expect(missing).toMatchObject({ status: 404 });
    expect(dataverse.org.retrieveMultiple("contacts", { filter: `contactid eq ${GONE}` }).value).toHaveLength(0);
    await clients.dataverse.updateContact(contactId, { jobtitle: "CTO" });
    expect(dataverse.org.retrieve("contact", contactId, { select: "jobtitle" }).jobtitle).toBe("CTO");
  });

  it("refuses a currency the organization does not have, before writing anything", async () => {
    const error = await failureOf(() => clients.dataverse.createOpportunity({ name: "In francs" }, "XYZ"));
    expect(error).toMatchObject({ status: 404, code: "CurrencyNotFound", retryable: false });
    expect((error as Error).message).toContain("XYZ");
  });

  it("binds a currency by its ISO code for an existing opportunity, and names an unknown one", async () => {
    expect(await clients.dataverse.currencyReference("USD")).toMatch(/^\/transactioncurrencies\([0-9a-f-]{36}\)$/);
    const error = await failureOf(() => clients.dataverse.currencyReference("XYZ"));
    expect(error).toMatchObject({ status: 404, code: "CurrencyNotFound" });
  });

  it("wins and loses opportunities through WinOpportunity and LoseOpportunity", async () => {
    const won = await aFullOpportunity("");
    const lost = await aFullOpportunity("");
    await clients.dataverse.closeOpportunity(won.opportunityId, {
      outcome: "Won",
      subject: "Won in Partner Center",
      actualRevenue: 130000,
      closedOn: "2026-05-03",
    });
    await clients.dataverse.closeOpportunity(lost.opportunityId, {
      outcome: "Lost",
      subject: "Lost in Partner Center",
      actualRevenue: null,
      closedOn: "2026-05-04",
    });
    const select = "statecode,statuscode,actualvalue,actualclosedate";
    expect(dataverse.org.retrieve("opportunity", won.opportunityId, { select })).toMatchObject({
      statecode: OpportunityState.Won,
      statuscode: OpportunityStatus.Won,
      actualvalue: 130000,
      actualclosedate: "2026-05-03",
    });
    expect(dataverse.org.retrieve("opportunity", lost.opportunityId, { select })).toMatchObject({
      statecode: OpportunityState.Lost,
      statuscode: OpportunityStatus.Canceled,
      actualclosedate: "2026-05-04",
    });
    const closes = dataverse.org.retrieveMultiple("opportunitycloses", {
      filter: `_opportunityid_value eq ${won.opportunityId}`,
    });
    expect(closes.value[0]).toMatchObject({ subject: "Won in Partner Center" });
    const again = await failureOf(() =>
      clients.dataverse.closeOpportunity(won.opportunityId, {
        outcome: "Won",
        subject: "Again",
        actualRevenue: null,
        closedOn: "2026-05-04",
      }),
    );
    expect(again).toMatchObject({ status: 400 });
  });

  it("reads every csb_ environment variable: its value when one exists, else its default", async () => {
    const before = await clients.dataverse.readEnvironmentVariables();
    expect(before).toMatchObject({
      csb_ShowCheckmark: "yes",
      csb_SyncCoSellOnly: "no",
      csb_DealValueField: "estimatedvalue",
      csb_CountryField: "address1_country",
      csb_SyncEndpointUrl: null,
      csb_FieldMapping: null,
    });
    const [definition] = dataverse.org.retrieveMultiple("environmentvariabledefinitions", {
      filter: "schemaname eq 'csb_DealValueField'",
    }).value;
    dataverse.org.create("environmentvariablevalue", {
      value: "budgetamount",
      "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${String(definition?.environmentvariabledefinitionid)})`,
    });
    const after = await clients.dataverse.readEnvironmentVariables();
    expect(after.csb_DealValueField).toBe("budgetamount");
    expect(after.csb_ShowCheckmark).toBe("yes");
  });

  it("lists the opportunities to sync oldest first across pages, and only those changed at or after a watermark", async () => {
    const expected = dataverse.org
      .retrieveMultiple("opportunities", { select: "opportunityid", filter: "csb_syncwithpartnercenter eq true" })
      .value.map((row) => row.opportunityid);
    clients.calls.length = 0;
    const markers = [];
    for await (const marker of clients.dataverse.listOpportunitiesToSync(null)) markers.push(marker);
    expect(markers.map((marker) => marker.id).sort()).toEqual([...expected].sort());
    const times = markers.map((marker) => marker.modifiedOn);
    expect([...times].sort()).toEqual(times);
    const pages = callsTo(clients.calls, "dataverse");
    expect(pages.length).toBe(Math.ceil(expected.length / 5));
    expect(pages.every((call) => call.path === "/api/data/v9.2/opportunities" && call.status === 200)).toBe(true);

    dataverse.clock.advance(60_000);
    const atWatermark = await aFullOpportunity("");
    const watermark = dataverse.clock.now().toISOString();
    dataverse.clock.advance(60_000);
    const afterWatermark = await aFullOpportunity("");
    const later = [];
    for await (const marker of clients.dataverse.listOpportunitiesToSync(watermark)) later.push(marker.id);
    // At or after: modifiedon has whole seconds, so a row of the watermark's own second comes again.
    expect(later).toEqual([atWatermark.opportunityId, afterWatermark.opportunityId]);
    const iterator = clients.dataverse.listOpportunitiesToSync("yesterday")[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toThrow(RangeError);
  });

  it("makes the solution catalogue hold exactly the given solutions", async () => {
    const first = await clients.dataverse.replaceSolutionCatalog([
      { id: "SOL-15974-MQF", name: "Contoso Supply Chain Insights (renamed)" },
      { id: "SOL-31877-AZ9", name: "Contoso Secure Cloud Landing Zone" },
    ]);
    expect(first.created).toBe(1);
    expect(first.updated).toBe(1);
    expect(first.removed).toBeGreaterThanOrEqual(1);
    const rows = dataverse.org.retrieveMultiple("csb_partnercentersolutions", { select: "csb_solutionid,csb_name" });
    expect(rows.value.map((row) => [row.csb_solutionid, row.csb_name]).sort()).toEqual([
      ["SOL-15974-MQF", "Contoso Supply Chain Insights (renamed)"],
      ["SOL-31877-AZ9", "Contoso Secure Cloud Landing Zone"],
    ]);
    const again = await clients.dataverse.replaceSolutionCatalog([
      { id: "SOL-31877-AZ9", name: "Contoso Secure Cloud Landing Zone" },
      { id: "SOL-15974-MQF", name: "Contoso Supply Chain Insights (renamed)" },
    ]);
    expect(again).toEqual({ created: 0, updated: 0, removed: 0 });
  });

  it("surfaces a 429 with its Retry-After, and reports it to the observer", async () => {
    const fault = await dataverse.admin.addFault({
      match: { method: "GET", pathPrefix: `/api/data/v9.2/${opportunityTable.entitySet}` },
      fault: { kind: "rateLimit", limit: 0, windowMs: 60_000, retryAfterSeconds: 37 },
      remaining: 1,
    });
    clients.calls.length = 0;
    const error = await failureOf(() => clients.dataverse.findOpportunityByReferralId("any"));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 37_000, retryable: true, code: "0x80072322" });
    expect((error as Error).message).toMatch(/wait 37 s/);
    expect(callsTo(clients.calls, "dataverse")).toEqual([
      expect.objectContaining({ method: "GET", path: "/api/data/v9.2/opportunities", status: 429 }),
    ]);
    await dataverse.admin.removeFault(fault).catch(() => undefined);
  });
});
