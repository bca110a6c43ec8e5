import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../../emulators/dataverse/model";
import { anEtag, anOpportunity, expectRefusal, names, newOrganization, smallPipeline } from "./builders";

describe("$select", () => {
  it("returns the selected columns, the primary key and the ETag; money brings its currency", () => {
    const { org, ids, usd } = smallPipeline();
    const row = org.retrieve("opportunities", ids.alpha, { select: "name,estimatedvalue" });
    expect(row).toEqual({
      "@odata.etag": anEtag,
      name: "alpha deal",
      estimatedvalue: 500,
      _transactioncurrencyid_value: usd,
      opportunityid: ids.alpha,
    });
  });

  it("refuses an unknown column and a lookup named without _x_value", () => {
    const { org, ids } = smallPipeline();
    const notFound = (name: string) =>
      `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.opportunity'.`;
    expectRefusal(
      () => org.retrieve("opportunity", ids.alpha, { select: "name,bogus" }),
      400,
      ErrorCode.propertyNotFound,
      notFound("bogus"),
    );
    expectRefusal(
      () => org.retrieveMultiple("opportunity", { select: ["parentaccountid"] }),
      400,
      ErrorCode.propertyNotFound,
      notFound("parentaccountid"),
    );
    expect(org.retrieve("opportunity", ids.alpha, { select: ["_parentaccountid_value"] })).toHaveProperty(
      "_parentaccountid_value",
    );
  });
});

describe("$filter", () => {
  const filterNames = (filter: string) => {
    const { org } = smallPipeline();
    return names(org.retrieveMultiple("opportunity", { filter, orderBy: "name" }).value);
  };

  it("compares strings without regard to case, in eq, contains and startswith", () => {
    expect(filterNames("name eq 'ALPHA DEAL'")).toEqual(["alpha deal"]);
    expect(filterNames("contains(description,'azure')")).toEqual(["alpha deal", "Bravo deal"]);
    expect(filterNames("startswith(name,'b') or endswith(name,'TA DEAL')")).toEqual(["Bravo deal", "Delta deal"]);
  });

  it("uses three-valued logic: a comparison with a null column is unknown, and not(unknown) stays unknown", () => {
    expect(filterNames("estimatedvalue lt 1000")).toEqual(["alpha deal"]);
    expect(filterNames("not (estimatedvalue lt 1000)")).toEqual(["Bravo deal"]);
    expect(filterNames("estimatedvalue ne 500")).toEqual(["Bravo deal"]);
    expect(filterNames("not contains(description,'azure')")).toEqual(["Delta deal"]);
    expect(filterNames("estimatedvalue lt 1000 or name eq 'charlie deal'")).toEqual(["alpha deal", "charlie deal"]);
    // Unknown and false is false, so its negation selects Delta; unknown and true stays unknown for Charlie.
    expect(filterNames("not (estimatedvalue lt 1000 and name eq 'charlie deal')")).toEqual([
      "alpha deal",
      "Bravo deal",
      "Delta deal",
    ]);
  });

  it("keeps eq null and ne null as plain null tests", () => {
    expect(filterNames("estimatedvalue eq null")).toEqual(["charlie deal", "Delta deal"]);
    expect(filterNames("not (estimatedvalue eq null)")).toEqual(["alpha deal", "Bravo deal"]);
    expect(filterNames("description ne null and estimatedvalue eq null")).toEqual(["Delta deal"]);
  });

  it("filters lookups by _x_value in either case, and follows a lookup to its row", () => {
    const { org, accountId } = smallPipeline();
    const other = org.create("account", { name: "Contoso" }).id;
    org.create("opportunity", anOpportunity(other, { name: "elsewhere" }));
    const byAccount = (filter: string) => names(org.retrieveMultiple("opportunity", { filter, orderBy: "name" }).value);
    expect(byAccount(`_parentaccountid_value eq ${other.toUpperCase()}`)).toEqual(["elsewhere"]);
    expect(byAccount(`_parentaccountid_value ne ${accountId}`)).toEqual(["elsewhere"]);
    expect(byAccount("parentaccountid/name eq 'CONTOSO'")).toEqual(["elsewhere"]);
  });

  it("finds an environment variable by schema name with any/all over its values", () => {
    const { org } = newOrganization();
    const withValue = org.create("environmentvariabledefinition", {
      schemaname: "csb_SyncEndpointUrl",
      displayname: "A",
    }).id;
    org.create("environmentvariabledefinition", { schemaname: "csb_FieldMapping", displayname: "B" });
    org.create("environmentvariablevalue", {
      value: "https://sync.example",
      "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${withValue})`,
    });
    const schemaNames = (filter: string) =>
      org.retrieveMultiple("environmentvariabledefinitions", { filter }).value.map((row) => row.schemaname);
    expect(schemaNames("schemaname eq 'CSB_SYNCENDPOINTURL'")).toEqual(["csb_SyncEndpointUrl"]);
    expect(
      schemaNames("environmentvariabledefinition_environmentvariablevalue/any(v: startswith(v/value,'https'))"),
    ).toEqual(["csb_SyncEndpointUrl"]);
  });

  it("refuses unknown properties and malformed text with 400", () => {
    const { org } = smallPipeline();
    expectRefusal(
      () => org.retrieveMultiple("opportunity", { filter: "bogus eq 1" }),
      400,
      ErrorCode.propertyNotFound,
      /named 'bogus'/,
    );
    expectRefusal(
      () => org.retrieveMultiple("opportunity", { filter: "parentaccountid eq null" }),
      400,
      ErrorCode.propertyNotFound,
      /named 'parentaccountid'/,
    );
    expectRefusal(
      () => org.retrieveMultiple("opportunity", { filter: "parentaccountid/bogus eq 1" }),
      400,
      ErrorCode.propertyNotFound,
      /named 'bogus' on type 'Microsoft\.Dynamics\.CRM\.account'/,
    );
    expectRefusal(
      () => org.retrieveMultiple("opportunity", { filter: "name eq" }),
      400,
      ErrorCode.propertyNotFound,
      /\$filter is invalid/,
    );
  });
});

