/**
 * ImportSolution for the local Dataverse emulator: reads a solution zip, checks it against the organization, and
 * applies it (metadata, publisher and solution rows, web resources, PCF controls, webhook registrations, environment
 * variables). A solution that can't be imported changes nothing.
 */
import type { DataverseOrganization } from "../model";
import { readSolutionZip, type SolutionPackage } from "../solution";
import { applyPlan } from "./applyPlan";
import { planImport } from "./importPlan";
import type { ImportedForm, ImportResult } from "./importResult";
import { labelText } from "./columnSpecs";

/** The parameters of ImportSolution the emulator honours. */
export interface ImportOptions {
  /** systemuserid of the user the import writes as; the SYSTEM user when left out. */
  readonly actor?: string;
  /**
   * The emulator keeps a single layer per component, so the only customizations it keeps apart from the solution's
   * are environment variable values: with true, the values in the zip replace the organization's. Default false, so
   * that the admin's values survive every re-import and upgrade.
   */
  readonly overwriteUnmanagedCustomizations?: boolean;
  /** Accepted for parity with the Web API action; the emulator imports no workflows, so there is nothing to publish. */
  readonly publishWorkflows?: boolean;
  /** Allows a package older than the installed version, which is refused otherwise. */
  readonly allowDowngrade?: boolean;
  /** Stages a managed upgrade as the holding solution `<uniquename>_Upgrade` (see holdingSolution.ts). */
  readonly holding?: boolean;
}

// The organization has no systemform table, so forms are returned with the result instead of stored as rows.
function formsOf(solutionPackage: SolutionPackage): ImportedForm[] {
  return solutionPackage.entities.flatMap((entity) =>
    entity.forms.map((form) => ({
      table: entity.logicalName,
      id: form.id,
      type: form.type,
      name: labelText(form.names, form.id),
      formXml: form.formXml,
    })),
  );
}

/**
 * Imports a solution zip into the organization.
 * @throws SolutionImportError when the zip can't be read (every problem listed; nothing changed).
 * @throws SolutionApplyError when the organization can't take the solution, or a holding import can't stage an
 * upgrade (every problem listed; nothing changed).
 * @throws DataverseError 403 when `actor` is not an enabled user of the organization.
 */
export function importSolution(
  organization: DataverseOrganization,
  zipBytes: Uint8Array,
  options: ImportOptions = {},
): ImportResult {
  const solutionPackage = readSolutionZip(zipBytes);
  const write = options.actor === undefined ? {} : { actor: organization.actAs(options.actor).userId };
  const plan = planImport(organization, solutionPackage, options.allowDowngrade === true, options.holding === true);
  const applied = applyPlan(organization, plan, {
    zipBytes,
    write,
    overwriteValues: options.overwriteUnmanagedCustomizations === true,
  });
  const { manifest } = solutionPackage;
  return {
    uniqueName: manifest.uniqueName,
    version: manifest.version,
    managed: manifest.managed,
    kind: plan.kind,
    previousVersion: plan.installed?.version,
    components: applied.tally.components(),
    counts: applied.tally.counts(),
    forms: formsOf(solutionPackage),
    customControls: applied.customControls,
    warnings: [...solutionPackage.warnings, ...plan.warnings, ...applied.warnings],
  };
}
