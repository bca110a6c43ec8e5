/**
 * What an import did: the solution, and per kind of component what was created, updated or left unchanged, by name.
 * Forms and the files of code components come back too, since the organization has no place to store forms and a
 * demo page wants to serve a control's bundle without digging through web resources.
 */
import type { SolutionWarning } from "../solution";

/** The kinds of component an import writes, each a table of the organization or a part of its metadata. */
export const componentKinds = [
  "publisher",
  "solution",
  "choice",
  "table",
  "column",
  "webResource",
  "customControl",
  "serviceEndpoint",
  "sdkMessageFilter",
  "step",
  "stepImage",
  "environmentVariableDefinition",
  "environmentVariableValue",
] as const;

/** One kind of component. */
export type ComponentKind = (typeof componentKinds)[number];

/** What happened to a component: written for the first time, changed, or already as the solution has it. */
export type ComponentOutcome = "created" | "updated" | "unchanged";

/** The names of the components of one kind, by outcome. */
export type ComponentChanges = Readonly<Record<ComponentOutcome, readonly string[]>>;

/** How many components of one kind had each outcome. */
export type ComponentCounts = Readonly<Record<ComponentOutcome, number>>;

/** A form of a table in the solution. The organization has no systemform table, so forms are only reported here. */
export interface ImportedForm {
  table: string;
  id: string;
  /** "main", "quick"... */
  type: string;
  name: string;
  formXml: string;
}

/** A file of a code component, also stored as the web resource `webResourceName`. */
export interface ImportedControlFile {
  /** As the control's manifest names it, e.g. "bundle.js". */
  manifestPath: string;
  webResourceName: string;
  content: Uint8Array;
}

/** A PCF control with its bundle, ready to be served by a demo page. */
export interface ImportedControl {
  name: string;
  version: string;
  bundle: Uint8Array;
  files: readonly ImportedControlFile[];
}

/** Whether the solution was new to the organization, a newer version of an installed one, or the same version. */
export type ImportKind = "install" | "upgrade" | "reimport" | "downgrade";

/** The answer of importSolution. */
export interface ImportResult {
  uniqueName: string;
  version: string;
  managed: boolean;
  kind: ImportKind;
  /** The version the organization had before, when the solution was installed already. */
  previousVersion: string | undefined;
  components: Readonly<Record<ComponentKind, ComponentChanges>>;
  counts: Readonly<Record<ComponentKind, ComponentCounts>>;
  forms: readonly ImportedForm[];
  customControls: readonly ImportedControl[];
  /** The package's warnings, then the import's own (what the emulator could not apply). */
  warnings: readonly SolutionWarning[];
}

/** Records the outcome of every component as the import writes it. */
export class ComponentTally {
  private readonly changes = new Map<ComponentKind, Record<ComponentOutcome, string[]>>(
    componentKinds.map((kind) => [kind, { created: [], updated: [], unchanged: [] }]),
  );

  record(kind: ComponentKind, name: string, outcome: ComponentOutcome): void {
    this.changes.get(kind)?.[outcome].push(name);
  }

  /** The names by kind and outcome. */
  components(): Record<ComponentKind, ComponentChanges> {
    return Object.fromEntries(componentKinds.map((kind) => [kind, this.of(kind)])) as Record<
      ComponentKind,
      ComponentChanges
    >;
  }

  /** The counts by kind and outcome. */
  counts(): Record<ComponentKind, ComponentCounts> {
    const countsOf = (changes: ComponentChanges): ComponentCounts => ({
      created: changes.created.length,
      updated: changes.updated.length,
      unchanged: changes.unchanged.length,
    });
    return Object.fromEntries(componentKinds.map((kind) => [kind, countsOf(this.of(kind))])) as Record<
      ComponentKind,
      ComponentCounts
    >;
  }

  private of(kind: ComponentKind): ComponentChanges {
    const changes = this.changes.get(kind);
    return {
      created: [...(changes?.created ?? [])],
      updated: [...(changes?.updated ?? [])],
      unchanged: [...(changes?.unchanged ?? [])],
    };
  }
}
