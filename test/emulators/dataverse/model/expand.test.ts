import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../../emulators/dataverse/model";
import { anEtag, anOpportunity, aString, expectRefusal, newOrganization, smallPipeline } from "./builders";

describe("$expand", () => {
  it("expands a lookup to its row with a nested $select, and a polymorphic one only for its own table", () => {
    const { org, ids, accountId } = smallPipeline();
    org.update("opportunity", ids.alpha, { "customerid_account@odata.bind": `/accounts(${accountId})` });
    const row = org.retrieve("opportunity", ids.alpha, {
      select: "name",
      expand: "parentaccountid($select=name,address1_country),customerid_contact,customerid_account($select=name)",
    });
    expect(row.parentaccountid).toEqual({
      "@odata.etag": anEtag,
      name: "Fabrikam Ltd",
      address1_country: "US",
      accountid: accountId,
    });
    expect(row.customerid_contact).toBeNull();
    expect(row.customerid_account).toMatchObject({ name: "Fabrikam Ltd" });
  });

  it("expands the environment variable values collection with $select and $filter", () => {
    const { org } = newOrganization();
    const definition = org.create("environmentvariabledefinition", {
      schemaname: "csb_DealValueField",
      displayname: "D",
      defaultvalue: "estimatedvalue",
    }).id;
    org.create("environmentvariablevalue", {
      value: "budgetamount",
      "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${definition})`,
    });
    const page = org.retrieveMultiple("environmentvariabledefinitions", {
      select: "schemaname,defaultvalue,type",
      filter: "schemaname eq 'csb_DealValueField'",
      expand: "environmentvariabledefinition_environmentvariablevalue($select=value)",
    });
    expect(page.value).toHaveLength(1);
    const values = page.value[0]?.environmentvariabledefinition_environmentvariablevalue;
    expect(values).toEqual([
      {
        "@odata.etag": anEtag,
        value: "budgetamount",
        environmentvariablevalueid: aString,
      },
    ]);
    const filtered = org.retrieve("environmentvariabledefinition", definition, {
      expand: "environmentvariabledefinition_environmentvariablevalue($filter=value eq 'other')",
    });
    expect(filtered.environmentvariabledefinition_environmentvariablevalue).toEqual([]);
  });

  it("refuses unknown navigations, nested $expand and unsupported options", () => {
    const { org, ids } = smallPipeline();
    expectRefusal(
      () => org.retrieve("opportunity", ids.alpha, { expand: "bogus" }),
      400,
      ErrorCode.propertyNotFound,
      /named 'bogus'/,
    );
    expectRefusal(
      () => org.retrieve("opportunity", ids.alpha, { expand: "parentaccountid($expand=primarycontactid)" }),
      400,
      ErrorCode.propertyNotFound,
      /doesn't support \$expand/,
    );
    expectRefusal(
      () => org.retrieve("opportunity", ids.alpha, { expand: "parentaccountid($select=name" }),
      400,
      ErrorCode.propertyNotFound,
      /Unbalanced/,
    );
  });
});

describe("annotations", () => {
  const formatted = "OData.Community.Display.V1.FormattedValue";

  it("adds English formatted values, lookup table names and navigation names when asked for all", () => {
    const { org, accountId, eur } = newOrganization();
    const { id } = org.create(
      "opportunity",
      anOpportunity(accountId, {
        estimatedvalue: 1234567.5,
        closeprobability: 1500 / 30,
        salesstage: 2,
        csb_syncwithpartnercenter: true,
        csb_microsofthelp: "582100000,582100002",
        csb_lastsyncedon: "2026-03-02T14:05:00Z",
        "transactioncurrencyid@odata.bind": `/transactioncurrencies(${eur})`,
      }),
    );
    const row = org.retrieve("opportunity", id, { includeAnnotations: '"*"' });
    expect(row).toMatchObject({
      [`estimatedvalue@${formatted}`]: "€1,234,567.50",
      [`closeprobability@${formatted}`]: "50",
      [`salesstage@${formatted}`]: "Propose",
      [`statecode@${formatted}`]: "Open",
      [`statuscode@${formatted}`]: "In Progress",
      [`csb_syncwithpartnercenter@${formatted}`]: "Yes",
      [`csb_sharewithmicrosoft@${formatted}`]: "No",
      [`csb_microsofthelp@${formatted}`]: "General or other; Proof of concept or demo",
      [`estimatedclosedate@${formatted}`]: "6/30/2026",
      [`csb_lastsyncedon@${formatted}`]: "3/2/2026 2:05 PM",
      [`_parentaccountid_value@${formatted}`]: "Fabrikam Ltd",
      "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "account",
      "_parentaccountid_value@Microsoft.Dynamics.CRM.associatednavigationproperty": "parentaccountid",
      [`_transactioncurrencyid_value@${formatted}`]: "Euro",
    });
    expect(row).not.toHaveProperty(`name@${formatted}`);
    expect(row).not.toHaveProperty(`description@${formatted}`);
    const keys = Object.keys(row);
    expect(keys.indexOf("_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname")).toBeLessThan(
      keys.indexOf("_parentaccountid_value"),
    );
  });

  it("adds only what is asked for, and nothing without the preference", () => {
    const { org, accountId } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    const annotationKeys = (includeAnnotations?: string) =>
      Object.keys(
        org.retrieve("opportunity", id, {
          select: "_parentaccountid_value,salesstage",
          ...(includeAnnotations !== undefined && { includeAnnotations }),
        }),
      ).filter((key) => key.includes("@") && !key.startsWith("@"));
    expect(annotationKeys()).toEqual([]);
    expect(annotationKeys("Microsoft.Dynamics.CRM.lookuplogicalname")).toEqual([
      "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname",
    ]);
    expect(annotationKeys(formatted)).toEqual([`_parentaccountid_value@${formatted}`, `salesstage@${formatted}`]);
    expect(annotationKeys(`*,-${formatted}`)).toEqual([
      "_parentaccountid_value@Microsoft.Dynamics.CRM.associatednavigationproperty",
      "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname",
    ]);
  });

  it("formats yen without decimals and negative money with the sign first", () => {
    const { org, accountId } = newOrganization();
    const yen = org.create("transactioncurrency", {
      isocurrencycode: "JPY",
      currencyname: "Yen",
      currencysymbol: "¥",
      exchangerate: 151.5,
      currencyprecision: 0,
    }).id;
    const { id } = org.create(
      "opportunity",
      anOpportunity(accountId, {
        estimatedvalue: 15_000_000,
        budgetamount: -1500,
        "transactioncurrencyid@odata.bind": `/transactioncurrencies(${yen})`,
      }),
    );
    const row = org.retrieve("opportunity", id, { includeAnnotations: formatted });
    expect(row[`estimatedvalue@${formatted}`]).toBe("¥15,000,000");
    expect(row[`budgetamount@${formatted}`]).toBe("-¥1,500");
  });
});
