import { describe, expect, it } from "vitest";
import {
  AssistanceRequestCode,
  CustomerSize,
  MicrosoftHelpOption,
  OpportunityStatus,
  ReferralSubstatus,
  SyncStatus,
  helpCodeOfOption,
  isEnumValue,
  iso3166Alpha2Codes,
  iso4217CurrencyCodes,
  opportunityStatusesByState,
} from "../../core";

describe("enumerations", () => {
  it("spell the API's values exactly", () => {
    expect(Object.values(AssistanceRequestCode)).toEqual([
      "Unknown",
      "GeneralOrOther",
      "CustomerTechnicalArchitecture",
      "ProofOfConceptOrDemo",
      "QuotesOrLicensing",
      "PostSalesCustomerSuccess",
      "WorkloadSpecificValueProposition",
    ]);
    expect(Object.values(CustomerSize)).toContain("Morethan20000employees");
    expect(Object.values(CustomerSize)).toHaveLength(11);
    expect(Object.values(ReferralSubstatus)).not.toContain("Engaged");
  });

  it("recognise their own values and nothing else", () => {
    expect(isEnumValue(ReferralSubstatus, "Won")).toBe(true);
    expect(isEnumValue(ReferralSubstatus, "won")).toBe(false);
    expect(isEnumValue(ReferralSubstatus, "Engaged")).toBe(false);
    expect(isEnumValue(ReferralSubstatus, 3)).toBe(false);
    expect(isEnumValue(ReferralSubstatus, null)).toBe(false);
  });

  it("give each help code its own option value with the publisher prefix, and read it back", () => {
    const values = Object.values(MicrosoftHelpOption);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(String(value)).toMatch(/^58210\d{4}$/);
    expect(helpCodeOfOption(MicrosoftHelpOption.QuotesOrLicensing)).toBe("QuotesOrLicensing");
    expect(helpCodeOfOption(100_000_000)).toBeUndefined();
    expect(Object.values(SyncStatus)).toEqual([582_100_000, 582_100_001, 582_100_002, 582_100_003]);
  });

  it("pair each opportunity state with its status reasons", () => {
    expect(opportunityStatusesByState[1]).toEqual([OpportunityStatus.Won]);
    expect(opportunityStatusesByState[2]).toEqual([OpportunityStatus.Canceled, OpportunityStatus.OutSold]);
  });
});

describe("ISO reference data", () => {
  it("holds the 249 assigned country codes and no reserved ones", () => {
    expect(iso3166Alpha2Codes.size).toBe(249);
    for (const code of ["US", "DE", "JP", "RU", "SS", "BQ"]) expect(iso3166Alpha2Codes.has(code)).toBe(true);
    for (const code of ["UK", "EU", "XK", "ZZ", "us", "USA"]) expect(iso3166Alpha2Codes.has(code)).toBe(false);
  });

  it("holds active currency codes and no withdrawn ones", () => {
    for (const code of ["USD", "EUR", "JPY", "GBP", "VES", "ZWG"]) expect(iso4217CurrencyCodes.has(code)).toBe(true);
    for (const code of ["HRK", "DEM", "XDR", "usd", "US"]) expect(iso4217CurrencyCodes.has(code)).toBe(false);
  });
});
