/**
 * Checks that what the solution creates carries its publisher's marks (toolchain.md §4: Publisher with
 * CustomizationPrefix and CustomizationOptionValuePrefix): new columns and environment variables are named
 * `<prefix>_…` (a problem otherwise), and choice values of option sets the solution defines lie in
 * `optionValuePrefix × 10000 … + 9999`, as core/dataverse/schema.ts builds them (a warning otherwise, since Dataverse
 * accepts other values).
 */
import type { EnvironmentVariableDefinition, SolutionWebResource } from "./componentModel";
import type { OptionSetDefinition, SolutionEntity } from "./entityModel";
import type { SolutionPublisher } from "./manifestModel";
import { customizationsPart } from "./partPaths";
import type { Findings } from "./problems";

/** What the publisher checks look at. */
export interface PublisherCheckInput {
  publisher: SolutionPublisher;
  entities: readonly SolutionEntity[];
  optionSets: readonly OptionSetDefinition[];
  webResources: readonly SolutionWebResource[];
  environmentVariables: readonly EnvironmentVariableDefinition[];
}

function checkOptionValues(
  optionSet: OptionSetDefinition,
  subject: string,
  publisher: SolutionPublisher,
  findings: Findings,
): void {
  if (optionSet.kind !== "picklist") return;
  const low = publisher.optionValuePrefix * 10_000;
  const outside = optionSet.options.filter((option) => option.value < low || option.value > low + 9_999);
  if (outside.length === 0) return;
  findings.warn(
    customizationsPart,
    `${subject} has choice values (${outside.map((option) => option.value).join(", ")}) outside the publisher's ` +
      `range ${low}–${low + 9_999} (option value prefix ${publisher.optionValuePrefix}).`,
  );
}

function checkEntities(input: PublisherCheckInput, findings: Findings): void {
  const prefix = `${input.publisher.customizationPrefix}_`;
  const globalNames = new Set(input.optionSets.map((optionSet) => optionSet.name.toLowerCase()));
  for (const entity of input.entities) {
    for (const attribute of entity.attributes) {
      const name = `${entity.logicalName}.${attribute.logicalName}`;
      if (attribute.isCustom && !attribute.logicalName.startsWith(prefix)) {
        findings.problem(
          "InvalidComponent",
          customizationsPart,
          `The new column ${name} lacks the publisher prefix '${prefix}'. Name it ${prefix}… as the publisher requires.`,
        );
      }
      if (attribute.type !== "Picklist" && attribute.type !== "MultiSelectPicklist") continue;
      const binding = attribute.optionSet;
      if (binding.kind === "local" && attribute.isCustom) {
        checkOptionValues(binding.definition, `The option set of ${name}`, input.publisher, findings);
      } else if (binding.kind === "global" && !globalNames.has(binding.name.toLowerCase())) {
        findings.warn(
          customizationsPart,
          `The column ${name} uses the global option set '${binding.name}', which is not in the zip; it must already exist.`,
        );
      }
    }
  }
}

/** Records the publisher problems and warnings of a read solution. */
export function checkPublisherMarks(input: PublisherCheckInput, findings: Findings): void {
  const prefix = `${input.publisher.customizationPrefix}_`;
  checkEntities(input, findings);
  for (const optionSet of input.optionSets) {
    checkOptionValues(optionSet, `The global option set '${optionSet.name}'`, input.publisher, findings);
    if (!optionSet.name.startsWith(prefix)) {
      findings.warn(
        customizationsPart,
        `The global option set '${optionSet.name}' lacks the publisher prefix '${prefix}'.`,
      );
    }
  }
  for (const variable of input.environmentVariables) {
    if (!variable.schemaName.startsWith(prefix)) {
      findings.problem(
        "InvalidComponent",
        `environmentvariabledefinitions/${variable.schemaName}/`,
        `The environment variable '${variable.schemaName}' lacks the publisher prefix '${prefix}'. Name it ${prefix}….`,
      );
    }
  }
  for (const webResource of input.webResources) {
    if (!webResource.name.startsWith(prefix)) {
      findings.warn(
        customizationsPart,
        `The web resource '${webResource.name}' lacks the publisher prefix '${prefix}'.`,
      );
    }
  }
}
