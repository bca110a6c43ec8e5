/**
 * The writing half of an import. The rows go in one transaction; the metadata (not transactional in the organization)
 * is applied last inside it, so a refused row leaves the metadata untouched as well. Before the real run the same
 * writes are rehearsed on a copy of the organization, which turns any refusal the checks did not foresee into a
 * SolutionApplyError while the organization is still unchanged.
 */
import { DataverseOrganization, type WriteContext } from "../model";
import type { SolutionWarning } from "../solution";
import { ComponentRefusal, type ApplyContext } from "./applyContext";
import { SolutionApplyError } from "./applyProblems";
import { writeEnvironmentVariables } from "./environmentVariableRows";
import type { ImportPlan } from "./importPlan";
import { ComponentTally, type ImportedControl } from "./importResult";
import { applyMetadata } from "./metadataPlan";
import { writeServiceEndpoints, writeSteps } from "./registrationRows";
import { writeSolutionRows } from "./solutionRows";
import { writeCustomControls, writeWebResources } from "./webResourceRows";

/** How the plan is written. */
export interface ApplySettings {
  readonly zipBytes: Uint8Array;
  readonly write: WriteContext;
  /** Environment variable values of the zip replace the organization's. */
  readonly overwriteValues: boolean;
}

/** What one run wrote. */
export interface AppliedImport {
  readonly tally: ComponentTally;
  readonly warnings: readonly SolutionWarning[];
  readonly customControls: readonly ImportedControl[];
}

function refusalError(plan: ImportPlan, refusal: ComponentRefusal): SolutionApplyError {
  return new SolutionApplyError(plan.solutionPackage.manifest.uniqueName, [
    {
      code: "Refused",
      component: refusal.component,
      message: `The organization refused it: ${refusal.refusal.message}`,
    },
  ]);
}

function run(organization: DataverseOrganization, plan: ImportPlan, settings: ApplySettings): AppliedImport {
  const context: ApplyContext = { organization, write: settings.write, tally: new ComponentTally(), warnings: [] };
  const { solutionPackage } = plan;
  try {
    const customControls = organization.transaction(() => {
      writeSolutionRows(context, solutionPackage.manifest, plan.installed, plan.holding);
      writeWebResources(context, solutionPackage.webResources, solutionPackage.manifest.managed);
      const controls = writeCustomControls(context, solutionPackage.customControls, settings.zipBytes);
      writeServiceEndpoints(context, solutionPackage.serviceEndpoints);
      writeSteps(context, plan.steps);
      writeEnvironmentVariables(context, solutionPackage, settings.overwriteValues);
      applyMetadata(organization.metadata, plan.metadata, context.tally);
      return controls;
    });
    return { tally: context.tally, warnings: context.warnings, customControls };
  } catch (error) {
    throw error instanceof ComponentRefusal ? refusalError(plan, error) : error;
  }
}

/**
 * Rehearses the plan on a copy of the organization, then writes it for real.
 * @throws SolutionApplyError when the organization refuses a change; the organization is unchanged then.
 */
export function applyPlan(
  organization: DataverseOrganization,
  plan: ImportPlan,
  settings: ApplySettings,
): AppliedImport {
  const copy = DataverseOrganization.fromSnapshot(organization.toSnapshot(), { clock: organization.clock });
  run(copy, plan, settings);
  return run(organization, plan, settings);
}
