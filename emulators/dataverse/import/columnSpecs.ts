/**
 * Maps the solution package's attribute model onto the column specs the organization's metadata takes (addColumn,
 * addTable), and compares an existing column with the one a solution brings.
 */
import {
  column,
  type ChoiceOption,
  type ColumnDefinition,
  type ColumnOptions,
  type ColumnSpec,
  type OptionSource,
  type OwnershipType,
  type RequiredLevel,
  type StateModel,
  type StringFormat,
} from "../model";
import type {
  Label,
  OptionDefinition,
  OptionSetBinding,
  OptionSetDefinition,
  SolutionAttribute,
  TableOwnership,
} from "../solution";

/** The language whose labels the organization keeps: it stores one label per thing, and exports write 1033. */
const baseLanguageCode = 1033;

/** The label in the organization's language, else the first one, else `fallback`. */
export function labelText(labels: readonly Label[], fallback: string): string {
  return (labels.find((label) => label.languageCode === baseLanguageCode) ?? labels[0])?.text ?? fallback;
}

/** The options of an option set, with their state links for state and status columns. */
export function choiceOptions(definition: OptionSetDefinition): ChoiceOption[] {
  return definition.options.map((option: OptionDefinition) => ({
    value: option.value,
    label: labelText(option.labels, String(option.value)),
    ...(option.state === undefined ? {} : { state: option.state }),
    ...(option.defaultStatus === undefined ? {} : { defaultStatus: option.defaultStatus }),
  }));
}

function optionSource(binding: OptionSetBinding): OptionSource {
  return binding.kind === "global" ? { global: binding.name } : { local: choiceOptions(binding.definition) };
}

// Makers can't make their own columns system-required (only business-required), and the organization enforces
// SystemRequired on every write, which would refuse updates of rows that existed before the column: so it becomes
// ApplicationRequired, the level that "required" means in a solution.
const requiredLevels: Record<SolutionAttribute["requiredLevel"], RequiredLevel> = {
  none: "None",
  recommended: "Recommended",
  required: "ApplicationRequired",
  systemrequired: "ApplicationRequired",
};

const stringFormats: Partial<Record<string, StringFormat>> = { email: "Email", url: "Url", phone: "Phone" };

const ownershipTypes: Record<TableOwnership, OwnershipType> = {
  UserOwned: "UserOwned",
  OrgOwned: "OrganizationOwned",
  BusinessOwned: "BusinessOwned",
  None: "None",
};

/** The organization's ownership type for a table's `OwnershipTypeMask`; user-owned when the zip says nothing. */
export function ownershipTypeOf(ownership: TableOwnership | undefined): OwnershipType {
  return ownership === undefined ? "UserOwned" : ownershipTypes[ownership];
}

function numberOptions(attribute: { minValue: number | undefined; maxValue: number | undefined }) {
  return {
    ...(attribute.minValue === undefined ? {} : { minValue: attribute.minValue }),
    ...(attribute.maxValue === undefined ? {} : { maxValue: attribute.maxValue }),
  };
}

/**
 * The column spec of an attribute; undefined for the primary key, which the table itself brings. Owner and Customer
 * become lookups on their tables, and Double (float) becomes Decimal, since the organization has no floating-point
 * column type.
 */
