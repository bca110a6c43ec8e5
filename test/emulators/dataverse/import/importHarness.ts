/**
 * Helpers for the ImportSolution tests: a fresh organization on a manual clock, the realistic CoSellBridge fixture
 * (and its upgrade: a version bump with an extra column and a changed environment variable default), the state of an
 * organization for "nothing changed" comparisons, and a catcher for SolutionApplyError.
 */
import { expect } from "vitest";
import { environmentVariables } from "../../../../core/dataverse/schema";
import { DataverseOrganization, type ODataRow } from "../../../../emulators/dataverse/model";
import { SolutionApplyError, type ApplyProblemCode } from "../../../../emulators/dataverse/import";
import { ManualClock } from "../../../../emulators/shared/clock";
import { seededIds } from "../../../../emulators/shared/ids";
import { coSellBridgeParts } from "../solution/coSellBridgeFixture";
import { textColumn } from "../solution/fixtureAttributes";
import { replaceInPart, zipParts, type FixtureParts } from "../solution/fixtureZip";

/** A fresh organization with repeatable ids. */
export function freshOrganization(): DataverseOrganization {
  return new DataverseOrganization({ clock: new ManualClock("2026-03-02T09:30:00Z"), ids: seededIds("import-tests") });
}

/** The fixture's parts, unmanaged unless asked. */
export function fixtureParts(options: { managed?: boolean } = {}): FixtureParts {
  return coSellBridgeParts(options);
}

/** The fixture as zip bytes. */
export function fixtureZip(options: { managed?: boolean } = {}): Uint8Array {
  return zipParts(fixtureParts(options));
}

/** The same parts with another solution version. */
export function withVersion(parts: FixtureParts, version: string): FixtureParts {
  return replaceInPart(parts, "solution.xml", "<Version>1.2.0.7</Version>", `<Version>${version}</Version>`);
}

/** Adds a column at the end of the opportunity's attributes (the first attribute list of customizations.xml). */
export function withOpportunityColumn(parts: FixtureParts, attributeXml: string): FixtureParts {
  return replaceInPart(
    parts,
    "customizations.xml",
    "\n          </attributes>",
    `${attributeXml}\n          </attributes>`,
  );
}

/** The logical name and default of the column and variable default that the upgrade brings. */
export const upgradeColumn = "csb_dealregistrationid";
export const upgradedDealValueDefault = "budgetamount";

const dealValueFolder = `environmentvariabledefinitions/${environmentVariables.dealValueField.schemaName}`;
const dealValueDefinition = `${dealValueFolder}/environmentvariabledefinition.xml`;

/** Version 1.2.1.0: one more opportunity column, and csb_DealValueField defaults to budgetamount. */
export function upgradeParts(options: { managed?: boolean } = {}): FixtureParts {
  const bumped = withVersion(fixtureParts(options), "1.2.1.0");
  const withColumn = withOpportunityColumn(bumped, textColumn("csb_DealRegistrationId", "Deal registration", 100));
  return replaceInPart(
    withColumn,
    dealValueDefinition,
    `<defaultvalue>${environmentVariables.dealValueField.defaultValue}</defaultvalue>`,
    `<defaultvalue>${upgradedDealValueDefault}</defaultvalue>`,
  );
}

/** Everything an import could change: metadata, rows and the row version counter (not the time it was taken). */
export function stateOf(organization: DataverseOrganization): unknown {
  const { metadata, rows, rowVersion } = organization.toSnapshot();
  return structuredClone({ metadata, rows, rowVersion });
}

/** The error `action` throws; fails the test when it succeeds or throws anything but a SolutionApplyError. */
export function applyRefusal(action: () => unknown): SolutionApplyError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SolutionApplyError);
    return error as SolutionApplyError;
  }
  throw new Error("the import succeeded, but a SolutionApplyError was expected");
}

/** The codes and components of the problems, in order. */
export function problemsOf(error: SolutionApplyError): { code: ApplyProblemCode; component: string }[] {
  return error.problems.map(({ code, component }) => ({ code, component }));
}

/** Every row of a table. */
export function rowsOf(organization: DataverseOrganization, table: string): ODataRow[] {
  return organization.retrieveMultiple(table).value;
}

/** The single row of `table` matching `filter`; fails when there is not exactly one. */
export function onlyRow(organization: DataverseOrganization, table: string, filter: string): ODataRow {
  const rows = organization.retrieveMultiple(table, { filter }).value;
  expect(rows).toHaveLength(1);
  const [row] = rows;
  if (row === undefined) throw new Error(`no ${table} row matches ${filter}`);
  return row;
}

/** The text of a base64 web resource content. */
export function decodedContent(row: ODataRow): string {
  return typeof row.content === "string" ? Buffer.from(row.content, "base64").toString("utf8") : "";
}
