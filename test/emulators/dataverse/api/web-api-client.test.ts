/**
 * The Web API through an independent client, dynamics-web-api (v2), configured as a Node service would configure it
 * (server URL, client-credentials token): CRUD with Dataverse's types, server-driven paging, an ETag conflict,
 * $batch with a change set and a Content-ID reference, and the close actions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DynamicsWebApi } from "dynamics-web-api";
import { MicrosoftHelpOption, SalesStage } from "../../../../core";
import type { DataverseEmulator } from "../../../../emulators/dataverse";
import { startTestEmulator, webApiClient } from "./harness";

let emulator: DataverseEmulator;
let api: DynamicsWebApi;
let usd: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  api = webApiClient(emulator);
  const currencies = await api.retrieveMultiple<{ transactioncurrencyid: string }>({
    collection: "transactioncurrencies",
    select: ["transactioncurrencyid"],
    filter: "isocurrencycode eq 'USD'",
  });
  usd = currencies.value[0]?.transactioncurrencyid ?? "";
});

afterAll(async () => {
  await emulator.close();
});

interface Opportunity {
  opportunityid: string;
  name: string;
  estimatedvalue: number;
  estimatedclosedate: string;
  salesstage: number;
  csb_microsofthelp: string | null;
  _parentaccountid_value: string;
  _transactioncurrencyid_value: string;
  "@odata.etag": string;
  [annotation: string]: unknown;
}

describe("CRUD through dynamics-web-api", () => {
  it("creates, reads, updates and deletes an account", async () => {
    const id = await api.create<object, string>({
      collection: "accounts",
      data: { name: "Adatum GmbH", address1_country: "DE" },
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const read = await api.retrieve<{ name: string; address1_country: string }>({
      collection: "accounts",
      key: id,
      select: ["name", "address1_country"],
    });
    expect(read).toMatchObject({ name: "Adatum GmbH", address1_country: "DE" });

    const updated = await api.update<object, { name: string }>({
      collection: "accounts",
      key: id,
      data: { name: "Adatum AG" },
      returnRepresentation: true,
      select: ["name"],
    });
    expect(updated.name).toBe("Adatum AG");

    await api.deleteRecord({ collection: "accounts", key: id });
    await expect(api.retrieve({ collection: "accounts", key: id })).rejects.toMatchObject({ status: 404 });
  });

  it("keeps Dataverse's types: money, date-only, choice, multi-select choice and a bound lookup", async () => {
    const accountId = await api.create<object, string>({
      collection: "accounts",
      data: { name: "Litware Inc", address1_country: "US" },
    });
    const help = [MicrosoftHelpOption.GeneralOrOther, MicrosoftHelpOption.ProofOfConceptOrDemo];
    const created = await api.create<object, Opportunity>({
      collection: "opportunities",
      data: {
        name: "Litware data platform",
        estimatedvalue: 125000.5,
        estimatedclosedate: "2026-09-30",
        salesstage: SalesStage.Propose,
        csb_microsofthelp: help.join(","),
        "parentaccountid@odata.bind": `/accounts(${accountId})`,
        "transactioncurrencyid@odata.bind": `/transactioncurrencies(${usd})`,
      },
      returnRepresentation: true,
      includeAnnotations: "*",
    });
    expect(created).toMatchObject({
      name: "Litware data platform",
      estimatedvalue: 125000.5,
      estimatedclosedate: "2026-09-30",
      salesstage: SalesStage.Propose,
      csb_microsofthelp: help.join(","),
      _parentaccountid_value: accountId,
      _transactioncurrencyid_value: usd,
    });
    expect(created["salesstage@OData.Community.Display.V1.FormattedValue"]).toBe("Propose");
    expect(created["_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname"]).toBe("account");
    expect(created["_parentaccountid_value@OData.Community.Display.V1.FormattedValue"]).toBe("Litware Inc");
    expect(created["@odata.etag"]).toMatch(/^W\/"\d+"$/);

    const [fromFilter] = (
      await api.retrieveMultiple<Opportunity>({
        collection: "opportunities",
        select: ["name"],
        filter: `_parentaccountid_value eq ${accountId} and estimatedvalue gt 100000 and contains(name,'platform')`,
      })
    ).value;
    expect(fromFilter?.opportunityid).toBe(created.opportunityid);
  });

  it("refuses a stale If-Match with 412 and the concurrency code, and keeps the current row", async () => {
    const id = await api.create<object, string>({ collection: "accounts", data: { name: "Tailspin Toys" } });
    const first = await api.retrieve<{ "@odata.etag": string }>({ collection: "accounts", key: id, select: ["name"] });
    await api.update({
      collection: "accounts",
      key: id,
      data: { name: "Tailspin Toys Ltd" },
      ifmatch: first["@odata.etag"],
    });
    const stale = api.update({
      collection: "accounts",
      key: id,
      data: { name: "Lost update" },
      ifmatch: first["@odata.etag"],
    });
    await expect(stale).rejects.toMatchObject({
      status: 412,
      code: "0x80060882",
      message: "The version of the existing record doesn't match the RowVersion property provided.",
    });
    const current = await api.retrieve<{ name: string }>({ collection: "accounts", key: id, select: ["name"] });
    expect(current.name).toBe("Tailspin Toys Ltd");
  });
});

describe("paging", () => {
  it("returns every seeded opportunity exactly once across maxPageSize pages", async () => {
    const expected = emulator.org.retrieveMultiple("opportunities", { select: ["opportunityid"] }).value.length;
    const seen: string[] = [];
    let page = await api.retrieveMultiple<Opportunity>({
      collection: "opportunities",
      select: ["name"],
      orderBy: ["name asc"],
      maxPageSize: 25,
    });
    let pages = 1;
    seen.push(...page.value.map((row) => row.opportunityid));
    while (page.oDataNextLink !== undefined) {
      expect(page.value).toHaveLength(25);
      page = await api.retrieveMultiple<Opportunity>(
        { collection: "opportunities", maxPageSize: 25 },
        page.oDataNextLink,
      );
      seen.push(...page.value.map((row) => row.opportunityid));
      pages += 1;
    }
    expect(expected).toBeGreaterThanOrEqual(120);
    expect(pages).toBe(Math.ceil(expected / 25));
    expect(new Set(seen).size).toBe(expected);
    expect(seen).toHaveLength(expected);

    const all = await api.retrieveAll<Opportunity>({ collection: "opportunities", select: ["name"], maxPageSize: 40 });
    expect(all.value).toHaveLength(expected);
  });
});

describe("$batch", () => {
  it("runs a change set with a Content-ID reference atomically", async () => {
    api.startBatch();
    void api.create<object, string>({
      collection: "accounts",
      data: { name: "Wingtip Toys", address1_country: "GB" },
      contentId: "1",
    });
    void api.create<object, string>({
      collection: "contacts",
      data: { firstname: "Ada", lastname: "Reyes", "parentcustomerid_account@odata.bind": "$1" },
    });
    const [accountId, contactId] = (await api.executeBatch()) as string[];
    const contact = await api.retrieve<{ _parentcustomerid_value: string; fullname: string }>({
      collection: "contacts",
      key: contactId ?? "",
      select: ["fullname", "_parentcustomerid_value"],
    });
    expect(contact).toMatchObject({ fullname: "Ada Reyes", _parentcustomerid_value: accountId });
  });

  it("keeps nothing of a change set whose second request fails", async () => {
    const before = await api.count({ collection: "accounts" });
    api.startBatch();
    void api.create<object, string>({ collection: "accounts", data: { name: "Half a change set" }, contentId: "1" });
    void api.create<object, string>({ collection: "accounts", data: { name: "x".repeat(500) } });
    const responses = (await api.executeBatch()) as unknown[];
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ status: 400 });
    expect(await api.count({ collection: "accounts" })).toBe(before);
    const found = await api.retrieveMultiple({ collection: "accounts", filter: "name eq 'Half a change set'" });
    expect(found.value).toHaveLength(0);
  });
});

describe("WinOpportunity and LoseOpportunity", () => {
  it("close an open opportunity as won or lost and record the opportunityclose", async () => {
    const ids = await Promise.all(
      ["Won deal", "Lost deal"].map((name) =>
        api.create<object, string>({ collection: "opportunities", data: { name, estimatedvalue: 5000 } }),
      ),
    );
    const [won = "", lost = ""] = ids;
    await api.callAction({
      actionName: "WinOpportunity",
      action: { Status: 3, OpportunityClose: { subject: "Won", "opportunityid@odata.bind": `/opportunities(${won})` } },
    });
    await api.callAction({
      actionName: "LoseOpportunity",
      action: {
        Status: 5,
        OpportunityClose: { subject: "Lost", "opportunityid@odata.bind": `/opportunities(${lost})` },
      },
    });
    const states = await Promise.all(
      [won, lost].map((key) =>
        api.retrieve<{ statecode: number; statuscode: number }>({
          collection: "opportunities",
          key,
          select: ["statecode", "statuscode"],
        }),
      ),
    );
    expect(states).toMatchObject([
      { statecode: 1, statuscode: 3 },
      { statecode: 2, statuscode: 5 },
    ]);
    const closes = await api.retrieveMultiple<{ subject: string }>({
      collection: "opportunitycloses",
      select: ["subject"],
      filter: `_opportunityid_value eq ${won}`,
    });
    expect(closes.value.map((close) => close.subject)).toEqual(["Won"]);
    await expect(
      api.callAction({
        actionName: "WinOpportunity",
        action: {
          Status: 3,
          OpportunityClose: { subject: "Again", "opportunityid@odata.bind": `/opportunities(${won})` },
        },
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
