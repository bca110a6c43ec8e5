/**
 * Reads `Entities/Entity` of customizations.xml (CustomizationsSolution.xsd, EntitiesType and EntityInfoType): the
 * table's Name, its EntityInfo (names, entity set, ownership) with its attributes, and its forms. Whether the table
 * is new comes from its name and its root component (see SolutionEntity.kind); a new table must describe itself
 * completely, an existing one only carries what the solution adds.
 */
import { logicalNamePattern } from "../../../core/dataverse/schema";
import { readAttribute, type AttributeSurroundings } from "./attributeReader";
import { ElementReader, type ReadContext } from "./elementReader";
import type { SolutionAttribute, SolutionEntity, TableOwnership } from "./entityModel";
import { readForms } from "./formReader";
import { ComponentType, type SolutionManifest } from "./manifestModel";
import { childNamed, childText, listItems, type XmlElement } from "./xmlElement";

const ownerships: readonly TableOwnership[] = ["UserOwned", "OrgOwned", "BusinessOwned", "None"];

/** Referenced tables of each lookup, keyed "referencingentity.referencingattribute", from OneToMany relationships. */
function lookupTargetsOf(customizations: XmlElement): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  for (const relationship of listItems(customizations, "EntityRelationships", "EntityRelationship")) {
    if (childText(relationship, "EntityRelationshipType") !== "OneToMany") continue;
    const referencing = childText(relationship, "ReferencingEntityName")?.toLowerCase();
    const attribute = childText(relationship, "ReferencingAttributeName")?.toLowerCase();
    const referenced = childText(relationship, "ReferencedEntityName")?.toLowerCase();
    if (referencing === undefined || attribute === undefined || referenced === undefined) continue;
    const key = `${referencing}.${attribute}`;
    targets.set(key, [...(targets.get(key) ?? []), referenced]);
  }
  return targets;
}

function surroundingsFor(logicalName: string, allTargets: ReadonlyMap<string, string[]>): AttributeSurroundings {
  const prefix = `${logicalName}.`;
  const lookupTargets = new Map(
    [...allTargets]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, targets]) => [key.slice(prefix.length), targets]),
  );
  return { lookupTargets };
}

function readAttributes(
  entity: ElementReader,
  info: XmlElement | undefined,
  logicalName: string,
  targets: ReadonlyMap<string, string[]>,
): SolutionAttribute[] {
  if (info === undefined) return [];
  const surroundings = surroundingsFor(logicalName, targets);
  const attributes = listItems(info, "attributes", "attribute").flatMap(
    (element) => readAttribute(entity, element, logicalName, surroundings) ?? [],
  );
  const seen = new Set<string>();
  for (const { logicalName: name } of attributes) {
    if (seen.has(name)) entity.problem(`lists the column '${name}' twice. Keep one.`);
    seen.add(name);
  }
  return attributes;
}

/** What a table this solution creates must say about itself. */
function checkNewTable(entity: ElementReader, table: SolutionEntity): void {
  if (table.displayNames.length === 0) entity.problem("is a new table without <LocalizedNames>. Name it.");
  if (table.collectionNames.length === 0)
    entity.problem("is a new table without <LocalizedCollectionNames>. Add them.");
  if (table.entitySetName === undefined || !logicalNamePattern.test(table.entitySetName)) {
    entity.problem("is a new table without a valid <EntitySetName> (its Web API collection name). Add one.");
  }
  if (table.ownership !== "UserOwned" && table.ownership !== "OrgOwned") {
    entity.problem("is a new table; its <OwnershipTypeMask> must be UserOwned or OrgOwned.");
  }
  const keys = table.attributes.filter((attribute) => attribute.type === "PrimaryKey");
  if (keys.length !== 1 || keys[0]?.logicalName !== `${table.logicalName}id`) {
    entity.problem(`is a new table; it needs one primarykey column named '${table.logicalName}id'.`);
  }
  const names = table.attributes.filter((attribute) => attribute.isPrimaryName);
  if (names.length !== 1 || names[0]?.type !== "String") {
    entity.problem("is a new table; it needs one nvarchar column whose <DisplayMask> contains PrimaryName.");
  }
}

function readEntity(
  element: XmlElement,
  manifest: SolutionManifest,
  context: ReadContext,
  targets: ReadonlyMap<string, string[]>,
): SolutionEntity {
  const schemaName = childText(element, "Name") ?? "";
  const logicalName = schemaName.toLowerCase();
  const entity = new ElementReader(element, `The table '${logicalName || "(unnamed)"}' in customizations.xml`, context);
  if (schemaName === "") entity.problem("has no <Name>. Give the table's schema name.");
  else if (!logicalNamePattern.test(logicalName)) entity.problem("has a name that is not a valid logical name.");
  const entityInfo = childNamed(element, "EntityInfo");
  const infoElement = entityInfo === undefined ? undefined : childNamed(entityInfo, "entity");
  const info = infoElement === undefined ? undefined : entity.child(infoElement, entity.subject);
  if (info !== undefined && info.attribute("Name")?.toLowerCase() !== logicalName) {
    entity.problem(`has <entity Name="${info.attribute("Name") ?? ""}">, which is not its own name. Make them agree.`);
  }
  const root = manifest.rootComponents.find(
    (component) => component.type === ComponentType.Entity && component.schemaName?.toLowerCase() === logicalName,
  );
  const isOurs = logicalName.startsWith(`${manifest.publisher.customizationPrefix}_`);
  const rawOwnership = info?.text("OwnershipTypeMask");
  const ownership = ownerships.find((candidate) => candidate === rawOwnership);
  if (rawOwnership !== undefined && ownership === undefined) {
    entity.problem(`has <OwnershipTypeMask>${rawOwnership}</OwnershipTypeMask>; use UserOwned or OrgOwned.`);
  }
  const attributes = readAttributes(entity, infoElement, logicalName, targets);
  const table: SolutionEntity = {
    logicalName,
    schemaName,
    kind: isOurs && root?.behavior === 0 ? "new" : "existing",
    rootBehavior: root?.behavior,
    displayNames: info?.labels("LocalizedNames", "LocalizedName") ?? [],
    collectionNames: info?.labels("LocalizedCollectionNames", "LocalizedCollectionName") ?? [],
    descriptions: info?.labels("Descriptions", "Description") ?? [],
    entitySetName: info?.text("EntitySetName"),
    ownership,
    primaryIdAttribute: attributes.find((attribute) => attribute.type === "PrimaryKey")?.logicalName,
    primaryNameAttribute: attributes.find((attribute) => attribute.isPrimaryName)?.logicalName,
    isCustomizable: info?.flag("IsCustomizable"),
    isAuditEnabled: info?.flag("IsAuditEnabled"),
    introducedVersion: info?.text("IntroducedVersion"),
    attributes,
    forms: readForms(entity),
  };
  if (table.kind === "new") checkNewTable(entity, table);
  return table;
}

/** Reads every table of customizations.xml. */
export function readEntities(
  customizations: XmlElement,
  manifest: SolutionManifest,
  context: ReadContext,
): SolutionEntity[] {
  const targets = lookupTargetsOf(customizations);
  const entities = listItems(customizations, "Entities", "Entity").map((element) =>
    readEntity(element, manifest, context, targets),
  );
  const seen = new Set<string>();
  for (const { logicalName } of entities) {
    if (seen.has(logicalName)) {
      context.findings.problem(
        "InvalidComponent",
        context.part,
        `The table '${logicalName}' appears twice in <Entities>. Merge them.`,
      );
    }
    seen.add(logicalName);
  }
  return entities;
}
