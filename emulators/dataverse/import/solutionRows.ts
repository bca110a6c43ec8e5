/**
 * The solution as a whole: how the package relates to what the organization has installed under the same unique
 * name (new, upgrade, same version, downgrade; managed or not; which publisher), and its publisher and solution rows.
 */
import type { DataverseOrganization } from "../model";
import { parseSolutionVersion, type SolutionManifest, type SolutionVersionParts } from "../solution";
import { writeComponent, type ApplyContext } from "./applyContext";
import type { ApplyProblems } from "./applyProblems";
import type { ImportKind } from "./importResult";
import { findById, findIdBy, findRows, quoted } from "./rowWrites";
import { labelText } from "./columnSpecs";

/** The unique name Dataverse gives the holding solution of an upgrade (HoldingSolution). */
export function holdingSolutionName(uniqueName: string): string {
  return `${uniqueName}_Upgrade`;
}

/** The solution row of an installed solution. */
export interface InstalledSolution {
  readonly id: string;
  readonly version: string;
  readonly managed: boolean;
  readonly publisherId: string | undefined;
}

/** The solution installed under this unique name (compared case-insensitively, as Dataverse does), if any. */
export function findInstalledSolution(
  organization: DataverseOrganization,
  uniqueName: string,
): InstalledSolution | undefined {
  const [row] = findRows(organization, "solution", `uniquename eq ${quoted(uniqueName)}`);
  if (row === undefined || typeof row.solutionid !== "string") return undefined;
  return {
    id: row.solutionid,
    version: typeof row.version === "string" ? row.version : "0.0.0.0",
    managed: row.ismanaged === true,
    publisherId: typeof row._publisherid_value === "string" ? row._publisherid_value : undefined,
  };
}

function compareVersions(left: SolutionVersionParts, right: SolutionVersionParts): number {
  for (let index = 0; index < left.length; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** What importing the package means for the installed solution. */
export function importKindOf(manifest: SolutionManifest, installed: InstalledSolution | undefined): ImportKind {
  if (installed === undefined) return "install";
  const installedParts = parseSolutionVersion(installed.version) ?? [0, 0, 0, 0];
  const order = compareVersions(manifest.versionParts, installedParts);
  return order > 0 ? "upgrade" : order === 0 ? "reimport" : "downgrade";
}

/** Refuses a downgrade (unless allowed), a change between managed and unmanaged, and a change of publisher. */
export function checkInstalledSolution(
  organization: DataverseOrganization,
  manifest: SolutionManifest,
  installed: InstalledSolution | undefined,
  allowDowngrade: boolean,
  problems: ApplyProblems,
): void {
  if (installed === undefined) return;
  const component = `solution ${manifest.uniqueName}`;
  if (importKindOf(manifest, installed) === "downgrade" && !allowDowngrade) {
    problems.add(
      "Downgrade",
      component,
      `The organization has version ${installed.version}, newer than this package's ${manifest.version}. Import a ` +
        "package with a higher version, or ask for a downgrade explicitly (allowDowngrade).",
    );
  }
  if (installed.managed !== manifest.managed) {
    const [installedMode, packageMode] = installed.managed ? ["managed", "unmanaged"] : ["unmanaged", "managed"];
    problems.add(
      "ManagedMismatch",
      component,
      `The solution is installed as ${installedMode} and this package is ${packageMode}. An import can only update ` +
        `a solution when the modes match: import the ${installedMode} package, or uninstall the solution first.`,
    );
  }
  const publisherRow =
    installed.publisherId === undefined ? undefined : findById(organization, "publisher", installed.publisherId);
  const publisher = publisherRow?.uniquename;
  if (typeof publisher === "string" && publisher.toLowerCase() !== manifest.publisher.uniqueName.toLowerCase()) {
    problems.add(
      "PublisherMismatch",
      component,
      `The solution is installed from the publisher '${publisher}', and this package comes from ` +
        `'${manifest.publisher.uniqueName}'. A solution keeps its publisher: export it with the original publisher.`,
    );
  }
}

/**
 * Creates the publisher when the organization doesn't have it (an existing one is kept as it is), then creates the
 * solution row or brings its version, name and description up to date. A holding import creates the row of the
 * holding solution `<uniquename>_Upgrade` instead and leaves the installed solution's row as it is.
 */
export function writeSolutionRows(
  context: ApplyContext,
  manifest: SolutionManifest,
  installed: InstalledSolution | undefined,
  holding = false,
): void {
  const uniqueName = holding ? holdingSolutionName(manifest.uniqueName) : manifest.uniqueName;
  const { publisher } = manifest;
  const publisherRow = writeComponent(context, "publisher", publisher.uniqueName, {
    table: "publisher",
    id: findIdBy(context.organization, "publisher", "uniquename", publisher.uniqueName),
    fields: {},
    createOnly: {
      uniquename: publisher.uniqueName,
      friendlyname: labelText(publisher.localizedNames, publisher.uniqueName),
      customizationprefix: publisher.customizationPrefix,
      customizationoptionvalueprefix: publisher.optionValuePrefix,
      description: labelText(publisher.descriptions, "") || null,
    },
  });
  writeComponent(context, "solution", uniqueName, {
    table: "solution",
    id: holding ? undefined : installed?.id,
    fields: {
      friendlyname: labelText(manifest.localizedNames, manifest.uniqueName),
      version: manifest.version,
      description: labelText(manifest.descriptions, "") || null,
    },
    createOnly: {
      uniquename: uniqueName,
      ismanaged: manifest.managed,
      installedon: context.organization.clock.now().toISOString(),
    },
    bindings: [{ column: "publisherid", navigation: "publisherid", entitySet: "publishers", id: publisherRow.id }],
  });
}
