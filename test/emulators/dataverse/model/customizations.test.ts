import { describe, expect, it } from "vitest";
import { MicrosoftHelpOption, opportunityTable, SyncStatus } from "../../../../core";
import {
  column,
  DataverseOrganization,
  ErrorCode,
  withCoSellSchema,
  type ColumnDefinition,
} from "../../../../emulators/dataverse/model";
import { expectRefusal, newOrganization } from "./builders";

function columnOf(org: DataverseOrganization, table: string, name: string): ColumnDefinition {
  const found = org.metadata.column(table, name);
  if (found === undefined) throw new Error(`${table}.${name} is missing`);
  return found;
}

describe("customizations at run time", () => {
  it("adds a custom table with platform columns and an Active/Inactive state, ready for rows", () => {
    const org = new DataverseOrganization();
    const table = org.metadata.addTable({
      logicalName: "csb_widget",
      entitySetName: "csb_widgets",
      displayName: "Widget",
      primaryNameAttribute: "csb_name",
      columns: [column.string("csb_name", { maxLength: 20, isCustom: true })],
    });
    expect(table).toMatchObject({
      primaryIdAttribute: "csb_widgetid",
      isCustomEntity: true,
      isOptimisticConcurrencyEnabled: true,
      ownershipType: "UserOwned",
    });
    const names = org.metadata.columns("csb_widget").map((definition) => definition.logicalName);
    expect(names).toEqual(
      expect.arrayContaining([
        "csb_widgetid",
        "createdon",
        "modifiedon",
        "versionnumber",
        "ownerid",
        "statecode",
        "statuscode",
      ]),
    );
    const { id } = org.create("csb_widgets", { csb_name: "First" });
    org.update("csb_widgets", id, { statecode: 1 });
    expect(org.retrieve("csb_widget", id)).toMatchObject({ csb_name: "First", statecode: 1, statuscode: 2 });
    expect(org.metadata.additions().map((addition) => addition.kind)).toEqual(["table"]);
  });

  it("adds columns and global choices, which rows can use at once", () => {
    const org = new DataverseOrganization();
    org.metadata.addChoice({
      name: "csb_tier",
      displayName: "Tier",
      options: [
        { value: 1, label: "Gold" },
        { value: 2, label: "Silver" },
      ],
    });
    org.metadata.addColumn("account", column.choice("csb_tier", { global: "csb_tier" }, { isCustom: true }));
    const { id } = org.create("account", { name: "Contoso", csb_tier: 2 });
    expect(org.retrieve("account", id, { includeAnnotations: "*" })).toMatchObject({
      csb_tier: 2,
      "csb_tier@OData.Community.Display.V1.FormattedValue": "Silver",
    });
    expectRefusal(() => org.create("account", { name: "x", csb_tier: 3 }), 400, ErrorCode.outOfRange, /csb_tier/);
  });

  it.each([
    [
      "a second table with the same name",
      (org: DataverseOrganization) =>
        org.metadata.addTable({ logicalName: "account", entitySetName: "accounts2", displayName: "x" }),
      /already exists/,
    ],
    [
      "a table reusing an entity set name",
      (org: DataverseOrganization) =>
        org.metadata.addTable({ logicalName: "csb_x", entitySetName: "accounts", displayName: "x" }),
      /entity set name 'accounts'/,
    ],
    [
      "a name that is not a logical name",
      (org: DataverseOrganization) =>
        org.metadata.addTable({ logicalName: "Csb X", entitySetName: "csb_xs", displayName: "x" }),
      /not a valid table name/,
    ],
    [
      "a primary name column the table lacks",
      (org: DataverseOrganization) =>
        org.metadata.addTable({
          logicalName: "csb_x",
          entitySetName: "csb_xs",
          displayName: "x",
          primaryNameAttribute: "csb_name",
        }),
      /primary name column 'csb_name'/,
    ],
    [
      "a column the table already has",
      (org: DataverseOrganization) => org.metadata.addColumn("account", column.string("name")),
      /already has a column named 'name'/,
    ],
    [
      "a choice column on an unknown choice",
      (org: DataverseOrganization) => org.metadata.addColumn("account", column.choice("csb_c", { global: "csb_nope" })),
      /unknown choice 'csb_nope'/,
    ],
    [
      "a choice repeating a value",
      (org: DataverseOrganization) =>
        org.metadata.addChoice({
          name: "csb_dup",
          displayName: "x",
          options: [
            { value: 1, label: "a" },
            { value: 1, label: "b" },
          ],
        }),
      /repeats an option value/,
    ],
    [
      "a lookup whose relationship name is taken",
      (org: DataverseOrganization) =>
        org.metadata.addColumn(
          "contact",
          column.lookup("csb_def", [
            {
              table: "environmentvariabledefinition",
              relationship: "environmentvariabledefinition_environmentvariablevalue",
            },
          ]),
        ),
      /relationship named/,
    ],
  ])("refuses %s", (_what, change, message) => {
    const org = new DataverseOrganization();
    expectRefusal(() => change(org), 400, ErrorCode.invalidArgument, message);
    expect(org.metadata.additions()).toEqual([]);
  });

  it("leaves no trace of a refused table, so a corrected one can follow", () => {
    const org = new DataverseOrganization();
    expect(() =>
      org.metadata.addTable({
        logicalName: "csb_x",
        entitySetName: "csb_xs",
        displayName: "x",
        primaryNameAttribute: "csb_name",
      }),
    ).toThrow();
    expect(org.metadata.findTable("csb_x")).toBeUndefined();
    org.metadata.addTable({
      logicalName: "csb_x",
      entitySetName: "csb_xs",
      displayName: "x",
      primaryNameAttribute: "csb_name",
      columns: [column.string("csb_name")],
    });
    expect(org.metadata.findTable("csb_xs")?.logicalName).toBe("csb_x");
  });

  it("answers 404 for an unknown table", () => {
    const org = new DataverseOrganization();
    expectRefusal(
      () => org.metadata.addColumn("nope", column.string("x")),
      404,
      ErrorCode.resourceNotFound,
      "Resource not found for the segment 'nope'.",
    );
  });
});

