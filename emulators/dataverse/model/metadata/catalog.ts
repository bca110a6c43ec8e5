/**
 * The organization's metadata: tables by logical name and entity set name, their columns, global choices and the
 * navigation properties that lookups create. Solution import adds to it at run time, so every addition made after
 * the platform's own tables is kept in order and replayed when a snapshot is loaded.
 */
import { invalidArgument, resourceNotFound } from "../errors";
import { buildColumns, checkName, checkOptions, relationshipsOf, type ColumnRules } from "./columnRules";
import { platformColumns } from "./platformColumns";
import type {
  ChoiceColumn,
  ChoiceDefinition,
  ChoiceOption,
  ColumnDefinition,
  ColumnSpec,
  LookupColumn,
  LookupTarget,
  TableDefinition,
  TableSpec,
} from "./types";

/** One change to the metadata, as kept for snapshots. */
export type MetadataAddition =
  | { readonly kind: "table"; readonly spec: TableSpec }
  | { readonly kind: "column"; readonly table: string; readonly spec: ColumnSpec }
  | { readonly kind: "choice"; readonly choice: ChoiceDefinition };

/** What a navigation property of a table leads to. */
export type Navigation =
  | { readonly kind: "single"; readonly column: LookupColumn; readonly target: LookupTarget }
  | {
      readonly kind: "collection";
      readonly table: string;
      readonly column: LookupColumn;
      readonly target: LookupTarget;
    };

/** A lookup of `table` pointing at another table, seen from the table it points at. */
export interface IncomingLookup {
  readonly table: string;
  readonly column: LookupColumn;
  readonly target: LookupTarget;
}

interface TableEntry {
  readonly definition: TableDefinition;
  readonly columns: Map<string, ColumnDefinition>;
}

export class MetadataCatalog {
  private readonly byName = new Map<string, TableEntry>();
  private readonly bySet = new Map<string, TableEntry>();
  private readonly globalChoices = new Map<string, ChoiceDefinition>();
  private readonly relationships = new Set<string>();
  private readonly log: MetadataAddition[] = [];
  private recording = false;

  /** @param onAddition told about every recorded addition, e.g. to save a snapshot. */
  constructor(private readonly onAddition: (addition: MetadataAddition) => void = () => undefined) {}

  /** From now on additions count as customizations: they are logged and announced. */
  startRecording(): void {
    this.recording = true;
  }

  /** The customizations in the order they were made. */
  additions(): readonly MetadataAddition[] {
    return [...this.log];
  }

  /** Adds a table with its platform columns. @throws DataverseError 400 for a clash or a malformed name. */
  addTable(spec: TableSpec): TableDefinition {
    checkName("table", spec.logicalName);
    checkName("entity set", spec.entitySetName);
    if (this.byName.has(spec.logicalName)) throw invalidArgument(`A table named '${spec.logicalName}' already exists.`);
    if (this.bySet.has(spec.entitySetName)) {
      throw invalidArgument(`The entity set name '${spec.entitySetName}' is already used by another table.`);
    }
    const isCustom = spec.isCustomEntity ?? true;
    const definition: TableDefinition = {
      logicalName: spec.logicalName,
      entitySetName: spec.entitySetName,
      primaryIdAttribute: spec.primaryIdAttribute ?? `${spec.logicalName}id`,
      primaryNameAttribute: spec.primaryNameAttribute ?? null,
      displayName: spec.displayName,
      ownershipType: spec.ownershipType ?? "UserOwned",
      isOptimisticConcurrencyEnabled: spec.isOptimisticConcurrencyEnabled ?? true,
      isCustomEntity: isCustom,
      isManaged: spec.isManaged ?? false,
      solution: spec.solution ?? (isCustom ? "Default" : "System"),
    };
    const specs = [...(spec.columns ?? []), ...platformColumns(spec, definition.primaryIdAttribute, isCustom)];
    const columns = buildColumns(definition.logicalName, new Map(), specs, this.rules());
    const primaryName = definition.primaryNameAttribute;
    if (primaryName !== null && !columns.has(primaryName)) {
      throw invalidArgument(
        `The primary name column '${primaryName}' of '${spec.logicalName}' is not among its columns.`,
      );
    }
    this.register(columns.values());
    const entry: TableEntry = { definition, columns };
    this.byName.set(definition.logicalName, entry);
    this.bySet.set(definition.entitySetName, entry);
    this.record({ kind: "table", spec });
    return definition;
  }

