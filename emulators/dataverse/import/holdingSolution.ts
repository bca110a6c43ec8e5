/**
 * Managed upgrades in two steps, as Dataverse does them (Microsoft's "Upgrade or update a solution" and the
 * DeleteAndPromote action reference): an import with `HoldingSolution: true` installs the new version beside the
 * installed solution as `<uniquename>_Upgrade`, and `DeleteAndPromote` then removes the original and promotes the
 * holding solution to the original unique name, keeping its id and new version.
 *
 * The emulator keeps one layer per component, so the holding import applies the components at once (as the top
 * layer does in Dataverse) and the original's data and environment variable values simply stay. What it can't do is
 * remove components the new version no longer has: it doesn't record which solution owns a component.
 */
import type { DataverseOrganization, WriteContext } from "../model";
import type { SolutionManifest } from "../solution";
import { ApplyProblems, SolutionApplyError } from "./applyProblems";
import { findRows, quoted } from "./rowWrites";
import { findInstalledSolution, holdingSolutionName, importKindOf, type InstalledSolution } from "./solutionRows";

export { holdingSolutionName };

/**
 * Refuses a holding import that can't be staged: an unmanaged package, nothing installed to upgrade, a version that
 * is not newer, or a holding solution that is already there. (A change of mode or publisher is refused by
 * checkInstalledSolution, as for every import.)
 */
export function checkHoldingImport(
  organization: DataverseOrganization,
  manifest: SolutionManifest,
  installed: InstalledSolution | undefined,
  problems: ApplyProblems,
): void {
  const component = `solution ${manifest.uniqueName}`;
  const holdingName = holdingSolutionName(manifest.uniqueName);
  if (!manifest.managed) {
    problems.add(
      "HoldingNotAllowed",
      component,
      "An unmanaged solution can't be imported as a holding solution: only a managed package stages an upgrade. " +
        "Import the managed zip, or import this one without HoldingSolution.",
    );
  }
  if (installed === undefined) {
    problems.add(
      "HoldingNotAllowed",
      component,
      `The organization has no ${manifest.uniqueName} to upgrade, so there is nothing to stage a holding solution ` +
        "for. Import the solution without HoldingSolution.",
    );
  } else if (importKindOf(manifest, installed) !== "upgrade") {
    problems.add(
      "HoldingNotAllowed",
      component,
      `A holding solution must be newer than the installed version ${installed.version}; this package is ` +
        `${manifest.version}. Increase the version of the package.`,
    );
  }
  if (findInstalledSolution(organization, holdingName) !== undefined) {
    problems.add(
      "HoldingNotAllowed",
      component,
      `The organization already has the holding solution ${holdingName}. Apply it (DeleteAndPromote) or delete it ` +
        "before staging another upgrade.",
    );
  }
}

/**
 * DeleteAndPromote: deletes the solution `uniqueName` and renames its holding solution to `uniqueName`, in one
 * transaction. Returns the promoted solution's id (the holding solution's).
 * @throws SolutionApplyError NoHoldingSolution when either solution is missing; nothing changes then.
 */
export function promoteHoldingSolution(
  organization: DataverseOrganization,
  uniqueName: string,
  write: WriteContext,
): string {
  const holdingName = holdingSolutionName(uniqueName);
  const [original] = findRows(organization, "solution", `uniquename eq ${quoted(uniqueName)}`);
  const [holding] = findRows(organization, "solution", `uniquename eq ${quoted(holdingName)}`);
  const problems = new ApplyProblems();
  if (holding === undefined) {
    problems.add(
      "NoHoldingSolution",
      `solution ${uniqueName}`,
      `The organization has no holding solution ${holdingName} to promote. Import the new version with ` +
        "HoldingSolution set to true first.",
    );
  }
  if (original === undefined) {
    problems.add(
      "NoHoldingSolution",
      `solution ${uniqueName}`,
      `The organization has no solution ${uniqueName} for a holding solution to replace.`,
    );
  }
  if (holding === undefined || original === undefined) throw new SolutionApplyError(uniqueName, problems.list);
  const holdingId = String(holding.solutionid);
  return organization.transaction(() => {
    organization.delete("solution", String(original.solutionid));
    organization.delete("solution", holdingId);
    const publisher = holding._publisherid_value;
    organization.create(
      "solution",
      {
        solutionid: holdingId,
        uniquename: typeof original.uniquename === "string" ? original.uniquename : uniqueName,
        friendlyname: holding.friendlyname ?? null,
        version: holding.version ?? null,
        description: holding.description ?? null,
        ismanaged: holding.ismanaged === true,
        installedon: holding.installedon ?? null,
        ...(typeof publisher === "string" ? { "publisherid@odata.bind": `/publishers(${publisher})` } : {}),
      },
      write,
    );
    return holdingId;
  });
}
