/**
 * The `Entities` section: the system opportunity table as a shell carrying only what the solution adds (its new
 * columns, the form, the view and the command bar; root component behavior 2), and the csb_partnercentersolution table
 * the solution creates, described whole (behavior 0). Element names and order: CustomizationsSolution.xsd
 * EntitiesType (an xs:all) and EntityInfoType.
 */
import type { CommandBarDefinition } from "../definition/commandBar";
import type { FormDefinition } from "../definition/formModel";
import { firstReleaseVersion } from "../definition/identity";
import type { ColumnDefinition, TableDefinition } from "../definition/model";
import type { ViewDefinition } from "../definition/views";
import { columnAttribute, primaryKeyAttribute } from "./attributeXml";
import { formsElement, type FormContext } from "./formXml";
import { labelList } from "./labels";
import { ribbonDiffXml } from "./ribbonXml";
import { savedQueriesElement } from "./savedQueryXml";
import { element, textElement, type XmlChild, type XmlNode } from "./xmlNode";

function entityName(schemaName: string, displayName: string): XmlNode {
  return element("Name", { LocalizedName: displayName, OriginalName: displayName }, schemaName);
}

/** What the solution adds to a table the organization already has. */
export interface ExistingTableAdditions {
  readonly schemaName: string;
  readonly displayName: string;
  readonly columns: readonly ColumnDefinition[];
  readonly forms: readonly FormDefinition[];
  readonly views: readonly ViewDefinition[];
  readonly commandBar: CommandBarDefinition | undefined;
}

/** A system table's shell: its new columns, forms, views and command bar. */
export function existingTableEntity(table: ExistingTableAdditions, context: FormContext): XmlNode {
  return element(
    "Entity",
    {},
    entityName(table.schemaName, table.displayName),
    element(
      "EntityInfo",
      {},
      element(
        "entity",
        { Name: table.schemaName },
        element(
          "attributes",
          {},
          table.columns.map((column) => columnAttribute(column)),
        ),
      ),
    ),
    table.forms.length === 0
      ? undefined
      : element(
          "FormXml",
          {},
          table.forms.map((form) => formsElement(form, context)),
        ),
    table.views.length === 0 ? undefined : savedQueriesElement(table.views),
    table.commandBar === undefined ? undefined : ribbonDiffXml(table.commandBar),
  );
}

function settings(entries: Readonly<Record<string, string>>): XmlChild[] {
  return Object.entries(entries).map(([name, value]) => textElement(name, value));
}

/** A table the solution creates: names, ownership, its primary key and name, and its own columns. */
export function newTableEntity(table: TableDefinition): XmlNode {
  return element(
    "Entity",
    {},
    entityName(table.schemaName, table.displayName),
    element(
      "EntityInfo",
      {},
      element(
        "entity",
        { Name: table.schemaName },
        labelList("LocalizedNames", "LocalizedName", table.displayName),
        labelList("LocalizedCollectionNames", "LocalizedCollectionName", table.pluralName),
        labelList("Descriptions", "Description", table.description),
        element(
          "attributes",
          {},
          primaryKeyAttribute(table.primaryKey.schemaName, table.primaryKey.displayName),
          columnAttribute(table.primaryName, { isPrimaryName: true }),
          table.columns.map((column) => columnAttribute(column)),
        ),
        settings({
          EntitySetName: table.entitySetName,
          IsDuplicateCheckSupported: "0",
          IsBusinessProcessEnabled: "0",
          IsRequiredOffline: "0",
          IsInteractionCentricEnabled: "0",
          IsCollaboration: "0",
          AutoRouteToOwnerQueue: "0",
          IsConnectionsEnabled: "0",
          IsDocumentManagementEnabled: "0",
          AutoCreateAccessTeams: "0",
          IsOneNoteIntegrationEnabled: "0",
          IsKnowledgeManagementEnabled: "0",
          IsSLAEnabled: "0",
          IsDocumentRecommendationsEnabled: "0",
          IsBPFEntity: "0",
          OwnershipTypeMask: table.ownership,
          IsAuditEnabled: "1",
          IsActivity: "0",
          IsActivityParty: "0",
          IsReplicated: "0",
          IsReplicationUserFiltered: "0",
          IsMailMergeEnabled: "0",
          IsVisibleInMobile: "0",
          IsVisibleInMobileClient: "0",
          IsReadOnlyInMobileClient: "0",
          IsOfflineInMobileClient: "0",
          DaysSinceRecordLastModified: "0",
          IsMapiGridEnabled: "1",
          IsReadingPaneEnabled: "1",
          IsQuickCreateEnabled: "0",
          SyncToExternalSearchIndex: "0",
          IntroducedVersion: firstReleaseVersion,
          IsCustomizable: "1",
          IsRenameable: "1",
          IsMappable: "1",
          CanModifyAuditSettings: "1",
          CanModifyMobileVisibility: "1",
          CanModifyConnectionSettings: "1",
          CanCreateAttributes: "1",
          CanCreateForms: "1",
          CanCreateCharts: "1",
          CanCreateViews: "1",
          CanModifyAdditionalSettings: "1",
          CanEnableSyncToExternalSearchIndex: "1",
          EnforceStateTransitions: "0",
          EntityHelpUrlEnabled: "0",
          ChangeTrackingEnabled: "1",
          HasRelatedNotes: "False",
          HasRelatedActivities: "False",
        }),
      ),
    ),
  );
}
