/**
 * Reads one `attribute` of `EntityInfo/entity/attributes` (CustomizationsSolution.xsd): the PhysicalName attribute
 * (the schema name), Name and LogicalName (the lowercase logical name), displaynames, Descriptions, RequiredLevel,
 * IsCustomField, DisplayMask and the type-specific elements read by attributeDetails.
 */
import { logicalNamePattern } from "../../../core/dataverse/schema";
import { readAttributeDetails, type AttributeSurroundings } from "./attributeDetails";
import type { ElementReader } from "./elementReader";
import type { AttributeCommon, RequiredLevel, SolutionAttribute } from "./entityModel";
import type { XmlElement } from "./xmlElement";

/** What a column needs from the rest of customizations.xml (re-exported for entityReader). */
export type { AttributeSurroundings } from "./attributeDetails";

const requiredLevels: readonly RequiredLevel[] = ["none", "recommended", "required", "systemrequired"];

function readRequiredLevel(attribute: ElementReader): RequiredLevel {
  const raw = attribute.text("RequiredLevel") ?? "none";
  const level = requiredLevels.find((candidate) => candidate === raw);
  if (level === undefined) {
    attribute.problem(`has <RequiredLevel>${raw}</RequiredLevel>; use none, recommended, required or systemrequired.`);
  }
  return level ?? "none";
}

/** The logical name from Name/LogicalName, checked against the schema name and core's logical name pattern. */
function readLogicalName(attribute: ElementReader, schemaName: string): string {
  const name = attribute.text("Name");
  const logicalName = attribute.text("LogicalName") ?? name;
  if (logicalName === undefined) {
    attribute.problem("has neither <LogicalName> nor <Name>. Give its lowercase logical name.");
    return schemaName.toLowerCase();
  }
  if (name !== undefined && name !== logicalName) {
    attribute.problem(`has <Name>${name}</Name> but <LogicalName>${logicalName}</LogicalName>; they must be equal.`);
  }
  if (!logicalNamePattern.test(logicalName)) {
    attribute.problem(
      `has the logical name '${logicalName}'. Logical names are lowercase letters, digits and underscores, ` +
        "starting with a letter.",
    );
  }
  if (schemaName !== "" && schemaName.toLowerCase() !== logicalName) {
    attribute.problem(
      `has PhysicalName="${schemaName}", which is not its logical name '${logicalName}' in other case.`,
    );
  }
  return logicalName;
}

function readCommon(attribute: ElementReader, schemaName: string, logicalName: string): AttributeCommon {
  const displayMask = attribute.text("DisplayMask") ?? "";
  const common: AttributeCommon = {
    logicalName,
    schemaName,
    displayNames: attribute.labels("displaynames", "displayname"),
    descriptions: attribute.labels("Descriptions", "Description"),
    requiredLevel: readRequiredLevel(attribute),
    isCustom: attribute.flag("IsCustomField") ?? false,
    isCustomizable: attribute.flag("IsCustomizable"),
    isAuditEnabled: attribute.flag("IsAuditEnabled"),
    isPrimaryName: displayMask.split("|").includes("PrimaryName"),
    introducedVersion: attribute.text("IntroducedVersion"),
  };
  if (common.isCustom && common.displayNames.length === 0) {
    attribute.problem("is a new column without a display name. Add <displaynames><displayname …/></displaynames>.");
  }
  return common;
}

/** Reads an attribute of the table `entityLogicalName`; undefined when it can't be typed. */
export function readAttribute(
  entity: ElementReader,
  element: XmlElement,
  entityLogicalName: string,
  surroundings: AttributeSurroundings,
): SolutionAttribute | undefined {
  const physicalName = element.attributes.PhysicalName?.trim() ?? "";
  const attribute = entity.child(
    element,
    `The column ${entityLogicalName}.${physicalName.toLowerCase() || "(unnamed)"}`,
  );
  if (physicalName === "") attribute.problem("has no PhysicalName attribute (its schema name). Add it.");
  const logicalName = readLogicalName(attribute, physicalName);
  const common = readCommon(attribute, physicalName || logicalName, logicalName);
  const details = readAttributeDetails(attribute, logicalName, surroundings);
  return details === undefined ? undefined : { ...common, ...details };
}