describe("$orderby, $top and $count", () => {
  it("orders case-insensitively, nulls first when ascending and last when descending", () => {
    const { org } = smallPipeline();
    expect(names(org.retrieveMultiple("opportunity", { orderBy: "name desc" }).value)).toEqual([
      "Delta deal",
      "charlie deal",
      "Bravo deal",
      "alpha deal",
    ]);
    expect(names(org.retrieveMultiple("opportunity", { orderBy: "estimatedvalue,name" }).value)).toEqual([
      "charlie deal",
      "Delta deal",
      "alpha deal",
      "Bravo deal",
    ]);
    expect(names(org.retrieveMultiple("opportunity", { orderBy: "estimatedvalue desc,name" }).value)).toEqual([
      "Bravo deal",
      "alpha deal",
      "charlie deal",
      "Delta deal",
    ]);
    expectRefusal(
      () => org.retrieveMultiple("opportunity", { orderBy: "bogus" }),
      400,
      ErrorCode.propertyNotFound,
      /'bogus'/,
    );
  });

  it("limits with $top and counts every match with $count", () => {
    const { org } = smallPipeline();
    const page = org.retrieveMultiple("opportunity", {
      orderBy: "name",
      top: 2,
      count: true,
      filter: "contains(name,'deal')",
    });
    expect(names(page.value)).toEqual(["alpha deal", "Bravo deal"]);
    expect(page).toMatchObject({ count: 4, skipToken: null });
    expect(org.retrieveMultiple("opportunity").count).toBeNull();
  });

  it("refuses $top with odata.maxpagesize, and values that are not positive whole numbers", () => {
    const { org } = smallPipeline();
    expectRefusal(
      () => org.retrieveMultiple("opportunity", { top: 2, maxPageSize: 2 }),
      400,
      ErrorCode.propertyNotFound,
      /can't be combined/,
    );
    expectRefusal(
      () => org.retrieveMultiple("opportunity", { top: 0 }),
      400,
      ErrorCode.propertyNotFound,
      /\$top must be a positive whole number/,
    );
    expectRefusal(
      () => org.retrieveMultiple("opportunity", { maxPageSize: 2.5 }),
      400,
      ErrorCode.propertyNotFound,
      /maxpagesize/,
    );
  });
});