describe("the co-sell schema helper", () => {
  it("adds the csb_ columns with the design's types and core's option values, once", () => {
    const { org } = newOrganization();
    withCoSellSchema(org);
    const types = Object.values(opportunityTable.cosellColumns).map((name) => [
      name,
      columnOf(org, "opportunity", name).type,
    ]);
    expect(Object.fromEntries(types)).toEqual({
      csb_syncwithpartnercenter: "Boolean",
      csb_microsofthelp: "MultiSelectPicklist",
      csb_sharewithmicrosoft: "Boolean",
      csb_products: "Memo",
      csb_referralid: "String",
      csb_referrallink: "String",
      csb_microsoftcrmid: "String",
      csb_syncstatus: "Picklist",
      csb_lastsyncedon: "DateTime",
      csb_audit: "Memo",
    });
    expect(columnOf(org, "opportunity", "csb_referrallink")).toMatchObject({ format: "Url", isCustom: true });
    expect(org.metadata.choice("csb_microsofthelp")?.options.map((option) => option.value)).toEqual(
      Object.values(MicrosoftHelpOption),
    );
    expect(org.metadata.choice("csb_syncstatus")?.options.map((option) => option.value)).toEqual(
      Object.values(SyncStatus),
    );
    expect(org.metadata.table("csb_partnercentersolutions")).toMatchObject({
      primaryIdAttribute: "csb_partnercentersolutionid",
      primaryNameAttribute: "csb_name",
      solution: "CoSellBridge",
    });
    expect(org.metadata.additions()).toHaveLength(2 + 10 + 1);
  });

  it("leaves an organization without it free of csb_ columns, as before solution import", () => {
    const org = new DataverseOrganization();
    expectRefusal(
      () => org.create("opportunity", { name: "x", csb_syncwithpartnercenter: true }),
      400,
      ErrorCode.propertyNotFound,
      /csb_syncwithpartnercenter/,
    );
  });
});
