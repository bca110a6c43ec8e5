/**
 * The planning half of an import: everything that could stop it is checked against the organization before anything
 * is written, and every problem found is reported in one SolutionApplyError.
 */
import type { DataverseOrganization } from "../model";
import type { SolutionPackage, SolutionWarning } from "../solution";
import { ApplyProblems } from "./applyProblems";
import { checkEnvironmentVariables } from "./environmentVariableRows";
import type { ImportKind } from "./importResult";
import { newTablesOf, planMetadata } from "./metadataPlan";
import type { MetadataPlan } from "./planContext";
import { checkHoldingImport } from "./holdingSolution";
import { findIdBy } from "./rowWrites";
import { checkInstalledSolution, findInstalledSolution, importKindOf, type InstalledSolution } from "./solutionRows";
import { resolveSteps, type ResolvedStep } from "./stepPlan";

/** What the import will do, decided before the first write. */
export interface ImportPlan {
  readonly solutionPackage: SolutionPackage;
  readonly installed: InstalledSolution | undefined;
  readonly kind: ImportKind;
  /** Staged as the holding solution `<uniquename>_Upgrade` beside the installed one. */
  readonly holding: boolean;
  readonly metadata: MetadataPlan;
  readonly steps: readonly ResolvedStep[];
  /** What planning found that doesn't stop the import. */
  readonly warnings: readonly SolutionWarning[];
}

/** Web resource names are unique: one the zip brings may not belong to another web resource of the organization. */
function checkWebResourceNames(
  organization: DataverseOrganization,
  solutionPackage: SolutionPackage,
  problems: ApplyProblems,
): void {
  for (const webResource of solutionPackage.webResources) {
    const owner = findIdBy(organization, "webresource", "name", webResource.name);
    if (owner === undefined || owner === webResource.id) continue;
    problems.add(
      "NameTaken",
      `webResource ${webResource.name}`,
      `The organization has another web resource with this name (id ${owner}). Rename the solution's web resource, ` +
        "or delete the other one first.",
    );
  }
}

/**
 * Checks the package against the organization and decides every change.
 * @throws SolutionApplyError listing every problem; nothing has been changed then.
 */
export function planImport(
  organization: DataverseOrganization,
  solutionPackage: SolutionPackage,
  allowDowngrade: boolean,
  holding = false,
): ImportPlan {
  const { manifest } = solutionPackage;
  const problems = new ApplyProblems();
  const warnings: SolutionWarning[] = [];
  const installed = findInstalledSolution(organization, manifest.uniqueName);
  // A holding import has its own version rule (newer than installed), so the downgrade check is left to it.
  checkInstalledSolution(organization, manifest, installed, allowDowngrade || holding, problems);
  if (holding) checkHoldingImport(organization, manifest, installed, problems);
  const metadata = planMetadata(organization.metadata, solutionPackage, problems, warnings);
  const newTables = newTablesOf(organization.metadata, solutionPackage);
  const steps = resolveSteps(organization, solutionPackage, newTables, problems);
  checkWebResourceNames(organization, solutionPackage, problems);
  checkEnvironmentVariables(organization, solutionPackage, problems);
  problems.throwIfAny(manifest.uniqueName);
  const kind = importKindOf(manifest, installed);
  return { solutionPackage, installed, kind, holding, metadata, steps, warnings };
}
