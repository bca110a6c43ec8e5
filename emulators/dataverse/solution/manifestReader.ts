/**
 * Reads solution.xml: `ImportExportXml/SolutionManifest` with UniqueName, LocalizedNames, Descriptions, Version,
 * Managed (0 or 1), Publisher (CustomizationPrefix, CustomizationOptionValuePrefix), RootComponents and
 * MissingDependencies (shared/reference/toolchain.md §4).
 */
import { ElementReader, normalizeGuid, type ReadContext } from "./elementReader";
import {
  RootComponentBehavior,
  type RequiredComponent,
  type RootComponent,
  type SolutionManifest,
  type SolutionPublisher,
  type SolutionVersionParts,
} from "./manifestModel";
import { childNamed, listItems, type XmlElement } from "./xmlElement";

/** Solution and publisher unique names: letters, digits and underscores, not starting with a digit. */
const uniqueNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,64}$/;
/** Dataverse: 2 to 8 letters or digits, starting with a letter, never "mscrm"; lowercase like every logical name. */
const customizationPrefixPattern = /^(?!mscrm)[a-z][a-z0-9]{1,7}$/;
const maxVersionPart = 2_147_483_647;

/** The four numbers of a "major.minor.build.revision" version, or undefined when the text is not one. */
export function parseSolutionVersion(text: string): SolutionVersionParts | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (match === null) return undefined;
  const parts = match.slice(1).map(Number);
  const [major, minor, build, revision] = parts;
  if (major === undefined || minor === undefined || build === undefined || revision === undefined) return undefined;
  if (parts.some((part) => part > maxVersionPart)) return undefined;
  return [major, minor, build, revision];
}

function readVersion(manifest: ElementReader): { version: string; versionParts: SolutionVersionParts } {
  const version = manifest.requiredText("Version", "InvalidManifest");
  const versionParts = parseSolutionVersion(version);
  if (versionParts === undefined && version !== "") {
    manifest.problem(
      `has the version '${version}'. A solution version has four whole numbers, major.minor.build.revision ` +
        "(e.g. 1.0.0.0); give the version in that form.",
      "InvalidManifest",
    );
  }
  return { version, versionParts: versionParts ?? [0, 0, 0, 0] };
}

function readManaged(manifest: ElementReader): boolean {
  const managed = manifest.requiredText("Managed", "InvalidManifest");
  if (managed !== "" && managed !== "0" && managed !== "1") {
    manifest.problem(
      `has <Managed>${managed}</Managed>. A solution zip is either unmanaged (0) or managed (1).`,
      "InvalidManifest",
    );
  }
  return managed === "1";
}

const unknownPublisher: SolutionPublisher = {
  uniqueName: "",
  localizedNames: [],
  descriptions: [],
  customizationPrefix: "",
  optionValuePrefix: 0,
};

function readPublisher(manifest: ElementReader): SolutionPublisher {
  const element = childNamed(manifest.element, "Publisher");
  if (element === undefined) {
    manifest.problem("has no <Publisher>. Add the publisher with its prefixes.", "InvalidManifest");
    return unknownPublisher;
  }
  const publisher = manifest.child(element, "The publisher in solution.xml");
  const uniqueName = publisher.requiredText("UniqueName", "InvalidManifest");
  if (uniqueName !== "" && !uniqueNamePattern.test(uniqueName)) {
    publisher.problem(`has the unique name '${uniqueName}'; use letters, digits and underscores.`, "InvalidManifest");
  }
  const customizationPrefix = publisher.requiredText("CustomizationPrefix", "InvalidManifest");
  if (customizationPrefix !== "" && !customizationPrefixPattern.test(customizationPrefix)) {
    publisher.problem(
      `has the prefix '${customizationPrefix}'. A prefix is 2 to 8 lowercase letters or digits, starts with a ` +
        "letter and never starts with 'mscrm'.",
      "InvalidManifest",
    );
  }
  const optionValuePrefix = publisher.integer("CustomizationOptionValuePrefix", "InvalidManifest");
  if (optionValuePrefix === undefined || optionValuePrefix < 10_000 || optionValuePrefix > 99_999) {
    publisher.problem(
      "needs a <CustomizationOptionValuePrefix> from 10000 to 99999 (the first digits of its choice values).",
      "InvalidManifest",
    );
  }
  const localizedNames = publisher.labels("LocalizedNames", "LocalizedName");
  if (localizedNames.length === 0) publisher.problem("has no <LocalizedNames> entry. Name it.", "InvalidManifest");
  const descriptions = publisher.labels("Descriptions", "Description");
  return { uniqueName, localizedNames, descriptions, customizationPrefix, optionValuePrefix: optionValuePrefix ?? 0 };
}

