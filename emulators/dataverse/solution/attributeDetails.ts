/**
 * The type-specific part of an `attribute`: maps the XML `Type` (CustomizationsSolution.xsd, CrmDataType) to the
 * attribute type the organization knows, and reads the elements that type uses (MaxLength, Format, Behavior,
 * Accuracy, MinValue/MaxValue, OptionSetName or an inline optionset, AppDefaultValue).
 */
import type { ElementReader } from "./elementReader";
import type {
  AttributeDetails,
  DateTimeBehavior,
  OptionSetBinding,
  OptionSetDefinition,
  OptionSetKind,
} from "./entityModel";
import { readOptionSet } from "./optionSetReader";
import { childNamed } from "./xmlElement";

/** What the details of a lookup need from the rest of customizations.xml. */
export interface AttributeSurroundings {
  /** Referenced tables of each lookup, from the OneToMany EntityRelationships, by referencing attribute. */
  lookupTargets: ReadonlyMap<string, readonly string[]>;
}

/** The XML types the reader supports, and the attribute type each becomes. */
const attributeTypeOfXmlType = {
  nvarchar: "String",
  ntext: "Memo",
  bit: "Boolean",
  datetime: "DateTime",
  picklist: "Picklist",
  multiselectpicklist: "MultiSelectPicklist",
  state: "State",
  status: "Status",
  lookup: "Lookup",
  owner: "Owner",
  customer: "Customer",
  money: "Money",
  decimal: "Decimal",
  float: "Double",
  int: "Integer",
  bigint: "BigInt",
  uniqueidentifier: "Uniqueidentifier",
  primarykey: "PrimaryKey",
} as const satisfies Record<string, AttributeDetails["type"]>;

type XmlAttributeType = keyof typeof attributeTypeOfXmlType;

function isSupportedXmlType(type: string): type is XmlAttributeType {
  return Object.hasOwn(attributeTypeOfXmlType, type);
}

/** The `Behavior` codes of a DateTime attribute. */
const dateTimeBehaviors: Record<number, DateTimeBehavior> = { 1: "UserLocal", 2: "DateOnly", 3: "TimeZoneIndependent" };

/** Tables a lookup of these special types always targets, when no relationship in the zip says otherwise. */
const implicitTargets: Partial<Record<string, readonly string[]>> = {
  owner: ["systemuser", "team"],
  customer: ["account", "contact"],
};

function maxLength(attribute: ElementReader, limit: number): number {
  const value = attribute.integer("MaxLength");
  if (value === undefined || value < 1 || value > limit) {
    attribute.problem(`needs a <MaxLength> from 1 to ${limit}.`);
    return 0;
  }
  return value;
}

function inlineOptionSet(attribute: ElementReader, kind: OptionSetKind): OptionSetDefinition | undefined {
  const element = childNamed(attribute.element, "optionset");
  if (element === undefined) {
    attribute.problem(`has no <optionset> of type ${kind}. Add its choices.`);
    return undefined;
  }
  const optionSet = readOptionSet(
    attribute,
    element,
    `The option set of ${attribute.subject.replace(/^The /, "the ")}`,
  );
  if (optionSet.kind !== kind) attribute.problem(`has an option set of type ${optionSet.kind}; it must be ${kind}.`);
  return optionSet;
}

/** A choice column's options: its own inline option set, or a global one named by OptionSetName. */
function choiceBinding(attribute: ElementReader): OptionSetBinding | undefined {
  const element = childNamed(attribute.element, "optionset");
  const optionSetName = attribute.text("OptionSetName");
  if (element !== undefined && attribute.child(element, attribute.subject).flag("IsGlobal") !== true) {
    const definition = inlineOptionSet(attribute, "picklist");
    if (definition === undefined) return undefined;
    if (optionSetName !== undefined && optionSetName !== definition.name) {
      attribute.problem(`names the option set '${optionSetName}' but defines '${definition.name}'. Make them agree.`);
    }
    return { kind: "local", definition };
  }
  const name = optionSetName ?? element?.attributes.Name;
  if (name === undefined) {
    attribute.problem("is a choice column without options: add <OptionSetName> or an <optionset>.");
    return undefined;
  }
  return { kind: "global", name };
}

