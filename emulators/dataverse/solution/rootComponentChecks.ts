/**
 * Cross-checks solution.xml's RootComponents against the parts of the zip, both ways (shared/reference/toolchain.md
 * §4): every root component needs its part (1 an Entity, 61 a WebResource, 66 a CustomControl, 92 a step, 95 a
 * service endpoint, 380 an environment variable folder, 381 a values file), and every part needs its root component,
 * because Dataverse silently skips an environment variable without one and the emulator applies root components only.
 * The parts are named from the XML as written, so a component that failed to read is not reported twice.
 */
import { normalizeGuid } from "./elementReader";
import { ComponentType, type RootComponent, type SolutionManifest } from "./manifestModel";
import { customizationsPart, solutionPart } from "./partPaths";
import type { Findings } from "./problems";
import { childText, listItems, type XmlElement } from "./xmlElement";

/** How each checked component type is named and keyed in RootComponents and in the parts. */
interface ComponentKind {
  type: number;
  noun: string;
  /** "schemaName" or "id": which attribute of RootComponent names it. */
  key: "schemaName" | "id";
  /** Where the part lives, for messages. */
  where: string;
}

const checkedKinds: readonly ComponentKind[] = [
  { type: ComponentType.Entity, noun: "table", key: "schemaName", where: "an <Entity> in customizations.xml" },
  {
    type: ComponentType.Attribute,
    noun: "column",
    key: "schemaName",
    where: "an <attribute> of an <Entity> in customizations.xml",
  },
  {
    type: ComponentType.WebResource,
    noun: "web resource",
    key: "schemaName",
    where: "a <WebResource> in customizations.xml",
  },
  {
    type: ComponentType.CustomControl,
    noun: "custom control",
    key: "schemaName",
    where: "a <CustomControl> in customizations.xml",
  },
  {
    type: ComponentType.SdkMessageProcessingStep,
    noun: "step",
    key: "id",
    where: "an <SdkMessageProcessingStep> in customizations.xml",
  },
  {
    type: ComponentType.ServiceEndpoint,
    noun: "service endpoint",
    key: "id",
    where: "a <ServiceEndpoint> in customizations.xml",
  },
  {
    type: ComponentType.EnvironmentVariableDefinition,
    noun: "environment variable",
    key: "schemaName",
    where: "a folder environmentvariabledefinitions/<schemaname>/",
  },
  {
    type: ComponentType.EnvironmentVariableValue,
    noun: "environment variable value",
    key: "schemaName",
    where: "an environmentvariablevalues.json in its definition folder",
  },
];

/**
 * The parts of the zip by component type: lowercase name or normalized id (as RootComponents are matched) to the
 * name as written.
 */
export type DeclaredComponents = ReadonlyMap<number, ReadonlyMap<string, string>>;

function keysOf(values: readonly (string | undefined)[]): Map<string, string> {
  const defined = values.filter((value): value is string => value !== undefined);
  return new Map(defined.map((value) => [value.toLowerCase(), value]));
}

/** Names the parts present in customizations.xml and the environment variable folders. */
export function declaredComponents(
  customizations: XmlElement,
  variableFolders: readonly string[],
  valueFolders: readonly string[],
): DeclaredComponents {
  const named = (list: string, item: string, child: string) =>
    keysOf(listItems(customizations, list, item).map((element) => childText(element, child)));
  const ids = (list: string, item: string, attribute: string) =>
    keysOf(listItems(customizations, list, item).map((element) => normalizeGuid(element.attributes[attribute] ?? "")));
  return new Map<number, ReadonlyMap<string, string>>([
    [ComponentType.Entity, named("Entities", "Entity", "Name")],
    [ComponentType.Attribute, keysOf(attributeNames(customizations))],
    [ComponentType.WebResource, named("WebResources", "WebResource", "Name")],
    [ComponentType.CustomControl, named("CustomControls", "CustomControl", "Name")],
    [
      ComponentType.SdkMessageProcessingStep,
      ids("SdkMessageProcessingSteps", "SdkMessageProcessingStep", "SdkMessageProcessingStepId"),
    ],
    [ComponentType.ServiceEndpoint, ids("ServiceEndpoints", "ServiceEndpoint", "ServiceEndpointId")],
    [ComponentType.EnvironmentVariableDefinition, keysOf(variableFolders)],
    [ComponentType.EnvironmentVariableValue, keysOf(valueFolders)],
  ]);
}

/** Every attribute's logical name: customizations.xml has no attribute ids, so a column is matched by name. */
function attributeNames(customizations: XmlElement): string[] {
  return listItems(customizations, "Entities", "Entity").flatMap((entity) => {
    const info = listItems(entity, "EntityInfo", "entity")[0];
    if (info === undefined) return [];
    return listItems(info, "attributes", "attribute").map((attribute) => attribute.attributes.PhysicalName ?? "");
  });
}

function keyOf(component: RootComponent, kind: ComponentKind): string | undefined {
  return component[kind.key]?.toLowerCase();
}

function checkRootComponent(component: RootComponent, declared: DeclaredComponents, findings: Findings): void {
  const kind = checkedKinds.find((candidate) => candidate.type === component.type);
  if (kind === undefined) {
    findings.warn(
      solutionPart,
      `RootComponent type ${component.type} is not a component the emulator imports; it is ignored.`,
    );
    return;
  }
  if (kind.type === ComponentType.Attribute && component.schemaName === undefined) {
    findings.warn(
      solutionPart,
      `The column root component ${component.id ?? ""} is named by id, which the zip can't confirm.`,
    );
    return;
  }
  const key = keyOf(component, kind);
  if (key === undefined) {
    findings.problem(
      "InvalidManifest",
      solutionPart,
      `A RootComponent of type ${kind.type} (${kind.noun}) must name it by ${kind.key}.`,
    );
    return;
  }
  if (declared.get(kind.type)?.has(key) !== true) {
    findings.problem(
      "ComponentMismatch",
      solutionPart,
      `RootComponents lists the ${kind.noun} '${key}' (type ${kind.type}), but the zip has no ${kind.where} for it. ` +
        "Add the component or remove the root component.",
    );
  }
}

/** Records a problem for every root component without its part and every part without its root component. */
export function checkRootComponents(
  manifest: SolutionManifest,
  declared: DeclaredComponents,
  findings: Findings,
): void {
  for (const component of manifest.rootComponents) checkRootComponent(component, declared, findings);
  for (const kind of checkedKinds) {
    // Columns travel with their table and values with their definition: neither needs a root component of its own.
    if (kind.type === ComponentType.Attribute || kind.type === ComponentType.EnvironmentVariableValue) continue;
    const listed = new Set(
      manifest.rootComponents
        .filter((component) => component.type === kind.type)
        .map((component) => keyOf(component, kind)),
    );
    for (const [key, name] of declared.get(kind.type) ?? []) {
      if (listed.has(key)) continue;
      const part =
        kind.type === ComponentType.EnvironmentVariableDefinition
          ? `environmentvariabledefinitions/${name}/`
          : customizationsPart;
      findings.problem(
        "ComponentMismatch",
        part,
        `The ${kind.noun} '${name}' is in the zip but not in solution.xml's RootComponents, so the import would skip it. ` +
          `Add <RootComponent type="${kind.type}" ${kind.key}="…" behavior="0" />.`,
      );
    }
  }
}
