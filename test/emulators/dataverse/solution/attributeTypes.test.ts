/**
 * Attribute types beyond those of the realistic fixture: lookups with the tables their relationships name, numbers
 * with precision and bounds, date-only columns, and the column definitions the reader refuses.
 */
import { describe, expect, it } from "vitest";
import { readSolutionZip } from "../../../../emulators/dataverse/solution";
import { coSellBridgeParts } from "./coSellBridgeFixture";
import { attribute } from "./fixtureAttributes";
import { replaceInPart, zipParts, type FixtureParts } from "./fixtureZip";
import { expectProblems, refusalOf } from "./refusal";

const customizationsPart = "customizations.xml";

/** The fixture with more columns on the opportunity (its `</attributes>` comes first in customizations.xml). */
function withOpportunityColumns(...columns: string[]): FixtureParts {
  return replaceInPart(coSellBridgeParts(), customizationsPart, "</attributes>", `${columns.join("")}</attributes>`);
}

const primarySolutionRelationship = `<EntityRelationships>
    <EntityRelationship Name="csb_opportunity_primarysolution">
      <EntityRelationshipType>OneToMany</EntityRelationshipType>
      <ReferencingEntityName>Opportunity</ReferencingEntityName>
      <ReferencedEntityName>csb_PartnerCenterSolution</ReferencedEntityName>
      <ReferencingAttributeName>csb_PrimarySolutionId</ReferencingAttributeName>
    </EntityRelationship>
  </EntityRelationships>`;

const lookupColumn = attribute({
  schemaName: "csb_PrimarySolutionId",
  type: "lookup",
  displayName: "Primary solution",
});

function opportunityColumn(parts: FixtureParts, logicalName: string) {
  const opportunity = readSolutionZip(zipParts(parts)).entities.find((entity) => entity.logicalName === "opportunity");
  return opportunity?.attributes.find((column) => column.logicalName === logicalName);
}

describe("more attribute types", () => {
  it("reads a lookup with the table its OneToMany relationship names", () => {
    const parts = replaceInPart(
      withOpportunityColumns(lookupColumn),
      customizationsPart,
      "<EntityRelationships />",
      primarySolutionRelationship,
    );
    expect(opportunityColumn(parts, "csb_primarysolutionid")).toMatchObject({
      type: "Lookup",
      targets: ["csb_partnercentersolution"],
    });
  });

  it("warns about a lookup whose relationship is not in the zip", () => {
    const solution = readSolutionZip(zipParts(withOpportunityColumns(lookupColumn)));
    expect(solution.warnings.map((warning) => warning.message)).toEqual([
      "The column opportunity.csb_primarysolutionid is a lookup without a relationship in the zip naming its table.",
    ]);
  });

  it("reads money, decimal and whole-number columns with precision and bounds", () => {
    const parts = withOpportunityColumns(
      attribute({
        schemaName: "csb_CoSellValue",
        type: "money",
        displayName: "Co-sell value",
        extra: "<Accuracy>2</Accuracy><MinValue>0</MinValue><MaxValue>1000000000</MaxValue>",
      }),
      attribute({
        schemaName: "csb_Probability",
        type: "decimal",
        displayName: "Probability",
        extra: "<Accuracy>4</Accuracy>",
      }),
      attribute({
        schemaName: "csb_SyncAttempts",
        type: "int",
        displayName: "Sync attempts",
        extra: "<Format>none</Format><MinValue>0</MinValue><MaxValue>100</MaxValue>",
      }),
    );
    expect(opportunityColumn(parts, "csb_cosellvalue")).toMatchObject({
      type: "Money",
      precision: 2,
      minValue: 0,
      maxValue: 1_000_000_000,
    });
    expect(opportunityColumn(parts, "csb_probability")).toMatchObject({
      type: "Decimal",
      precision: 4,
      minValue: undefined,
    });
    expect(opportunityColumn(parts, "csb_syncattempts")).toMatchObject({
      type: "Integer",
      format: "none",
      maxValue: 100,
    });
  });

  it("reads a date-only column", () => {
    const dateOnly = attribute({
      schemaName: "csb_RegisteredOn",
      type: "datetime",
      displayName: "Registered on",
      extra: "<Format>date</Format><Behavior>2</Behavior>",
    });
    expect(opportunityColumn(withOpportunityColumns(dateOnly), "csb_registeredon")).toMatchObject({
      type: "DateTime",
      format: "date",
      behavior: "DateOnly",
    });
  });
});

describe("column definitions the reader refuses", () => {
  it("refuses a type the emulator can't import, naming the supported ones", () => {
    const image = attribute({ schemaName: "csb_Logo", type: "image", displayName: "Logo" });
    expectProblems(refusalOf(zipParts(withOpportunityColumns(image))), [
      {
        code: "InvalidComponent",
        part: customizationsPart,
        says: "The column opportunity.csb_logo has the type 'image', which the emulator can't import. Supported types: nvarchar, ntext,",
      },
    ]);
  });

  it("refuses text without a length, a date-only column shown with time, and a choice column without options", () => {
    const parts = withOpportunityColumns(
      attribute({ schemaName: "csb_Note", type: "nvarchar", displayName: "Note" }),
      attribute({
        schemaName: "csb_DueOn",
        type: "datetime",
        displayName: "Due on",
        extra: "<Format>datetime</Format><Behavior>2</Behavior>",
      }),
      attribute({ schemaName: "csb_Tier", type: "picklist", displayName: "Tier" }),
    );
    expectProblems(refusalOf(zipParts(parts)), [
      {
        code: "InvalidComponent",
        part: customizationsPart,
        says: "The column opportunity.csb_note needs a <MaxLength> from 1 to 4000.",
      },
      {
        code: "InvalidComponent",
        part: customizationsPart,
        says: "The column opportunity.csb_dueon is date-only, so its <Format> must be date.",
      },
      {
        code: "InvalidComponent",
        part: customizationsPart,
        says: "The column opportunity.csb_tier is a choice column without options",
      },
    ]);
  });

  it("refuses a schema name that is not the logical name in other case", () => {
    const mismatched = replaceInPart(
      coSellBridgeParts(),
      customizationsPart,
      'PhysicalName="csb_Audit"',
      'PhysicalName="csb_AuditLog"',
    );
    expectProblems(refusalOf(zipParts(mismatched)), [
      {
        code: "InvalidComponent",
        part: customizationsPart,
        says: `has PhysicalName="csb_AuditLog", which is not its logical name 'csb_audit' in other case.`,
      },
    ]);
  });
});
