/**
 * Everything readSolutionZip finds in a solution zip, typed. An emulator's ImportSolution applies it to its
 * organization; the project's packer writes zips that read back into the same model.
 */
import type {
  EnvironmentVariableDefinition,
  EnvironmentVariableValue,
  SolutionCustomControl,
  SolutionServiceEndpoint,
  SolutionStep,
  SolutionWebResource,
} from "./componentModel";
import type { OptionSetDefinition, SolutionEntity } from "./entityModel";
import type { SolutionManifest } from "./manifestModel";
import type { SolutionWarning } from "./problems";

/** A solution zip read completely: the manifest, every component, and the findings that did not stop the import. */
export interface SolutionPackage {
  manifest: SolutionManifest;
  entities: readonly SolutionEntity[];
  /** The global option sets of `optionsets`. */
  optionSets: readonly OptionSetDefinition[];
  webResources: readonly SolutionWebResource[];
  customControls: readonly SolutionCustomControl[];
  serviceEndpoints: readonly SolutionServiceEndpoint[];
  steps: readonly SolutionStep[];
  environmentVariables: readonly EnvironmentVariableDefinition[];
  environmentVariableValues: readonly EnvironmentVariableValue[];
  warnings: readonly SolutionWarning[];
}
