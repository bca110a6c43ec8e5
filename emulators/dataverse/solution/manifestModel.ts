/**
 * The typed model of solution.xml: `ImportExportXml/SolutionManifest` (shared/reference/toolchain.md §4).
 */

/** A text in one language, as the `description`/`languagecode` pairs of LocalizedName, displayname, label... */
export interface Label {
  languageCode: number;
  text: string;
}

/** Solution component type codes that appear in RootComponents (toolchain.md §4). */
export const ComponentType = {
  Entity: 1,
  Attribute: 2,
  WebResource: 61,
  CustomControl: 66,
  SdkMessageProcessingStep: 92,
  ServiceEndpoint: 95,
  EnvironmentVariableDefinition: 380,
  EnvironmentVariableValue: 381,
} as const;

/**
 * How much of a table a root component brings: 0 the table with all its parts (a table the solution creates),
 * 1 the table without subcomponents, 2 only a shell that carries the listed parts (the usual choice for a system
 * table to which a solution adds columns).
 */
export const RootComponentBehavior = {
  IncludeSubcomponents: 0,
  DoNotIncludeSubcomponents: 1,
  IncludeAsShellOnly: 2,
} as const;
/** A root component `behavior`: 0, 1 or 2. */
export type RootComponentBehavior = (typeof RootComponentBehavior)[keyof typeof RootComponentBehavior];

/** One `RootComponent`: named by `schemaName` or by `id` (a lowercase GUID without braces). */
export interface RootComponent {
  type: number;
  schemaName: string | undefined;
  id: string | undefined;
  behavior: RootComponentBehavior;
}

/** A `MissingDependency/Required`: something the target organization must already have. */
export interface RequiredComponent {
  type: number;
  schemaName: string | undefined;
  id: string | undefined;
  displayName: string | undefined;
}

/** The publisher: every custom name carries its prefix, every custom option value its option value prefix. */
export interface SolutionPublisher {
  uniqueName: string;
  localizedNames: readonly Label[];
  descriptions: readonly Label[];
  /** `CustomizationPrefix`, e.g. "csb". */
  customizationPrefix: string;
  /** `CustomizationOptionValuePrefix`, 10000 to 99999; custom option values are this × 10000 + n. */
  optionValuePrefix: number;
}

/** The four numbers of a solution version, major first. */
export type SolutionVersionParts = readonly [number, number, number, number];

/** `SolutionManifest`. */
export interface SolutionManifest {
  uniqueName: string;
  /** As written, e.g. "1.0.0.3". */
  version: string;
  versionParts: SolutionVersionParts;
  managed: boolean;
  localizedNames: readonly Label[];
  descriptions: readonly Label[];
  publisher: SolutionPublisher;
  rootComponents: readonly RootComponent[];
  missingDependencies: readonly RequiredComponent[];
}
