/**
 * Importing the realistic CoSellBridge solution into a fresh organization creates its metadata: the csb_ columns on
 * opportunity with the right types and options (so rows can use them at once), the csb_syncstatus global choice,
 * and the csb_partnercentersolution table, ready for rows. Checked through the model's public API only.
 */
import { describe, expect, it } from "vitest";
import { MicrosoftHelpOption, SyncStatus } from "../../../../core/dataverse/options";
import { opportunityTable, partnerCenterSolutionTable } from "../../../../core/dataverse/schema";
import { importSolution } from "../../../../emulators/dataverse/import";
import { DataverseError, ErrorCode, type ColumnDefinition } from "../../../../emulators/dataverse/model";
import { fixtureZip, freshOrganization } from "./importHarness";

const cosell = opportunityTable.cosellColumns;

function imported() {
  const organization = freshOrganization();
  const result = importSolution(organization, fixtureZip());
  const columnOf = (table: string, name: string): ColumnDefinition => {
    const found = organization.metadata.column(table, name);
    if (found === undefined) throw new Error(`${table}.${name} was not created`);
    return found;
  };
  return { organization, result, columnOf };
}

describe("the csb_ columns on opportunity", () => {
  it("get the types, lengths, formats and behaviours of the solution", () => {
    const { columnOf } = imported();
    const summary = (name: string) => {
      const column = columnOf("opportunity", name);
      return {
        type: column.type,
        isCustom: column.isCustom,
        ...("maxLength" in column ? { maxLength: column.maxLength, format: column.format } : {}),
        ...("behavior" in column ? { behavior: column.behavior } : {}),
      };
    };
    expect(summary(cosell.products)).toEqual({ type: "String", isCustom: true, maxLength: 1000, format: "Text" });
    expect(summary(cosell.referralLink)).toEqual({ type: "String", isCustom: true, maxLength: 500, format: "Url" });
    expect(summary(cosell.audit)).toEqual({ type: "Memo", isCustom: true, maxLength: 100_000, format: "Text" });
    expect(summary(cosell.lastSyncedOn)).toEqual({ type: "DateTime", isCustom: true, behavior: "UserLocal" });
    expect(columnOf("opportunity", cosell.syncWithPartnerCenter)).toMatchObject({
      type: "Boolean",
      trueLabel: "Yes",
      falseLabel: "No",
      defaultValue: false,
      displayName: "Sync with Partner Center",
    });
  });

  it("bind csb_syncstatus to the global choice and csb_microsofthelp to its own six options", () => {
    const { organization, columnOf } = imported();
    expect(columnOf("opportunity", cosell.syncStatus)).toMatchObject({
      type: "Picklist",
      options: { global: "csb_syncstatus" },
      defaultValue: SyncStatus.NotSynced,
    });
    expect(organization.metadata.choice("csb_syncstatus")?.options.map((option) => option.label)).toEqual([
      "Not synced",
      "Pending",
      "Synced",
      "Error",
    ]);
    const help = columnOf("opportunity", cosell.microsoftHelp);
    expect(help.type).toBe("MultiSelectPicklist");
    const values = "options" in help ? organization.metadata.optionsOf(help).map((option) => option.value) : [];
    expect(values).toEqual(Object.values(MicrosoftHelpOption));
  });

  it("take values at once: several help options, and only the sync statuses the choice has", () => {
    const { organization } = imported();
    const help = `${MicrosoftHelpOption.GeneralOrOther},${MicrosoftHelpOption.ProofOfConceptOrDemo}`;
    const { id } = organization.create("opportunities", { name: "Contoso rollout", [cosell.microsoftHelp]: help });
    expect(organization.retrieve("opportunity", id)).toMatchObject({
      [cosell.microsoftHelp]: "582100000,582100002",
      [cosell.syncStatus]: SyncStatus.NotSynced,
      [cosell.syncWithPartnerCenter]: false,
    });
    let refusal: unknown;
    try {
      organization.update("opportunity", id, { [cosell.syncStatus]: 1 });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataverseError);
    expect(refusal).toMatchObject({ httpStatus: 400, code: ErrorCode.outOfRange });
  });
});

describe("the csb_partnercentersolution table", () => {
  it("is created as the solution's own organization-owned table, with the platform's columns", () => {
    const { organization } = imported();
    expect(organization.metadata.findTable(partnerCenterSolutionTable.logicalName)).toMatchObject({
      entitySetName: partnerCenterSolutionTable.entitySet,
      primaryIdAttribute: partnerCenterSolutionTable.primaryKey,
      primaryNameAttribute: partnerCenterSolutionTable.columns.name,
      displayName: "Partner Center solution",
      ownershipType: "OrganizationOwned",
      isCustomEntity: true,
      isManaged: false,
      solution: "CoSellBridge",
    });
    const columns = organization.metadata.columns(partnerCenterSolutionTable.logicalName);
    expect(columns.map((column) => column.logicalName)).toEqual(
      expect.arrayContaining(["csb_name", "csb_solutionid", "createdon", "statecode", "statuscode"]),
    );
    expect(columns.some((column) => column.logicalName === "ownerid")).toBe(false);
    expect(columns.find((column) => column.logicalName === "csb_name")).toMatchObject({
      type: "String",
      maxLength: 200,
      requiredLevel: "ApplicationRequired",
    });
  });

  it("takes rows and answers queries", () => {
    const { organization } = imported();
    const { entitySet, columns } = partnerCenterSolutionTable;
    organization.create(entitySet, { [columns.name]: "Contoso Analytics", [columns.solutionId]: "SOL-1" });
    organization.create(entitySet, { [columns.name]: "Contoso Copilot", [columns.solutionId]: "SOL-2" });
    const page = organization.retrieveMultiple(entitySet, { filter: "csb_solutionid eq 'SOL-2'" });
    expect(page.value).toEqual([
      expect.objectContaining({ [columns.name]: "Contoso Copilot", statecode: 0, statuscode: 1 }),
    ]);
  });

  it("is created managed by a managed solution", () => {
    const organization = freshOrganization();
    importSolution(organization, fixtureZip({ managed: true }));
    expect(organization.metadata.findTable(partnerCenterSolutionTable.logicalName)?.isManaged).toBe(true);
  });
});
