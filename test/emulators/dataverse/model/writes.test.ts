import { describe, expect, it } from "vitest";
import { SyncStatus } from "../../../../core";
import { ErrorCode, systemUserId } from "../../../../emulators/dataverse/model";
import { anOpportunity, expectRefusal, newOrganization } from "./builders";

describe("creating rows", () => {
  it("stores values by column type and reads them back in the Web API's form", () => {
    const { org, accountId } = newOrganization();
    const { id, etag, created } = org.create(
      "opportunities",
      anOpportunity(accountId, {
        closeprobability: 40,
        budgetamount: 1234.567,
        csb_syncwithpartnercenter: true,
        csb_microsofthelp: "582100002, 582100000",
        csb_lastsyncedon: "2026-03-01T10:15:30.123+01:00",
      }),
    );
    expect(created).toBe(true);
    expect(etag).toMatch(/^W\/"\d+"$/);
    const row = org.retrieve("opportunity", id);
    expect(row).toMatchObject({
      "@odata.etag": etag,
      opportunityid: id,
      name: "Warehouse modernisation",
      estimatedvalue: 250_000,
      estimatedclosedate: "2026-06-30",
      closeprobability: 40,
      budgetamount: 1234.57,
      csb_syncwithpartnercenter: true,
      csb_microsofthelp: "582100000,582100002",
      csb_lastsyncedon: "2026-03-01T09:15:30Z",
      csb_sharewithmicrosoft: false,
      csb_syncstatus: SyncStatus.NotSynced,
      _parentaccountid_value: accountId,
      statecode: 0,
      statuscode: 1,
      salesstage: 0,
    });
  });

  it("maintains the system columns: createdon, modifiedon, createdby, modifiedby, owner and versionnumber", () => {
    const { org, clock, accountId } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    clock.advance(65_000);
    org.update("opportunity", id, { name: "Renamed" });
    expect(org.retrieve("opportunity", id)).toMatchObject({
      createdon: "2026-03-02T09:30:00Z",
      modifiedon: "2026-03-02T09:31:05Z",
      _createdby_value: systemUserId,
      _modifiedby_value: systemUserId,
      _ownerid_value: systemUserId,
    });
  });

  it("fills the base currency when a money value comes without one, and keeps a bound currency", () => {
    const { org, usd, eur, accountId } = newOrganization();
    const plain = org.create("opportunity", anOpportunity(accountId)).id;
    const euro = org.create(
      "opportunity",
      anOpportunity(accountId, { "transactioncurrencyid@odata.bind": `/transactioncurrencies(${eur})` }),
    ).id;
    expect(org.retrieve("opportunity", plain)._transactioncurrencyid_value).toBe(usd);
    expect(org.retrieve("opportunity", euro)._transactioncurrencyid_value).toBe(eur);
    const noMoney = org.create("opportunity", { name: "No value yet" }).id;
    expect(org.retrieve("opportunity", noMoney)._transactioncurrencyid_value).toBeNull();
  });

  it("computes fullname from first and last name, and keeps it current", () => {
    const { org } = newOrganization();
    const { id } = org.create("contacts", { firstname: "Ana", lastname: "Silva" });
    expect(org.retrieve("contact", id).fullname).toBe("Ana Silva");
    org.update("contact", id, { firstname: null });
    expect(org.retrieve("contact", id).fullname).toBe("Silva");
  });

  it("accepts a primary key in the body, lower-casing it, and refuses a second row with it", () => {
    const { org } = newOrganization();
    const id = "6D81597F-0F9F-E711-8122-000D3AA2331C";
    expect(org.create("accounts", { accountid: id, name: "Contoso" }).id).toBe(id.toLowerCase());
    expectRefusal(
      () => org.create("accounts", { accountid: id, name: "Again" }),
      412,
      ErrorCode.duplicateRecord,
      "A record with matching key values already exists.",
    );
  });

  it("ignores instance annotations in a body, so a row read with annotations can be sent back", () => {
    const { org, accountId } = newOrganization();
    const row = org.retrieve("account", accountId, { select: "name,address1_country", includeAnnotations: "*" });
    // The row carries its own key, @odata.etag and FormattedValue annotations; none of them is an error.
    expect(org.update("account", accountId, { ...row, "@odata.type": "#Microsoft.Dynamics.CRM.account" }).created).toBe(
      false,
    );
    expect(org.retrieve("account", accountId).name).toBe("Fabrikam Ltd");
  });
});

describe("row versions", () => {
  it("gives every write a higher version than any before it, across tables", () => {
    const { org, accountId } = newOrganization();
    const versions: number[] = [];
    const etagNumber = (etag: string) => Number(/\d+/.exec(etag)?.[0]);
    const { id, etag } = org.create("opportunity", anOpportunity(accountId));
    versions.push(etagNumber(etag));
    versions.push(etagNumber(org.create("contact", { lastname: "Lee" }).etag));
    versions.push(etagNumber(org.update("opportunity", id, { name: "Second" }).etag));
    versions.push(etagNumber(org.update("opportunity", id, { name: "Second" }).etag));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    expect(org.retrieve("opportunity", id)).toMatchObject({
      "@odata.etag": `W/"${versions[3]}"`,
      versionnumber: versions[3],
    });
  });
});

describe("secrets and derived flags", () => {
  it("never returns serviceendpoint.authvalue, and says whether one is set", () => {
    const { org } = newOrganization();
    const { id } = org.create("serviceendpoints", {
      name: "pc-sync",
      url: "https://sync.example/dv-webhook",
      contract: 8,
      authtype: 4,
      authvalue: "s3cret",
      messageformat: 2,
    });
    const row = org.retrieve("serviceendpoint", id);
    expect(row).not.toHaveProperty("authvalue");
    expect(row.isauthvalueset).toBe(true);
    expect(JSON.stringify(org.retrieveMultiple("serviceendpoints"))).not.toContain("s3cret");
    expectRefusal(
      () => org.retrieve("serviceendpoint", id, { select: "authvalue" }),
      400,
      ErrorCode.propertyNotFound,
      /'authvalue'/,
    );
    org.update("serviceendpoint", id, { authvalue: null });
    expect(org.retrieve("serviceendpoint", id).isauthvalueset).toBe(false);
  });
});
