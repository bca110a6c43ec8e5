/**
 * What the import step has to do, decided from what the environment has installed, so that running deploy again is
 * always safe: the same version already there is not imported again; a holding solution of this version left by an
 * interrupted upgrade is promoted instead of imported twice; a newer version, a change between managed and unmanaged
 * or a foreign holding solution stop the deploy with what to do.
 *
 * Upgrade of a managed solution: imported as a holding solution `<name>_Upgrade` (ImportSolution's HoldingSolution),
 * then DeleteAndPromote, which removes what the new version no longer has; a plain import over an installed managed
 * solution would only update it and leave removed components behind.
 */
import { literal } from "../clients/http/odata";
import type { DataverseWebApi } from "../clients/dataverse/webApi";
import { DeployError } from "./deployError";
import type { PackageKind } from "./profile";
import { compareVersions } from "./solutionPackage";

export interface InstalledSolution {
  readonly version: string;
  readonly managed: boolean;
}

export type ImportPlan =
  | { readonly action: "install" }
  | { readonly action: "update"; readonly from: string }
  | { readonly action: "upgrade"; readonly from: string }
  | { readonly action: "promote"; readonly from: string }
  | { readonly action: "none" };

export const holdingName = (uniqueName: string): string => `${uniqueName}_Upgrade`;

/** The installed solution and holding solution of this unique name, if any. */
export async function readInstalled(
  api: DataverseWebApi,
  uniqueName: string,
): Promise<{ installed: InstalledSolution | null; holding: InstalledSolution | null }> {
  const found = new Map<string, InstalledSolution>();
  const query = {
    $select: "uniquename,version,ismanaged",
    $filter: `uniquename eq ${literal(uniqueName)} or uniquename eq ${literal(holdingName(uniqueName))}`,
  };
  for await (const page of api.pages("solutions", query)) {
    for (const row of page) {
      if (typeof row.uniquename !== "string") continue;
      found.set(row.uniquename.toLowerCase(), {
        version: typeof row.version === "string" ? row.version : "0.0.0.0",
        managed: row.ismanaged === true,
      });
    }
  }
  return {
    installed: found.get(uniqueName.toLowerCase()) ?? null,
    holding: found.get(holdingName(uniqueName).toLowerCase()) ?? null,
  };
}

export function planImport(
  state: { installed: InstalledSolution | null; holding: InstalledSolution | null },
  wanted: { readonly uniqueName: string; readonly version: string; readonly kind: PackageKind },
): ImportPlan {
  const { installed, holding } = state;
  const managed = wanted.kind === "managed";
  if (holding !== null) {
    if (holding.version === wanted.version && installed !== null) return { action: "promote", from: installed.version };
    throw new DeployError(
      "holdingSolutionPending",
      `The environment has ${holdingName(wanted.uniqueName)} version ${holding.version} from an upgrade that was ` +
        `not finished, and this deploy brings ${wanted.version}.`,
    );
  }
  if (installed === null) return { action: "install" };
  if (installed.managed !== managed) {
    const kind = (value: boolean) => (value ? "managed" : "unmanaged");
    throw new DeployError(
      "managedMismatch",
      `${wanted.uniqueName} is installed ${kind(installed.managed)} (version ${installed.version}); this deploy ` +
        `brings the ${wanted.kind} zip, and Dataverse can't turn one into the other by an import.`,
    );
  }
  const order = compareVersions(wanted.version, installed.version);
  if (order === 0) return { action: "none" };
  if (order < 0) {
    throw new DeployError(
      "downgrade",
      `The environment has ${wanted.uniqueName} ${installed.version}, newer than ${wanted.version}.`,
    );
  }
  return managed ? { action: "upgrade", from: installed.version } : { action: "update", from: installed.version };
}

/** The plan in words, for the console and the record. */
export function describePlan(plan: ImportPlan, version: string, kind: PackageKind): string {
  switch (plan.action) {
    case "install":
      return `install ${version} (${kind})`;
    case "update":
      return `update ${plan.from} → ${version} (${kind})`;
    case "upgrade":
      return `upgrade ${plan.from} → ${version} (${kind}: holding solution, then DeleteAndPromote)`;
    case "promote":
      return `finish the upgrade ${plan.from} → ${version} (the holding solution is already imported)`;
    case "none":
      return `nothing to import: ${version} (${kind}) is already installed`;
  }
}