function dateTimeDetails(attribute: ElementReader): AttributeDetails {
  const rawFormat = attribute.text("Format") ?? "datetime";
  const format = rawFormat === "date" || rawFormat === "datetime" ? rawFormat : undefined;
  if (format === undefined) attribute.problem(`has <Format>${rawFormat}</Format>; use date or datetime.`);
  const code = attribute.integer("Behavior") ?? 1;
  const behavior = dateTimeBehaviors[code];
  if (behavior === undefined) {
    attribute.problem(
      `has <Behavior>${code}</Behavior>; use 1 (user local), 2 (date only) or 3 (time-zone independent).`,
    );
  }
  if (behavior === "DateOnly" && format === "datetime")
    attribute.problem("is date-only, so its <Format> must be date.");
  return { type: "DateTime", format: format ?? "datetime", behavior: behavior ?? "UserLocal" };
}

function defaultChoice(attribute: ElementReader): number | undefined {
  const value = attribute.integer("AppDefaultValue");
  return value === undefined || value === -1 ? undefined : value;
}

function detailsOf(
  type: XmlAttributeType,
  attribute: ElementReader,
  logicalName: string,
  surroundings: AttributeSurroundings,
): AttributeDetails | undefined {
  switch (type) {
    case "nvarchar":
      return { type: "String", maxLength: maxLength(attribute, 4_000), format: attribute.text("Format") };
    case "ntext":
      return { type: "Memo", maxLength: maxLength(attribute, 1_048_576) };
    case "bit": {
      const optionSet = inlineOptionSet(attribute, "bit");
      const value = attribute.integer("AppDefaultValue");
      return optionSet && { type: "Boolean", optionSet, defaultValue: value === undefined ? undefined : value === 1 };
    }
    case "datetime":
      return dateTimeDetails(attribute);
    case "picklist":
    case "multiselectpicklist": {
      const optionSet = choiceBinding(attribute);
      return optionSet && { type: attributeTypeOfXmlType[type], optionSet, defaultValue: defaultChoice(attribute) };
    }
    case "state":
    case "status": {
      const optionSet = inlineOptionSet(attribute, type);
      return optionSet && { type: attributeTypeOfXmlType[type], optionSet };
    }
    case "lookup":
    case "owner":
    case "customer": {
      const targets = surroundings.lookupTargets.get(logicalName) ?? implicitTargets[type] ?? [];
      if (targets.length === 0) attribute.warn("is a lookup without a relationship in the zip naming its table.");
      return { type: attributeTypeOfXmlType[type], targets };
    }
    case "money":
    case "decimal":
    case "float":
      return {
        type: attributeTypeOfXmlType[type],
        precision: attribute.integer("Accuracy"),
        minValue: attribute.number("MinValue"),
        maxValue: attribute.number("MaxValue"),
      };
    case "int":
    case "bigint":
      return {
        type: attributeTypeOfXmlType[type],
        format: attribute.text("Format"),
        minValue: attribute.number("MinValue"),
        maxValue: attribute.number("MaxValue"),
      };
    case "uniqueidentifier":
    case "primarykey":
      return { type: attributeTypeOfXmlType[type] };
  }
}

/** Reads the details for the XML `Type`; undefined (after recording the problem) for a missing or unknown type. */
export function readAttributeDetails(
  attribute: ElementReader,
  logicalName: string,
  surroundings: AttributeSurroundings,
): AttributeDetails | undefined {
  const xmlType = attribute.text("Type");
  if (xmlType === undefined) {
    attribute.problem("has no <Type>. Give its data type (e.g. nvarchar, picklist, bit).");
    return undefined;
  }
  if (!isSupportedXmlType(xmlType)) {
    const supported = Object.keys(attributeTypeOfXmlType).join(", ");
    attribute.problem(`has the type '${xmlType}', which the emulator can't import. Supported types: ${supported}.`);
    return undefined;
  }
  return detailsOf(xmlType, attribute, logicalName, surroundings);
}
