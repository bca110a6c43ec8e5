/**
 * Solutions that can't be imported change nothing: a malformed zip (the reader's error passes through), a downgrade,
 * a managed solution over an unmanaged one or the reverse, an unknown acting user, and a row the organization
 * refuses while the import is rehearsed.
 */
import { describe, expect, it } from "vitest";
import { importSolution } from "../../../../emulators/dataverse/import";
import { DataverseError } from "../../../../emulators/dataverse/model";
import { SolutionImportError } from "../../../../emulators/dataverse/solution";
import { replaceInPart, withoutParts, zipParts } from "../solution/fixtureZip";
import {
  applyRefusal,
  fixtureParts,
  fixtureZip,
  freshOrganization,
  onlyRow,
  problemsOf,
  stateOf,
  withVersion,
} from "./importHarness";

function installed(options: { managed?: boolean } = {}) {
  const organization = freshOrganization();
  importSolution(organization, fixtureZip(options));
  return { organization, before: stateOf(organization) };
}

describe("a zip that can't be read", () => {
  it.each([
    ["bytes that are not a zip", new TextEncoder().encode("PK? not really a zip")],
    ["a zip without customizations.xml", zipParts(withoutParts(fixtureParts(), "customizations.xml"))],
  ])("is refused with the reader's error, changing nothing: %s", (_case, bytes) => {
    const organization = freshOrganization();
    const before = stateOf(organization);
    expect(() => importSolution(organization, bytes)).toThrow(SolutionImportError);
    expect(stateOf(organization)).toEqual(before);
  });
});

describe("the installed solution", () => {
  it("refuses an older version, changing nothing", () => {
    const { organization, before } = installed();
    const error = applyRefusal(() => importSolution(organization, zipParts(withVersion(fixtureParts(), "1.2.0.6"))));
    expect(error.code).toBe("Downgrade");
    expect(problemsOf(error)).toEqual([{ code: "Downgrade", component: "solution CoSellBridge" }]);
    expect(error.message).toMatch(/version 1\.2\.0\.7, newer than this package's 1\.2\.0\.6/);
    expect(error.message).toMatch(/nothing was changed/);
    expect(stateOf(organization)).toEqual(before);
  });

  it("takes an older version when a downgrade is asked for", () => {
    const { organization } = installed();
    const result = importSolution(organization, zipParts(withVersion(fixtureParts(), "1.2.0.6")), {
      allowDowngrade: true,
    });
    expect(result).toMatchObject({ kind: "downgrade", previousVersion: "1.2.0.7" });
    expect(onlyRow(organization, "solution", "uniquename eq 'CoSellBridge'").version).toBe("1.2.0.6");
  });

  it.each([
    ["a managed package over the unmanaged solution", false, /installed as unmanaged and this package is managed/],
    ["an unmanaged package over the managed solution", true, /installed as managed and this package is unmanaged/],
  ])("refuses %s, changing nothing", (_case, installedManaged, message) => {
    const { organization, before } = installed({ managed: installedManaged });
    const error = applyRefusal(() => importSolution(organization, fixtureZip({ managed: !installedManaged })));
    expect(problemsOf(error)).toEqual([{ code: "ManagedMismatch", component: "solution CoSellBridge" }]);
    expect(error.message).toMatch(message);
    expect(stateOf(organization)).toEqual(before);
  });

  it("refuses the same solution from another publisher, changing nothing", () => {
    const { organization, before } = installed();
    const parts = replaceInPart(
      fixtureParts(),
      "solution.xml",
      "<UniqueName>CoSellBridgePublisher</UniqueName>",
      "<UniqueName>ContosoPublisher</UniqueName>",
    );
    const error = applyRefusal(() => importSolution(organization, zipParts(parts)));
    expect(problemsOf(error)).toEqual([{ code: "PublisherMismatch", component: "solution CoSellBridge" }]);
    expect(error.message).toMatch(/installed from the publisher 'CoSellBridgePublisher'/);
    expect(stateOf(organization)).toEqual(before);
  });
});

describe("refusals of the organization", () => {
  it("refuses an acting user the organization doesn't have, before anything is written", () => {
    const organization = freshOrganization();
    const before = stateOf(organization);
    const actor = "0f0e0d0c-0b0a-4909-8807-060504030201";
    expect(() => importSolution(organization, fixtureZip(), { actor })).toThrow(DataverseError);
    expect(stateOf(organization)).toEqual(before);
  });

  it("names the component whose row is refused, and leaves metadata and rows as they were", () => {
    const organization = freshOrganization();
    const before = stateOf(organization);
    const longName = "x".repeat(300);
    const parts = replaceInPart(
      fixtureParts(),
      "customizations.xml",
      "<DisplayName>Co-sell Bridge opportunity form script</DisplayName>",
      `<DisplayName>${longName}</DisplayName>`,
    );
    const error = applyRefusal(() => importSolution(organization, zipParts(parts)));
    expect(problemsOf(error)).toEqual([{ code: "Refused", component: "webResource csb_/scripts/opportunityform.js" }]);
    expect(error.problems[0]?.message).toMatch(/^The organization refused it: .*displayname/);
    expect(stateOf(organization)).toEqual(before);
  });
});