export function columnSpecOf(attribute: SolutionAttribute): ColumnSpec | undefined {
  const name = attribute.logicalName;
  const common: ColumnOptions = {
    displayName: labelText(attribute.displayNames, attribute.schemaName),
    requiredLevel: requiredLevels[attribute.requiredLevel],
    isCustom: attribute.isCustom,
  };
  switch (attribute.type) {
    case "String":
      return column.string(name, {
        ...common,
        maxLength: attribute.maxLength,
        format: stringFormats[attribute.format?.toLowerCase() ?? "text"] ?? "Text",
      });
    case "Memo":
      return column.memo(name, { ...common, maxLength: attribute.maxLength });
    case "Boolean": {
      const labelOf = (value: number, fallback: string) =>
        labelText(attribute.optionSet.options.find((option) => option.value === value)?.labels ?? [], fallback);
      return column.boolean(name, {
        ...common,
        trueLabel: labelOf(1, "Yes"),
        falseLabel: labelOf(0, "No"),
        ...(attribute.defaultValue === undefined ? {} : { defaultValue: attribute.defaultValue }),
      });
    }
    case "DateTime":
      return column.dateTime(name, { ...common, behavior: attribute.behavior });
    case "Picklist":
      return column.choice(name, optionSource(attribute.optionSet), {
        ...common,
        defaultValue: attribute.defaultValue ?? null,
      });
    case "MultiSelectPicklist":
      return column.multiChoice(name, optionSource(attribute.optionSet), common);
    case "State":
      return column.state(name, choiceOptions(attribute.optionSet), common);
    case "Status":
      return column.status(name, choiceOptions(attribute.optionSet), common);
    case "Lookup":
    case "Owner":
    case "Customer":
      return column.lookup(name, attribute.targets, common);
    case "Money":
      return column.money(name, { ...common, ...numberOptions(attribute), ...precisionOf(attribute.precision) });
    case "Decimal":
    case "Double":
      return column.decimal(name, { ...common, ...numberOptions(attribute), ...precisionOf(attribute.precision) });
    case "Integer":
      return column.integer(name, { ...common, ...numberOptions(attribute) });
    case "BigInt":
      return column.bigInt(name, { ...common, ...numberOptions(attribute) });
    case "Uniqueidentifier":
      return column.uniqueidentifier(name, common);
    case "PrimaryKey":
      return undefined;
  }
}

function precisionOf(precision: number | undefined) {
  return precision === undefined ? {} : { precision };
}

/** The state model of a new table from its statecode and statuscode attributes, when the zip has both. */
export function stateModelOf(attributes: readonly SolutionAttribute[]): StateModel | undefined {
  let states: ChoiceOption[] | undefined;
  let statuses: ChoiceOption[] | undefined;
  for (const attribute of attributes) {
    if (attribute.type === "State") states = choiceOptions(attribute.optionSet);
    if (attribute.type === "Status") statuses = choiceOptions(attribute.optionSet);
  }
  return states === undefined || statuses === undefined ? undefined : { states, statuses };
}

/**
 * What differs between an existing column of the same type and the one the solution brings, in ways that matter to
 * writes (length, option values). The organization can't change a column, so the import reports these as warnings.
 */
export function columnDifference(
  existing: ColumnDefinition,
  existingOptions: readonly ChoiceOption[],
  wanted: ColumnSpec,
  wantedOptions: readonly ChoiceOption[],
): string | undefined {
  if ((existing.type === "String" || existing.type === "Memo") && "maxLength" in wanted) {
    if (existing.maxLength !== wanted.maxLength) {
      return `its maximum length is ${existing.maxLength} in the organization and ${wanted.maxLength} in the solution`;
    }
  }
  if ("options" in existing && "options" in wanted) return optionDifference(existingOptions, wantedOptions);
  return undefined;
}

/** How two option lists differ by value, or undefined when they have the same values. */
export function optionDifference(
  existing: readonly ChoiceOption[],
  wanted: readonly ChoiceOption[],
): string | undefined {
  const have = new Set(existing.map((option) => option.value));
  const want = new Set(wanted.map((option) => option.value));
  const missing = [...want].filter((value) => !have.has(value));
  const extra = [...have].filter((value) => !want.has(value));
  if (missing.length === 0 && extra.length === 0) return undefined;
  const parts = [
    missing.length > 0 ? `the solution adds the values ${missing.join(", ")}` : "",
    extra.length > 0 ? `the organization has the values ${extra.join(", ")} that the solution doesn't` : "",
  ];
  return parts.filter((part) => part !== "").join(" and ");
}