function readRootComponent(manifest: ElementReader, element: XmlElement, index: number): RootComponent | undefined {
  const item = manifest.child(element, `RootComponent number ${index + 1} in solution.xml`);
  const type = item.integerAttribute("type", "InvalidManifest");
  const schemaName = item.attribute("schemaName");
  const rawId = item.attribute("id");
  const id = rawId === undefined ? undefined : normalizeGuid(rawId);
  if (rawId !== undefined && id === undefined)
    item.problem(`has id="${rawId}", which is not a GUID.`, "InvalidManifest");
  if (schemaName === undefined && rawId === undefined) {
    item.problem("names no component: give it a schemaName or an id.", "InvalidManifest");
  }
  // Dataverse treats a missing behavior as 0 (include subcomponents); exports always write it.
  const behavior = item.integerAttribute("behavior", "InvalidManifest") ?? RootComponentBehavior.IncludeSubcomponents;
  if (behavior !== 0 && behavior !== 1 && behavior !== 2) {
    item.problem(`has behavior="${behavior}"; it must be 0, 1 or 2.`, "InvalidManifest");
    return undefined;
  }
  if (type === undefined) {
    item.problem("has no valid type (the component type code, e.g. 61 for a web resource).", "InvalidManifest");
    return undefined;
  }
  return { type, schemaName, id, behavior };
}

function readMissingDependencies(manifest: ElementReader): RequiredComponent[] {
  return listItems(manifest.element, "MissingDependencies", "MissingDependency").flatMap((dependency) => {
    const required = childNamed(dependency, "Required");
    if (required === undefined) return [];
    const item = manifest.child(required, "A MissingDependency in solution.xml");
    const type = item.integerAttribute("type", "InvalidManifest");
    const rawId = item.attribute("id");
    return type === undefined
      ? []
      : [
          {
            type,
            schemaName: item.attribute("schemaName"),
            id: rawId === undefined ? undefined : normalizeGuid(rawId),
            displayName: item.attribute("displayName"),
          },
        ];
  });
}

/** Reads the manifest; undefined (after recording the problem) when solution.xml has no SolutionManifest. */
export function readManifest(root: XmlElement, context: ReadContext): SolutionManifest | undefined {
  const element = childNamed(root, "SolutionManifest");
  if (element === undefined) {
    context.findings.problem("InvalidManifest", context.part, "solution.xml has no <SolutionManifest>. Add it.");
    return undefined;
  }
  const manifest = new ElementReader(element, "The solution manifest (solution.xml)", context);
  const uniqueName = manifest.requiredText("UniqueName", "InvalidManifest");
  if (uniqueName !== "" && !uniqueNamePattern.test(uniqueName)) {
    manifest.problem(`has the unique name '${uniqueName}'; use letters, digits and underscores.`, "InvalidManifest");
  }
  const localizedNames = manifest.labels("LocalizedNames", "LocalizedName");
  if (localizedNames.length === 0)
    manifest.problem("has no <LocalizedNames> entry. Name the solution.", "InvalidManifest");
  const rootComponents = listItems(element, "RootComponents", "RootComponent").flatMap(
    (item, index) => readRootComponent(manifest, item, index) ?? [],
  );
  return {
    uniqueName,
    ...readVersion(manifest),
    managed: readManaged(manifest),
    localizedNames,
    descriptions: manifest.labels("Descriptions", "Description"),
    publisher: readPublisher(manifest),
    rootComponents,
    missingDependencies: readMissingDependencies(manifest),
  };
}
