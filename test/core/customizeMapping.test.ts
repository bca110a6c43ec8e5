import { describe, expect, it } from "vitest";
import { customizeMapping, defaultFieldMapping, mappingEntries } from "../../core";

const errorsOf = (json: string) => {
  const result = customizeMapping({ fieldMappingJson: json });
  return result.ok ? [] : result.errors;
};

describe("default mapping", () => {
  it("covers what the original connector syncs plus the co-sell fields, each with a direction and an owner", () => {
    const byField = Object.fromEntries(mappingEntries(defaultFieldMapping).map((entry) => [entry.field, entry]));
    expect(byField.dealValue).toMatchObject({ table: "opportunity", column: "estimatedvalue", direction: "both" });
    expect(byField.currency).toMatchObject({ column: "transactioncurrencyid", referralPath: "/details/currency" });
    expect(byField.closeDate).toMatchObject({ column: "estimatedclosedate", referralPath: "/details/closingDateTime" });
    expect(byField.notes).toMatchObject({ column: "description", referralPath: "/details/notes" });
    expect(byField.outcome).toMatchObject({ column: "statecode", owner: "partnerCenter" });
    expect(byField.customerCountry).toMatchObject({ table: "account", column: "address1_country" });
    expect(byField.contactEmail).toMatchObject({ table: "contact", referralPath: "/customerProfile/team/0/email" });
    expect(byField.microsoftCrmId).toMatchObject({ direction: "toDataverse", column: "csb_microsoftcrmid" });
    for (const entry of mappingEntries(defaultFieldMapping)) {
      expect(entry.referralPath).toMatch(/^\//);
      expect(entry.label).not.toBe("");
    }
  });
});

describe("customizeMapping", () => {
  it("returns the default mapping when nothing is configured", () => {
    expect(customizeMapping({})).toEqual({ ok: true, mapping: defaultFieldMapping });
    expect(customizeMapping({ fieldMappingJson: "  ", dealValueColumn: "", countryColumn: null })).toEqual({
      ok: true,
      mapping: defaultFieldMapping,
    });
  });

  it("applies the column environment variables and the JSON overrides", () => {
    const result = customizeMapping({
      dealValueColumn: "new_totalvalue",
      countryColumn: "new_countrycode",
      fieldMappingJson: JSON.stringify({
        fields: {
          notes: { direction: "toDataverse", owner: "partnerCenter" },
          contactPhone: { column: "mobilephone" },
        },
      }),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mapping.dealValue.column).toBe("new_totalvalue");
    expect(result.mapping.customerCountry.column).toBe("new_countrycode");
    expect(result.mapping.notes).toMatchObject({ direction: "toDataverse", owner: "partnerCenter" });
    expect(result.mapping.contactPhone.column).toBe("mobilephone");
    expect(defaultFieldMapping.notes.direction).toBe("both");
  });

  it.each([
    ["{", "csb_FieldMapping is not valid JSON"],
    ["[1]", "must be a JSON object"],
    ['{"field": {}}', "unknown top-level key 'field'"],
    ['{"fields": []}', "'fields' must be an object"],
    ['{"fields": {"dealvalue": {}}}', "fields.dealvalue is not a mapped field. Known fields: name, notes"],
    ['{"fields": {"name": "x"}}', "fields.name must be an object"],
    ['{"fields": {"name": {"colum": "x"}}}', "fields.name.colum is not a setting"],
    ['{"fields": {"name": {"column": "Estimated Value"}}}', "fields.name.column: 'Estimated Value' is not a Dataverse"],
    ['{"fields": {"name": {"column": 5}}}', "fields.name.column must be a string"],
    ['{"fields": {"outcome": {"column": "new_state"}}}', "fields.outcome.column can't be changed: Status is fixed"],
    ['{"fields": {"name": {"direction": "upstream"}}}', "fields.name.direction must be one of both, toPartnerCenter"],
    ['{"fields": {"name": {"owner": "me"}}}', "fields.name.owner must be one of dataverse, partnerCenter"],
    ['{"fields": {"notes": {"column": "name"}}}', "fields.name and fields.notes both map to opportunity.name"],
  ])("refuses %s, naming the entry", (json, message) => {
    expect(errorsOf(json).join("\n")).toContain(message);
  });

  it("reports every problem at once", () => {
    const errors = errorsOf('{"fields": {"name": {"direction": "x", "owner": "y"}, "bogus": {}}}');
    expect(errors).toHaveLength(3);
  });

  it("checks the column environment variables too", () => {
    expect(customizeMapping({ dealValueColumn: "Deal Value" })).toEqual({
      ok: false,
      errors: [
        "csb_DealValueField: 'Deal Value' is not a Dataverse logical name (lower-case letters, digits, underscores).",
      ],
    });
  });

  it("lets two fields share a column when one of them is out of the sync", () => {
    const result = customizeMapping({
      fieldMappingJson: '{"fields": {"notes": {"column": "name", "direction": "none"}}}',
    });
    expect(result.ok).toBe(true);
  });
});
