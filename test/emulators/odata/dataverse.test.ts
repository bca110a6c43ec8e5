import { describe, expect, it } from "vitest";
import { compileFilter, type FilterOptions } from "../../../emulators/odata";
import { accounts, environmentVariableDefinitions } from "./fixtures";

const dataverse: FilterOptions = { caseInsensitiveStrings: true };

function matchingAccounts(filter: string, options: FilterOptions = dataverse): string[] {
  return accounts.filter(compileFilter(filter, options)).map((account) => account.accountid);
}

describe("Dataverse-style filters", () => {
  it("combines contains() with an option set value, ignoring case as Dataverse does", () => {
    expect(matchingAccounts("contains(name,'contoso') and statecode eq 0")).toEqual(["a1", "a4"]);
  });

  it("keeps contains() case-sensitive without the option", () => {
    expect(matchingAccounts("contains(name,'contoso') and statecode eq 0", {})).toEqual(["a4"]);
  });

  it("matches a lookup value by unquoted GUID in either case", () => {
    expect(matchingAccounts("_parentaccountid_value eq 6d81597f-0f9f-e711-8122-000d3aa2331c")).toEqual(["a1", "a3"]);
    expect(matchingAccounts("_parentaccountid_value eq null")).toEqual(["a2", "a4"]);
    expect(matchingAccounts("_parentaccountid_value ne null")).toEqual(["a1", "a3"]);
  });

  it("negates a comparison with not, treating a null value as not less than 1000", () => {
    expect(matchingAccounts("not (estimatedvalue lt 1000)")).toEqual(["a2", "a3", "a4"]);
    expect(matchingAccounts("estimatedvalue lt 1000")).toEqual(["a1"]);
  });

  it("looks up an environment variable definition by schema name", () => {
    const byName = (filter: string, options: FilterOptions): string[] =>
      environmentVariableDefinitions
        .filter(compileFilter(filter, options))
        .map((definition) => definition.environmentvariabledefinitionid);
    expect(byName("schemaname eq 'csb_SyncEndpointUrl'", {})).toEqual(["e1"]);
    expect(byName("schemaname eq 'CSB_SYNCENDPOINTURL'", {})).toEqual([]);
    expect(byName("schemaname eq 'CSB_SYNCENDPOINTURL'", dataverse)).toEqual(["e1"]);
  });

  it("compares createdon against dates and date-times as instants", () => {
    // a4 is 2024-01-01T00:00:00Z written as +01:00; a3 is just before midnight with seven fractional digits.
    expect(matchingAccounts("createdon eq 2024-01-01T00:00:00Z")).toEqual(["a1", "a4"]);
    expect(matchingAccounts("createdon ge 2024-01-01")).toEqual(["a1", "a2", "a4"]);
    expect(matchingAccounts("createdon lt 2024-01-01")).toEqual(["a3"]);
    expect(matchingAccounts("createdon gt 2023-12-31T23:59:59.9999998Z")).toEqual(["a1", "a2", "a3", "a4"]);
    expect(matchingAccounts("createdon gt 2023-12-31T23:59:59.9999999Z")).toEqual(["a1", "a2", "a4"]);
  });

  it("uses tolower() and toupper() in comparisons", () => {
    expect(matchingAccounts("tolower(name) eq 'contoso pharma'", {})).toEqual(["a2"]);
    expect(matchingAccounts("startswith(toupper(name), 'CONTOSO')", {})).toEqual(["a1", "a2", "a4"]);
  });

  it("orders strings case-insensitively with the Dataverse option", () => {
    expect(matchingAccounts("name gt 'D'", {})).toEqual(["a3", "a4"]);
    expect(matchingAccounts("name gt 'D'")).toEqual(["a3"]);
  });
});