  /** Adds a column to an existing table. @throws DataverseError 400 for a clash, 404 for an unknown table. */
  addColumn(table: string, spec: ColumnSpec): ColumnDefinition {
    const entry = this.entry(table);
    const [column] = buildColumns(entry.definition.logicalName, entry.columns, [spec], this.rules()).values();
    if (column === undefined) throw invalidArgument(`The column '${spec.logicalName}' could not be added.`);
    this.register([column]);
    entry.columns.set(column.logicalName, column);
    this.record({ kind: "column", table: entry.definition.logicalName, spec });
    return column;
  }

  /** Adds a global choice. @throws DataverseError 400 for a name in use or duplicate option values. */
  addChoice(choice: ChoiceDefinition): ChoiceDefinition {
    checkName("choice", choice.name);
    if (this.globalChoices.has(choice.name)) throw invalidArgument(`A choice named '${choice.name}' already exists.`);
    checkOptions(choice.name, choice.options);
    const copy = structuredClone(choice);
    this.globalChoices.set(choice.name, copy);
    this.record({ kind: "choice", choice: copy });
    return copy;
  }

  /** A table by logical name or entity set name. */
  findTable(nameOrSet: string): TableDefinition | undefined {
    return (this.byName.get(nameOrSet) ?? this.bySet.get(nameOrSet))?.definition;
  }

  /** A table by logical name or entity set name. @throws DataverseError 404 when there is none. */
  table(nameOrSet: string): TableDefinition {
    return this.entry(nameOrSet).definition;
  }

  tables(): TableDefinition[] {
    return [...this.byName.values()].map((entry) => entry.definition);
  }

  column(table: string, name: string): ColumnDefinition | undefined {
    return this.byName.get(table)?.columns.get(name);
  }

  /** The columns of a table in definition order. @throws DataverseError 404 for an unknown table. */
  columns(table: string): ColumnDefinition[] {
    return [...this.entry(table).columns.values()];
  }

  choice(name: string): ChoiceDefinition | undefined {
    return this.globalChoices.get(name);
  }

  /** The options of a choice column, from its global choice or its own. */
  optionsOf(column: ChoiceColumn): readonly ChoiceOption[] {
    return "local" in column.options ? column.options.local : (this.choice(column.options.global)?.options ?? []);
  }

  /** What a navigation property of `table` leads to: one related row (a lookup) or many (a relationship). */
  navigation(table: string, name: string): Navigation | undefined {
    for (const column of this.entry(table).columns.values()) {
      if (column.type !== "Lookup") continue;
      const target = column.targets.find((candidate) => candidate.navigationProperty === name);
      if (target !== undefined) return { kind: "single", column, target };
    }
    const incoming = this.incomingLookups(table).find((lookup) => lookup.target.relationship === name);
    return incoming === undefined ? undefined : { kind: "collection", ...incoming };
  }

  /** Every lookup, on any table, that can point at `table`. */
  incomingLookups(table: string): IncomingLookup[] {
    const found: IncomingLookup[] = [];
    for (const entry of this.byName.values()) {
      for (const column of entry.columns.values()) {
        if (column.type !== "Lookup") continue;
        const target = column.targets.find((candidate) => candidate.table === table);
        if (target !== undefined) found.push({ table: entry.definition.logicalName, column, target });
      }
    }
    return found;
  }

  private entry(nameOrSet: string): TableEntry {
    const entry = this.byName.get(nameOrSet) ?? this.bySet.get(nameOrSet);
    if (entry === undefined) throw resourceNotFound(nameOrSet);
    return entry;
  }

  private rules(): ColumnRules {
    return {
      hasChoice: (name) => this.globalChoices.has(name),
      hasRelationship: (name) => this.relationships.has(name),
    };
  }

  private register(columns: Iterable<ColumnDefinition>): void {
    for (const column of columns) for (const name of relationshipsOf(column)) this.relationships.add(name);
  }

  private record(addition: MetadataAddition): void {
    if (!this.recording) return;
    this.log.push(structuredClone(addition));
    this.onAddition(addition);
  }
}
