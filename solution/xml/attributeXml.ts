/**
 * One column as an `EntityInfo/entity/attributes/attribute` element (CustomizationsSolution.xsd; its children are an
 * xs:all, so their order is free). Types: bit (Yes/No with its own bit option set), picklist and multiselectpicklist
 * bound to a global choice by OptionSetName, nvarchar, ntext, datetime; primarykey for a new table's key.
 */
import type { ColumnDefinition } from "../definition/model";
import { firstReleaseVersion } from "../definition/identity";
import { label, labelList } from "./labels";
import { element, flag, textElement, type XmlChild, type XmlNode } from "./xmlNode";

const searchableMask = "ValidForAdvancedFind|ValidForForm|ValidForGrid";

interface AttributeShape {
  readonly physicalName: string;
  readonly logicalName: string;
  readonly type: string;
  readonly displayName: string;
  readonly description: string;
  readonly requiredLevel: "none" | "required" | "systemrequired";
  readonly displayMask: string;
  readonly isCustom: boolean;
  readonly typeElements: readonly XmlChild[];
}

function attributeElement(shape: AttributeShape): XmlNode {
  return element(
    "attribute",
    { PhysicalName: shape.physicalName },
    textElement("Type", shape.type),
    textElement("Name", shape.logicalName),
    textElement("LogicalName", shape.logicalName),
    textElement("RequiredLevel", shape.requiredLevel),
    textElement("DisplayMask", shape.displayMask),
    textElement("ImeMode", "auto"),
    textElement("ValidForUpdateApi", "1"),
    textElement("ValidForReadApi", "1"),
    textElement("ValidForCreateApi", "1"),
    textElement("IsCustomField", flag(shape.isCustom)),
    textElement("IsAuditEnabled", "1"),
    textElement("IsSecured", "0"),
    textElement("IntroducedVersion", firstReleaseVersion),
    textElement("IsCustomizable", "1"),
    textElement("IsRenameable", "1"),
    textElement("CanModifySearchSettings", "1"),
    textElement("CanModifyRequirementLevelSettings", "1"),
    textElement("CanModifyAdditionalSettings", "1"),
    textElement("SourceType", "0"),
    shape.typeElements,
    labelList("displaynames", "displayname", shape.displayName),
    labelList("Descriptions", "Description", shape.description),
  );
}

/** The Yes/No option set every bit column carries: 1 Yes, 0 No. */
function yesNoOptionSet(column: ColumnDefinition): XmlNode {
  const option = (value: number, text: string) =>
    element("option", { value }, element("labels", {}, label("label", text)));
  return element(
    "optionset",
    { Name: `${column.logicalName}_optionset` },
    textElement("OptionSetType", "bit"),
    textElement("IntroducedVersion", firstReleaseVersion),
    textElement("IsCustomizable", "1"),
    labelList("displaynames", "displayname", column.displayName),
    labelList("Descriptions", "Description", column.description),
    element("options", {}, option(1, "Yes"), option(0, "No")),
  );
}

function typeOf(column: ColumnDefinition): { type: string; elements: XmlChild[] } {
  switch (column.kind) {
    case "yesNo":
      return {
        type: "bit",
        elements: [textElement("AppDefaultValue", flag(column.defaultValue)), yesNoOptionSet(column)],
      };
    case "choice":
      return {
        type: "picklist",
        elements: [
          textElement("OptionSetName", column.choice.name),
          textElement("AppDefaultValue", column.defaultValue ?? -1),
        ],
      };
    case "multiChoice":
      return {
        type: "multiselectpicklist",
        elements: [textElement("OptionSetName", column.choice.name), textElement("AppDefaultValue", -1)],
      };
    case "text":
      return {
        type: "nvarchar",
        elements: [
          textElement("Format", column.format),
          textElement("MaxLength", column.maxLength),
          // Length is the column's size in bytes: two per character.
          textElement("Length", column.maxLength * 2),
        ],
      };
    case "memo":
      return {
        type: "ntext",
        elements: [textElement("Format", "textarea"), textElement("MaxLength", column.maxLength)],
      };
    case "dateTime":
      return {
        type: "datetime",
        elements: [
          textElement("Format", "datetime"),
          // 1: user local, shown in each user's time zone.
          textElement("Behavior", 1),
          textElement("CanChangeDateTimeBehavior", "1"),
        ],
      };
  }
}

/** A column the solution creates. `isPrimaryName` marks a new table's primary name column. */
export function columnAttribute(column: ColumnDefinition, options: { isPrimaryName?: boolean } = {}): XmlNode {
  const { type, elements } = typeOf(column);
  return attributeElement({
    physicalName: column.schemaName,
    logicalName: column.logicalName,
    type,
    displayName: column.displayName,
    description: column.description,
    requiredLevel: options.isPrimaryName === true ? "required" : "none",
    displayMask: options.isPrimaryName === true ? `PrimaryName|${searchableMask}|RequiredForForm` : searchableMask,
    isCustom: true,
    typeElements: elements,
  });
}

/** A new table's primary key column (the platform's, so not a custom field). */
export function primaryKeyAttribute(schemaName: string, displayName: string): XmlNode {
  return attributeElement({
    physicalName: schemaName,
    logicalName: schemaName.toLowerCase(),
    type: "primarykey",
    displayName,
    description: `Unique identifier of the ${displayName.toLowerCase()}.`,
    requiredLevel: "systemrequired",
    displayMask: "ValidForAdvancedFind|RequiredForGrid",
    isCustom: false,
    typeElements: [],
  });
}
