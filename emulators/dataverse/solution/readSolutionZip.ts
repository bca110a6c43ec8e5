/**
 * Reads a Dataverse solution zip into a typed SolutionPackage, in layers: the zip container, the three required parts
 * (shared/reference/toolchain.md §4), the components, then the cross-checks between parts. A layer that leaves
 * nothing to read stops the import; otherwise every problem found is collected and thrown together.
 */
import type { SolutionCustomControl, SolutionWebResource } from "./componentModel";
import { checkContentTypes } from "./contentTypes";
import { readCustomControls } from "./customControlReader";
import { ElementReader, type ReadContext } from "./elementReader";
import { readEntities } from "./entityReader";
import { readEnvironmentVariables } from "./environmentVariableReader";
import { resolveLimits, type ReadSolutionOptions } from "./limits";
import { readManifest } from "./manifestReader";
import { readOptionSet } from "./optionSetReader";
import type { SolutionPackage } from "./packageModel";
import {
  contentTypesPart,
  customizationsPart,
  entryOfFileName,
  environmentVariablesFolder,
  solutionPart,
} from "./partPaths";
import { Findings, SolutionImportError } from "./problems";
import { checkPublisherMarks } from "./publisherChecks";
import { checkRootComponents, declaredComponents } from "./rootComponentChecks";
import { scanForSecrets } from "./secretScan";
import { checkSections } from "./sectionChecks";
import { readServiceEndpoints } from "./serviceEndpointReader";
import { readSteps } from "./stepReader";
import { readWebResources } from "./webResourceReader";
import { listItems, type XmlElement } from "./xmlElement";
import { parseXmlPart } from "./xmlPart";
import { openSolutionZip, type SolutionFiles } from "./zipArchive";

interface RequiredParts {
  solution: XmlElement;
  customizations: XmlElement;
  contentTypes: XmlElement;
}

/** The part's XML root, or undefined after recording why it is missing or unreadable. */
function requiredPart(files: SolutionFiles, part: string, root: string, findings: Findings): XmlElement | undefined {
  const bytes = files.get(part);
  if (bytes !== undefined) return parseXmlPart(bytes, part, root, findings);
  const otherCase = [...files.keys()].find((entry) => entry.toLowerCase() === part.toLowerCase());
  const hint = otherCase === undefined ? "" : ` The zip has '${otherCase}'; the name must be exactly '${part}'.`;
  findings.problem("MissingPart", part, `The zip has no ${part} at its root, so it is not a solution.${hint}`);
  return undefined;
}

function readRequiredParts(files: SolutionFiles, findings: Findings): RequiredParts {
  const solution = requiredPart(files, solutionPart, "ImportExportXml", findings);
  const customizations = requiredPart(files, customizationsPart, "ImportExportXml", findings);
  const contentTypes = requiredPart(files, contentTypesPart, "Types", findings);
  if (solution !== undefined && customizations !== undefined && contentTypes !== undefined) {
    return { solution, customizations, contentTypes };
  }
  throw new SolutionImportError(findings.problems);
}

/** The zip entries the components read, so that the rest can be reported as unused. */
function usedEntries(
  webResources: readonly SolutionWebResource[],
  controls: readonly SolutionCustomControl[],
): Set<string> {
  const used = new Set([solutionPart, customizationsPart, contentTypesPart]);
  for (const { fileName } of [...webResources, ...controls]) {
    const entry = entryOfFileName(fileName);
    if (entry !== undefined) used.add(entry);
  }
  for (const control of controls) for (const file of control.files) used.add(file.path);
  return used;
}

function warnUnusedFiles(files: SolutionFiles, used: ReadonlySet<string>, findings: Findings): void {
  for (const entry of files.keys()) {
    if (
      !used.has(entry) &&
      !entry.startsWith(environmentVariablesFolder) &&
      entry !== "environmentvariablevalues.json"
    ) {
      findings.warn(entry, "The file is not used by any component of the solution; it is ignored.");
    }
  }
}

/**
 * Reads a solution zip completely. Throws SolutionImportError listing every problem when the zip can't be imported;
 * findings that don't stop the import are in the result's `warnings`.
 */
export function readSolutionZip(bytes: Uint8Array, options: ReadSolutionOptions = {}): SolutionPackage {
  const findings = new Findings();
  const files = openSolutionZip(bytes, resolveLimits(options), findings);
  const parts = readRequiredParts(files, findings);
  const manifest = readManifest(parts.solution, { part: solutionPart, findings });
  if (manifest === undefined) throw new SolutionImportError(findings.problems);
  const context: ReadContext = { part: customizationsPart, findings };
  scanForSecrets(parts.customizations, context);
  checkContentTypes(parts.contentTypes, files, findings);
  checkSections(parts.customizations, findings);
  const customizations = new ElementReader(parts.customizations, "customizations.xml", context);
  const entities = readEntities(parts.customizations, manifest, context);
  const optionSets = listItems(parts.customizations, "optionsets", "optionset").map((element) =>
    readOptionSet(customizations, element, `The global option set '${element.attributes.Name ?? "(unnamed)"}'`),
  );
  const webResources = readWebResources(parts.customizations, context, files);
  const customControls = readCustomControls(
    parts.customizations,
    context,
    files,
    manifest.publisher.customizationPrefix,
  );
  const serviceEndpoints = readServiceEndpoints(parts.customizations, context);
  const steps = readSteps(parts.customizations, context, new Set(serviceEndpoints.map((endpoint) => endpoint.id)));
  const variables = readEnvironmentVariables(files, findings);
  const declared = declaredComponents(parts.customizations, variables.folders, variables.valueFolders);
  checkRootComponents(manifest, declared, findings);
  checkPublisherMarks(
    { publisher: manifest.publisher, entities, optionSets, webResources, environmentVariables: variables.definitions },
    findings,
  );
  warnUnusedFiles(files, usedEntries(webResources, customControls), findings);
  findings.throwIfAny();
  return {
    manifest,
    entities,
    optionSets,
    webResources,
    customControls,
    serviceEndpoints,
    steps,
    environmentVariables: variables.definitions,
    environmentVariableValues: variables.values,
    warnings: findings.warnings,
  };
}
