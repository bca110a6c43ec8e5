/**
 * The plan and its rehearsal: a metadata change the organization refuses halfway through the plan leaves no trace
 * (the metadata is not transactional, so the rehearsal on a copy is what protects it); steps on the solution's own
 * table get a message filter; and what the emulator can't apply is reported as a warning, not silently dropped.
 */
import { describe, expect, it } from "vitest";
import { importSolution, SolutionApplyError } from "../../../../emulators/dataverse/import";
import { applyPlan } from "../../../../emulators/dataverse/import/applyPlan";
import { planImport } from "../../../../emulators/dataverse/import/importPlan";
import { column, sdkMessageIds } from "../../../../emulators/dataverse/model";
import { readSolutionZip } from "../../../../emulators/dataverse/solution";
import { replaceInPart, zipParts } from "../solution/fixtureZip";
import { fixtureParts, fixtureZip, freshOrganization, onlyRow, stateOf } from "./importHarness";

describe("the rehearsal", () => {
  it("keeps a metadata change refused after others from leaving the earlier ones behind", () => {
    const organization = freshOrganization();
    const zipBytes = fixtureZip();
    const plan = planImport(organization, readSolutionZip(zipBytes), false);
    const repeatedValue = column.choice("csb_broken", [
      { value: 1, label: "One" },
      { value: 1, label: "Also one" },
    ]);
    const broken = {
      ...plan,
      metadata: {
        ...plan.metadata,
        columns: [
          ...plan.metadata.columns,
          { table: "opportunity", spec: repeatedValue, inTableSpec: false, outcome: "created" as const },
        ],
      },
    };
    const before = stateOf(organization);
    let refusal: unknown;
    try {
      applyPlan(organization, broken, { zipBytes, write: {}, overwriteValues: false });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(SolutionApplyError);
    expect((refusal as SolutionApplyError).problems).toEqual([
      expect.objectContaining({ code: "Refused", component: "column opportunity.csb_broken" }),
    ]);
    expect(stateOf(organization)).toEqual(before);
  });
});

describe("steps on the solution's own table", () => {
  it("get a message filter for that table, created once", () => {
    const parts = replaceInPart(
      fixtureParts(),
      "customizations.xml",
      "<PrimaryEntity>opportunity",
      "<PrimaryEntity>csb_partnercentersolution",
    );
    const organization = freshOrganization();
    const result = importSolution(organization, zipParts(parts));
    expect(result.components.sdkMessageFilter.created).toEqual(["Create of csb_partnercentersolution"]);
    const filter = onlyRow(organization, "sdkmessagefilter", "primaryobjecttypecode eq 'csb_partnercentersolution'");
    expect(filter._sdkmessageid_value).toBe(sdkMessageIds.Create);
    const step = onlyRow(
      organization,
      "sdkmessageprocessingstep",
      `_sdkmessagefilterid_value eq ${String(filter.sdkmessagefilterid)}`,
    );
    expect(step.name).toBe("CoSellBridge: Create of opportunity");
    const again = importSolution(organization, zipParts(parts));
    expect(again.counts.sdkMessageFilter).toEqual({ created: 0, updated: 0, unchanged: 0 });
  });
});

describe("what the emulator can't apply", () => {
  it("keeps a choice the organization has and warns that its options differ", () => {
    const organization = freshOrganization();
    organization.metadata.addChoice({
      name: "csb_syncstatus",
      displayName: "Sync status",
      options: [
        { value: 582_100_000, label: "Not synced" },
        { value: 7, label: "Legacy" },
      ],
    });
    const result = importSolution(organization, fixtureZip());
    expect(result.components.choice.unchanged).toEqual(["csb_syncstatus"]);
    expect(result.warnings).toEqual([
      {
        part: "choice csb_syncstatus",
        message: expect.stringMatching(
          /adds the values 582100001, 582100002, 582100003 and .* has the values 7/,
        ) as unknown,
      },
    ]);
    expect(organization.metadata.choice("csb_syncstatus")?.options).toHaveLength(2);
  });

  it("keeps an existing column of the same type and warns when its length differs", () => {
    const organization = freshOrganization();
    organization.metadata.addColumn("opportunity", column.string("csb_referralid", { maxLength: 50, isCustom: true }));
    const result = importSolution(organization, fixtureZip());
    expect(result.components.column.unchanged).toEqual(["opportunity.csb_referralid"]);
    expect(result.warnings.map((warning) => warning.part)).toEqual(["column opportunity.csb_referralid"]);
    expect(result.warnings[0]?.message).toMatch(/maximum length is 50 in the organization and 100 in the solution/);
  });
});
